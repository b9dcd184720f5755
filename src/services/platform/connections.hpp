#pragma once
#include <atomic>
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
#include "connectors/swappable.hpp"
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

/// A setting admins may change while the server runs (connectors set through
/// the API): every copy of the Connections holding it sees the change.
/// Thread-safe.
class LiveText {
 public:
  LiveText(std::string value = {})  // NOLINT(google-explicit-constructor): reads as the text
      : value_(std::make_shared<std::atomic<std::shared_ptr<const std::string>>>(
            std::make_shared<const std::string>(std::move(value)))) {}
  std::string get() const { return *value_->load(); }
  void set(std::string value) {
    value_->store(std::make_shared<const std::string>(std::move(value)));
  }

 private:
  std::shared_ptr<std::atomic<std::shared_ptr<const std::string>>> value_;
};

/// The external systems the services talk to, chosen by the composition root
/// (real clients from the configuration, or the in-process sandbox's
/// emulators). A null pointer means the system is not configured: services
/// answer with a clear error naming the setting instead of calling it. In
/// `serve` every system's pointer is set, to a port whose client admins may
/// replace through the API (connectors/swappable_ports.hpp); while none is
/// set, each call answers NotConfigured.
struct Connections {
  std::shared_ptr<connectors::Jenkins> jenkins;
  /// The registry builds push to and deletions go to.
  std::shared_ptr<connectors::Registry> registry;
  /// That registry's host[:port] as image addresses name it.
  LiveText registry_host;
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

/// Whether `port` can be called now: set, and — for a port whose client
/// admins replace (connectors/swappable.hpp) — holding a client. What
/// services check before starting work that needs the system.
template <class Port>
bool Configured(const std::shared_ptr<Port>& port) {
  if (!port) return false;
  const auto* swappable = dynamic_cast<const connectors::SwappableBase*>(port.get());
  return swappable == nullptr || swappable->has_client();
}

/// The error for a system that is not configured: conflict, naming the setting.
core::Error NotConfigured(const std::string& system);

}  // namespace slipway::services
