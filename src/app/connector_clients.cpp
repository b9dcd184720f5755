#include "app/connector_clients.hpp"

#include "connectors/apollo/client.hpp"
#include "connectors/consul/client.hpp"
#include "connectors/dns/client.hpp"
#include "connectors/gitlab/client.hpp"
#include "connectors/jenkins/client.hpp"
#include "connectors/registry/client.hpp"
#include "connectors/tapd/client.hpp"

namespace slipway::app {

namespace {

using connectors::TransportSettings;

// The name the checks look up: nobody creates it, so "not found" is the answer.
constexpr const char* kProbeName = "slipway-connectivity-check";

TransportSettings Transport(const core::ConnectorSettings& s, const ClientLimits& limits) {
  TransportSettings t;
  t.base_url = s.url;
  t.tls.ca_file = s.ca_file;
  t.tls.insecure_skip_verify = s.insecure_skip_tls_verify;
  t.connect_timeout = limits.connect_timeout;
  t.timeout = limits.timeout;
  t.max_retries = limits.max_retries;
  return t;
}

// An answer about the probe's own name: the system is there and let Slipway ask.
core::Status Answered(const core::Status& status, bool forbidden_is_an_answer = false) {
  if (status.ok() || status.error().code == core::Code::kNotFound) return core::Ok{};
  if (forbidden_is_an_answer && status.error().code == core::Code::kForbidden) return core::Ok{};
  return status.error();
}

template <class T>
core::Status StatusOf(const core::Result<T>& result) {
  if (result.ok()) return core::Ok{};
  return result.error();
}

}  // namespace

std::shared_ptr<connectors::Jenkins> JenkinsFor(const core::ConnectorSettings& s,
                                                const ClientLimits& limits) {
  connectors::jenkins::JenkinsSettings settings;
  settings.transport = Transport(s, limits);
  settings.transport.basic_user = s.user;
  settings.transport.basic_password = s.token;
  return std::make_shared<connectors::jenkins::JenkinsClient>(std::move(settings));
}

std::shared_ptr<connectors::Registry> RegistryFor(const core::ConnectorSettings& s,
                                                  const ClientLimits& limits) {
  auto t = Transport(s, limits);
  t.basic_user = s.user;
  t.basic_password = s.token;
  return std::make_shared<connectors::registry::RegistryClient>(std::move(t));
}

std::shared_ptr<connectors::ApolloPortal> ApolloFor(const core::ConnectorSettings& s,
                                                    const ClientLimits& limits) {
  connectors::apollo::ApolloSettings settings;
  settings.transport = Transport(s, limits);
  settings.token = s.token;
  return std::make_shared<connectors::apollo::ApolloClient>(std::move(settings));
}

std::shared_ptr<connectors::ConsulKv> ConsulFor(const core::ConnectorSettings& s,
                                                const ClientLimits& limits) {
  connectors::consul::ConsulSettings settings;
  settings.transport = Transport(s, limits);
  settings.token = s.token;
  settings.datacenter = s.datacenter;
  return std::make_shared<connectors::consul::ConsulClient>(std::move(settings));
}

std::shared_ptr<connectors::GitLab> GitLabFor(const core::ConnectorSettings& s,
                                              const ClientLimits& limits) {
  connectors::gitlab::GitLabSettings settings;
  settings.transport = Transport(s, limits);
  settings.token = s.token;
  return std::make_shared<connectors::gitlab::GitLabClient>(std::move(settings));
}

std::shared_ptr<connectors::Tapd> TapdFor(const core::ConnectorSettings& s,
                                          const ClientLimits& limits) {
  connectors::tapd::TapdSettings settings;
  settings.transport = Transport(s, limits);
  // An API account uses basic auth; a personal access token comes alone.
  if (s.user.empty()) {
    settings.transport.bearer_token = s.token;
  } else {
    settings.transport.basic_user = s.user;
    settings.transport.basic_password = s.token;
  }
  if (!s.web_url.empty()) settings.web_url = s.web_url;
  return std::make_shared<connectors::tapd::TapdClient>(std::move(settings));
}

std::shared_ptr<connectors::DnsZone> DnsFor(const core::ConnectorSettings& s,
                                            const ClientLimits& limits) {
  connectors::dns::DnsSettings settings;
  // The settings were checked (core::NormalizeConnectorValue): the server parses.
  auto server = core::ParseDnsServer(s.server).value_or(core::DnsServerAddress{});
  settings.server = server.host;
  settings.port = server.port;
  settings.zone = s.zone;
  settings.key_name = s.key_name;
  if (!s.key_algorithm.empty()) settings.algorithm = s.key_algorithm;
  settings.key_secret = s.key_secret;
  settings.timeout = std::min<std::chrono::milliseconds>(settings.timeout, limits.timeout);
  settings.max_retries = std::min(settings.max_retries, limits.max_retries);
  return std::make_shared<connectors::dns::DnsClient>(std::move(settings));
}

std::string ImageHostOf(const core::ConnectorSettings& s) {
  if (!s.image_host.empty()) return s.image_host;
  // "https://registry.example.com:5000/" → "registry.example.com:5000"
  auto start = s.url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = s.url.find('/', start);
  return s.url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

core::Status ProbeConnector(core::ConnectorSystem system, const core::ConnectorSettings& s,
                            const ProbeTargets& targets) {
  const auto& limits = targets.limits;
  switch (system) {
    case core::ConnectorSystem::kJenkins:
      return StatusOf(JenkinsFor(s, limits)->GetItem(""));  // the root: /api/json
    case core::ConnectorSystem::kRegistry:
      return RegistryFor(s, limits)->Ping();  // GET /v2/
    case core::ConnectorSystem::kApollo:
      // A valid token not granted this app is refused as forbidden; a bad
      // token is unauthenticated.
      return Answered(
          StatusOf(ApolloFor(s, limits)->GetCluster(targets.apollo_env, kProbeName, "default")),
          true);
    case core::ConnectorSystem::kConsul:
      return Answered(StatusOf(ConsulFor(s, limits)->Keys(targets.consul_prefix + "/", "/")));
    case core::ConnectorSystem::kGitLab:
      return Answered(
          StatusOf(GitLabFor(s, limits)->GetProject(std::string(kProbeName) + "/none")));
    case core::ConnectorSystem::kTapd:
      return Answered(StatusOf(TapdFor(s, limits)->GetStory("0", "0")));
    case core::ConnectorSystem::kDns:
      // Queries are unsigned: deleting a name nobody uses is a signed UPDATE
      // that changes nothing, so a wrong key fails it (NOTAUTH).
      return DnsFor(s, limits)->Delete(std::string(kProbeName) + "." + s.zone,
                                       connectors::DnsType::kA);
  }
  return core::Invalid("unknown system");
}

}  // namespace slipway::app
