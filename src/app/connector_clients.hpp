#pragma once
// Real clients from a connector's settings (core/connectors), and the
// connectivity check admins run through the API before or after saving.
#include <chrono>
#include <memory>
#include <string>

#include "connectors/apollo.hpp"
#include "connectors/consul.hpp"
#include "connectors/dns.hpp"
#include "connectors/gitlab.hpp"
#include "connectors/jenkins.hpp"
#include "connectors/registry.hpp"
#include "connectors/tapd.hpp"
#include "core/connectors/connector_settings.hpp"

namespace slipway::app {

/// How long a client waits. The defaults are the transports' own; a
/// connectivity check uses short ones and no retries.
struct ClientLimits {
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds timeout{30'000};
  int max_retries = 3;
};

std::shared_ptr<connectors::Jenkins> JenkinsFor(const core::ConnectorSettings& s,
                                                const ClientLimits& limits = {});
std::shared_ptr<connectors::Registry> RegistryFor(const core::ConnectorSettings& s,
                                                  const ClientLimits& limits = {});
std::shared_ptr<connectors::ApolloPortal> ApolloFor(const core::ConnectorSettings& s,
                                                    const ClientLimits& limits = {});
std::shared_ptr<connectors::ConsulKv> ConsulFor(const core::ConnectorSettings& s,
                                                const ClientLimits& limits = {});
std::shared_ptr<connectors::GitLab> GitLabFor(const core::ConnectorSettings& s,
                                              const ClientLimits& limits = {});
std::shared_ptr<connectors::Tapd> TapdFor(const core::ConnectorSettings& s,
                                          const ClientLimits& limits = {});
std::shared_ptr<connectors::DnsZone> DnsFor(const core::ConnectorSettings& s,
                                            const ClientLimits& limits = {});

/// The registry's host[:port] in image addresses: image_host, else the url's.
std::string ImageHostOf(const core::ConnectorSettings& s);

/// Where the connectivity check looks (what Slipway itself reads).
struct ProbeTargets {
  std::string consul_prefix = "slipway/config";
  std::string apollo_env = "PRO";
  ClientLimits limits{.connect_timeout = std::chrono::seconds(3),
                      .timeout = std::chrono::seconds(5),
                      .max_retries = 0};
};

/// One harmless call through a new real client: ok when the system answers
/// and accepts the credentials. "Not found" for a name nobody uses counts as
/// an answer; refused credentials, TLS and network failures do not.
core::Status ProbeConnector(core::ConnectorSystem system, const core::ConnectorSettings& s,
                            const ProbeTargets& targets);

}  // namespace slipway::app
