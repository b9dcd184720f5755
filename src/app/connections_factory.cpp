#include "app/connections_factory.hpp"

#include "app/connector_clients.hpp"
#include "connectors/dingtalk/client.hpp"
#include "connectors/kubernetes/client.hpp"
#include "connectors/kubernetes/kubeconfig.hpp"
#include "connectors/webhook/client.hpp"
#include "sandbox/apollo/apollo_emulator.hpp"
#include "sandbox/consul/consul_emulator.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::app {

namespace {

using core::ConnectorSystem;
using services::ConnectorBootstrap;
using services::ConnectorSource;

core::ConnectorSettings FromEndpoint(const ConnectorEndpoint& e) {
  core::ConnectorSettings s;
  s.url = e.url;
  s.user = e.user;
  s.token = e.token;
  s.ca_file = e.ca_file;
  s.insecure_skip_tls_verify = e.insecure_skip_tls_verify;
  return s;
}

core::ConnectorSettings FromDns(const DnsZoneConfig& d) {
  core::ConnectorSettings s;
  const bool v6 = d.server.find(':') != std::string::npos;
  s.server = (v6 ? "[" + d.server + "]" : d.server) + ":" + std::to_string(d.port);
  s.zone = d.zone;
  s.key_name = d.key_name;
  s.key_algorithm = d.key_algorithm;
  s.key_secret = d.key_secret;
  return s;
}

// The emulator of `system` with the credentials it accepts.
core::ConnectorSettings SandboxSettings(const sandbox::SandboxHost& host, ConnectorSystem system) {
  core::ConnectorSettings s;
  const std::string name(core::ConnectorSystemName(system));
  if (system != ConnectorSystem::kDns) s.url = host.endpoints().at(name);
  switch (system) {
    case ConnectorSystem::kJenkins: {
      sandbox::jenkins::JenkinsEmulatorOptions defaults;
      s.user = defaults.user;
      s.token = defaults.api_token;
      break;
    }
    case ConnectorSystem::kRegistry:
      break;
    case ConnectorSystem::kApollo:
      s.token = sandbox::kSandboxApolloToken;
      break;
    case ConnectorSystem::kConsul:
      s.token = sandbox::kSandboxConsulToken;
      break;
    case ConnectorSystem::kGitLab:
      s.token = sandbox::gitlab::GitLabEmulatorOptions{}.token;
      break;
    case ConnectorSystem::kTapd:
      s.user = sandbox::kSandboxTapdUser;
      s.token = sandbox::kSandboxTapdPassword;
      // Story links lead to the emulator, which has no web pages: keep TAPD's form.
      break;
    case ConnectorSystem::kDns:
      // The endpoints file lists the responder as "127.0.0.1:PORT".
      s.server = host.endpoints().at("dns");
      s.zone = sandbox::kSandboxDnsZone;
      s.key_name = sandbox::kSandboxTsigKeyName;
      s.key_secret = sandbox::kSandboxTsigSecret;
      break;
  }
  return s;
}

std::optional<core::ConnectorSettings> FromConfig(const ConnectorsConfig& k,
                                                  ConnectorSystem system) {
  auto endpoint = [](const std::optional<ConnectorEndpoint>& e) {
    return e ? std::optional(FromEndpoint(*e)) : std::nullopt;
  };
  std::optional<core::ConnectorSettings> s;
  switch (system) {
    case ConnectorSystem::kJenkins:
      return endpoint(k.jenkins);
    case ConnectorSystem::kRegistry:
      s = endpoint(k.registry);
      if (s) s->image_host = k.registry_host;
      return s;
    case ConnectorSystem::kApollo:
      return endpoint(k.apollo);
    case ConnectorSystem::kConsul:
      s = endpoint(k.consul);
      if (s) s->datacenter = k.consul_datacenter;
      return s;
    case ConnectorSystem::kGitLab:
      return endpoint(k.gitlab);
    case ConnectorSystem::kTapd:
      s = endpoint(k.tapd);
      if (s) s->web_url = k.tapd_web_url;
      return s;
    case ConnectorSystem::kDns:
      return k.dns ? std::optional(FromDns(*k.dns)) : std::nullopt;
  }
  return std::nullopt;
}

// Robots and webhooks are configured per application or team (sandbox or
// not, the URL says where they go), so this only picks the client per type.
std::function<std::shared_ptr<connectors::Notifier>(const services::NotifierChannel&)> Notifiers(
    const Config& c, const sandbox::SandboxHost* host) {
  // The URLs are set by application owners: no loopback, link-local or
  // private address unless configured (the embedded sandbox's are loopback).
  connectors::AddressPolicy policy{.refuse_private = true, .allowed = {}};
  for (const auto& net : c.notification_allowed_networks)
    policy.allowed.push_back(*connectors::ParseNetwork(net));
  if (host) {
    policy.allowed.push_back(*connectors::ParseNetwork("127.0.0.0/8"));
    policy.allowed.push_back(*connectors::ParseNetwork("::1"));
  }
  return
      [policy](const services::NotifierChannel& channel) -> std::shared_ptr<connectors::Notifier> {
        connectors::TransportSettings t;
        t.base_url = channel.url;
        t.address_policy = policy;
        t.timeout = std::chrono::seconds(10);
        t.max_retries = 1;  // the notify workflow retries with its own backoff
        if (channel.type == "dingtalk") {
          return std::make_shared<connectors::dingtalk::DingTalkClient>(
              connectors::dingtalk::DingTalkSettings{.transport = t, .secret = channel.secret});
        }
        return std::make_shared<connectors::webhook::WebhookClient>(
            connectors::webhook::WebhookSettings{.transport = t, .secret = channel.secret});
      };
}

std::function<core::Result<std::shared_ptr<connectors::Kubernetes>>(const core::Cluster&)>
KubernetesClients(const sandbox::SandboxHost* host) {
  std::string sandbox_url = host ? host->endpoints().at("kubernetes") : "";
  return
      [sandbox_url](
          const core::Cluster& cluster) -> core::Result<std::shared_ptr<connectors::Kubernetes>> {
        core::Result<connectors::KubernetesSettings> settings = connectors::KubernetesSettings{};
        switch (cluster.connection) {
          case core::ClusterConnection::kSandbox:
            if (sandbox_url.empty()) {
              return core::Conflict("cluster " + cluster.name +
                                    " is the sandbox's, and the sandbox is not running "
                                    "(sandbox.enabled is false)");
            }
            settings->transport.base_url = sandbox_url;
            break;
          case core::ClusterConnection::kInCluster:
            settings = connectors::InClusterSettings();
            break;
          case core::ClusterConnection::kKubeconfig:
            settings = connectors::ParseInlineKubeconfig(cluster.kubeconfig,
                                                         "kubeconfig of cluster " + cluster.name);
            break;
        }
        if (!settings.ok()) return settings.error();
        return std::shared_ptr<connectors::Kubernetes>(
            std::make_shared<connectors::KubernetesClient>(std::move(*settings)));
      };
}

}  // namespace

