#include "app/connections_factory.hpp"

#include "connectors/apollo/client.hpp"
#include "connectors/consul/client.hpp"
#include "connectors/dingtalk/client.hpp"
#include "connectors/dns/client.hpp"
#include "connectors/gitlab/client.hpp"
#include "connectors/jenkins/client.hpp"
#include "connectors/kubernetes/client.hpp"
#include "connectors/kubernetes/kubeconfig.hpp"
#include "connectors/registry/client.hpp"
#include "connectors/tapd/client.hpp"
#include "connectors/webhook/client.hpp"
#include "sandbox/apollo/apollo_emulator.hpp"
#include "sandbox/consul/consul_emulator.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::app {

namespace {

using connectors::TransportSettings;

TransportSettings Transport(const ConnectorEndpoint& e) {
  TransportSettings t;
  t.base_url = e.url;
  t.tls.ca_file = e.ca_file;
  t.tls.insecure_skip_verify = e.insecure_skip_tls_verify;
  return t;
}

TransportSettings SandboxTransport(const sandbox::SandboxHost& host, const std::string& system) {
  TransportSettings t;
  t.base_url = host.endpoints().at(system);
  return t;
}

// "https://registry.example.com:5000/" → "registry.example.com:5000"
std::string HostOf(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = url.find('/', start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

void ConnectJenkins(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::jenkins::JenkinsSettings s;
  if (c.connectors.jenkins) {
    s.transport = Transport(*c.connectors.jenkins);
    s.transport.basic_user = c.connectors.jenkins->user;
    s.transport.basic_password = c.connectors.jenkins->token;
  } else if (host) {
    s.transport = SandboxTransport(*host, "jenkins");
    sandbox::jenkins::JenkinsEmulatorOptions defaults;
    s.transport.basic_user = defaults.user;
    s.transport.basic_password = defaults.api_token;
  } else {
    return;
  }
  out.jenkins = std::make_shared<connectors::jenkins::JenkinsClient>(std::move(s));
}

void ConnectRegistry(const Config& c, const sandbox::SandboxHost* host,
                     services::Connections& out) {
  TransportSettings s;
  if (c.connectors.registry) {
    s = Transport(*c.connectors.registry);
    s.basic_user = c.connectors.registry->user;
    s.basic_password = c.connectors.registry->token;
  } else if (host) {
    s = SandboxTransport(*host, "registry");
  } else {
    return;
  }
  out.registry_host =
      c.connectors.registry_host.empty() ? HostOf(s.base_url) : c.connectors.registry_host;
  out.registry = std::make_shared<connectors::registry::RegistryClient>(std::move(s));
}

void ConnectApollo(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::apollo::ApolloSettings s;
  if (c.connectors.apollo) {
    s.transport = Transport(*c.connectors.apollo);
    s.token = c.connectors.apollo->token;
  } else if (host) {
    s.transport = SandboxTransport(*host, "apollo");
    s.token = sandbox::kSandboxApolloToken;
  } else {
    return;
  }
  out.apollo = std::make_shared<connectors::apollo::ApolloClient>(std::move(s));
}

void ConnectConsul(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::consul::ConsulSettings s;
  if (c.connectors.consul) {
    s.transport = Transport(*c.connectors.consul);
    s.token = c.connectors.consul->token;
  } else if (host) {
    s.transport = SandboxTransport(*host, "consul");
    s.token = sandbox::kSandboxConsulToken;
  } else {
    return;
  }
  s.datacenter = c.connectors.consul_datacenter;
  out.consul = std::make_shared<connectors::consul::ConsulClient>(std::move(s));
}

void ConnectGitLab(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::gitlab::GitLabSettings s;
  if (c.connectors.gitlab) {
    s.transport = Transport(*c.connectors.gitlab);
    s.token = c.connectors.gitlab->token;
  } else if (host) {
    s.transport = SandboxTransport(*host, "gitlab");
    s.token = sandbox::gitlab::GitLabEmulatorOptions{}.token;
  } else {
    return;
  }
  out.gitlab = std::make_shared<connectors::gitlab::GitLabClient>(std::move(s));
}

void ConnectTapd(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::tapd::TapdSettings s;
  if (c.connectors.tapd) {
    s.transport = Transport(*c.connectors.tapd);
    // An API account uses basic auth; a personal access token comes alone.
    if (c.connectors.tapd->user.empty()) {
      s.transport.bearer_token = c.connectors.tapd->token;
    } else {
      s.transport.basic_user = c.connectors.tapd->user;
      s.transport.basic_password = c.connectors.tapd->token;
    }
    s.web_url = c.connectors.tapd_web_url;
  } else if (host) {
    s.transport = SandboxTransport(*host, "tapd");
    s.transport.basic_user = sandbox::kSandboxTapdUser;
    s.transport.basic_password = sandbox::kSandboxTapdPassword;
    // Story links lead to the emulator, which has no web pages: keep TAPD's form.
  } else {
    return;
  }
  out.tapd = std::make_shared<connectors::tapd::TapdClient>(std::move(s));
}

void ConnectDns(const Config& c, const sandbox::SandboxHost* host, services::Connections& out) {
  connectors::dns::DnsSettings s;
  if (c.connectors.dns) {
    const auto& d = *c.connectors.dns;
    s.server = d.server;
    s.port = d.port;
    s.zone = d.zone;
    s.key_name = d.key_name;
    s.algorithm = d.key_algorithm;
    s.key_secret = d.key_secret;
  } else if (host) {
    // The endpoints file lists the responder as "127.0.0.1:PORT".
    const std::string& address = host->endpoints().at("dns");
    auto colon = address.rfind(':');
    s.server = address.substr(0, colon);
    s.port = static_cast<std::uint16_t>(std::stoi(address.substr(colon + 1)));
    s.zone = sandbox::kSandboxDnsZone;
    s.key_name = sandbox::kSandboxTsigKeyName;
    s.key_secret = sandbox::kSandboxTsigSecret;
  } else {
    return;
  }
  out.dns = std::make_shared<connectors::dns::DnsClient>(std::move(s));
}

// Robots and webhooks are configured per application or team (sandbox or
// not, the URL says where they go), so this only picks the client per type.
void ConnectNotifiers(const Config& c, const sandbox::SandboxHost* host,
                      services::Connections& out) {
  // The URLs are set by application owners: no loopback, link-local or
  // private address unless configured (the embedded sandbox's are loopback).
  connectors::AddressPolicy policy{.refuse_private = true, .allowed = {}};
  for (const auto& net : c.notification_allowed_networks)
    policy.allowed.push_back(*connectors::ParseNetwork(net));
  if (host) {
    policy.allowed.push_back(*connectors::ParseNetwork("127.0.0.0/8"));
    policy.allowed.push_back(*connectors::ParseNetwork("::1"));
  }
  out.notifier =
      [policy](const services::NotifierChannel& channel) -> std::shared_ptr<connectors::Notifier> {
    TransportSettings t;
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

}  // namespace

services::Connections BuildConnections(const Config& config, const sandbox::SandboxHost* host) {
  services::Connections out;
  out.sandbox = host != nullptr;
  ConnectJenkins(config, host, out);
  ConnectRegistry(config, host, out);
  ConnectApollo(config, host, out);
  ConnectConsul(config, host, out);
  ConnectGitLab(config, host, out);
  ConnectTapd(config, host, out);
  ConnectDns(config, host, out);
  ConnectNotifiers(config, host, out);
  std::string sandbox_url = host ? host->endpoints().at("kubernetes") : "";
  out.kubernetes =
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
  return out;
}

}  // namespace slipway::app
