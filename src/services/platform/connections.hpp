#pragma once
#include <functional>
#include <memory>
#include <string>

#include "connectors/apollo.hpp"
#include "connectors/consul.hpp"
#include "connectors/dns.hpp"
#include "connectors/gitlab.hpp"
#include "connectors/jenkins.hpp"
#include "connectors/kubernetes.hpp"
#include "connectors/notifier.hpp"
#include "connectors/registry.hpp"
#include "connectors/tapd.hpp"
#include "core/common/error.hpp"
#include "core/environments/cluster.hpp"

namespace slipway::services {

/// One notification target with its secrets opened.
struct NotifierChannel {
  std::string type;    ///< "dingtalk" (a group robot) | "webhook" (generic JSON)
  std::string url;     ///< the robot's whole webhook URL, or the receiver's
  std::string secret;  ///< DingTalk's signing secret / the webhook's HMAC key; "" for none
};

/// The external systems the services talk to, chosen by the composition root
/// (real clients from the configuration, or the in-process sandbox's
/// emulators). A null pointer means the system is not configured: services
/// answer with a clear error naming the setting instead of calling it.
struct Connections {
  std::shared_ptr<connectors::Jenkins> jenkins;
  /// The registry builds push to and deletions go to.
  std::shared_ptr<connectors::Registry> registry;
  /// That registry's host[:port] as image addresses name it.
  std::string registry_host;
  std::shared_ptr<connectors::ApolloPortal> apollo;
  std::shared_ptr<connectors::ConsulKv> consul;
  std::shared_ptr<connectors::GitLab> gitlab;
  /// Stories lanes link to (R-LANE-9).
  std::shared_ptr<connectors::Tapd> tapd;
  /// The zone lanes' external names live in (R-LANE-6); its apex is dns->zone().
  std::shared_ptr<connectors::DnsZone> dns;
  /// Opens a client for a cluster (its kubeconfig already unsealed).
  std::function<core::Result<std::shared_ptr<connectors::Kubernetes>>(const core::Cluster&)>
      kubernetes;
  /// Opens a notifier for one target (DingTalk robots and webhooks are
  /// configured by people per application or team, not in the configuration).
  std::function<std::shared_ptr<connectors::Notifier>(const NotifierChannel&)> notifier;
  /// True when the connections lead to the in-process sandbox.
  bool sandbox = false;
};

/// The error for a system that is not configured: conflict, naming the setting.
core::Error NotConfigured(const std::string& system);

}  // namespace slipway::services