services::ConnectorBootstraps BootstrapConnectors(const Config& config,
                                                  const sandbox::SandboxHost* host) {
  services::ConnectorBootstraps out;
  for (auto system : core::ConnectorSystems()) {
    if (auto configured = FromConfig(config.connectors, system)) {
      out[system] = ConnectorBootstrap{ConnectorSource::kConfig, std::move(*configured)};
    } else if (host) {
      auto emulated = SandboxSettings(*host, system);
      // Images may be named by another host than the emulator's address.
      if (system == ConnectorSystem::kRegistry)
        emulated.image_host = config.connectors.registry_host;
      out[system] = ConnectorBootstrap{ConnectorSource::kSandbox, std::move(emulated)};
    }
  }
  return out;
}

LiveConnections::LiveConnections(const Config& config, const sandbox::SandboxHost* host)
    : jenkins_(std::make_shared<connectors::SwappableJenkins>(services::NotConfigured("jenkins"))),
      registry_(
          std::make_shared<connectors::SwappableRegistry>(services::NotConfigured("registry"))),
      apollo_(std::make_shared<connectors::SwappableApollo>(services::NotConfigured("apollo"))),
      consul_(std::make_shared<connectors::SwappableConsul>(services::NotConfigured("consul"))),
      gitlab_(std::make_shared<connectors::SwappableGitLab>(services::NotConfigured("gitlab"))),
      tapd_(std::make_shared<connectors::SwappableTapd>(services::NotConfigured("tapd"))),
      dns_(std::make_shared<connectors::SwappableDns>(services::NotConfigured("dns"))) {
  connections_.sandbox = host != nullptr;
  connections_.jenkins = jenkins_;
  connections_.registry = registry_;
  connections_.apollo = apollo_;
  connections_.consul = consul_;
  connections_.gitlab = gitlab_;
  connections_.tapd = tapd_;
  connections_.dns = dns_;
  connections_.kubernetes = KubernetesClients(host);
  connections_.notifier = Notifiers(config, host);
}

void LiveConnections::Apply(ConnectorSystem system, const core::ConnectorSettings* s) {
  switch (system) {
    case ConnectorSystem::kJenkins:
      jenkins_->Swap(s ? JenkinsFor(*s) : nullptr);
      break;
    case ConnectorSystem::kRegistry:
      connections_.registry_host.set(s ? ImageHostOf(*s) : "");
      registry_->Swap(s ? RegistryFor(*s) : nullptr);
      break;
    case ConnectorSystem::kApollo:
      apollo_->Swap(s ? ApolloFor(*s) : nullptr);
      break;
    case ConnectorSystem::kConsul:
      consul_->Swap(s ? ConsulFor(*s) : nullptr);
      break;
    case ConnectorSystem::kGitLab:
      gitlab_->Swap(s ? GitLabFor(*s) : nullptr);
      break;
    case ConnectorSystem::kTapd:
      tapd_->Swap(s ? TapdFor(*s) : nullptr);
      break;
    case ConnectorSystem::kDns:
      dns_->Swap(s ? DnsFor(*s) : nullptr);
      break;
  }
}

}  // namespace slipway::app
