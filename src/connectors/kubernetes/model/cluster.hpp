#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>

#include "connectors/kubernetes/model/owner_index.hpp"
#include "connectors/kubernetes/model/store.hpp"
#include "connectors/kubernetes/model/work_queue.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors::kube::model {

/// Whether a container image can be pulled. DefaultImageExists says no for
/// references that contain "missing" or carry neither a tag nor a digest
/// (`nginx`).
bool DefaultImageExists(const std::string& image);

/// How the simulated cluster behaves. Times are core::Clock milliseconds:
/// the emulator runs on the system clock, the fake on the test's clock.
struct ClusterSettings {
  /// From pod creation to Running/Ready (and to ErrImagePull, or to the first
  /// crash for pods that crash), and from ErrImagePull to ImagePullBackOff.
  core::Millis pod_ready_delay = 1500;
  /// Between two crashes of a crash-looping container: the restartCount
  /// grows once per back-off. Positive for the fake, whose rounds at one
  /// instant would otherwise crash a pod again and again.
  core::Millis crash_backoff = 1500;
  /// How long a namespace stays Terminating once its content is gone.
  core::Millis namespace_delete_delay = 500;
  /// Change events kept for watch resumption; older resourceVersions get 410.
  size_t event_history = 1000;
  /// Empty: DefaultImageExists.
  std::function<bool(const std::string& image)> image_exists;
  /// Containers of this image crash right after starting (CrashLoopBackOff);
  /// empty: none do (pods can still ask with kCrashAnnotation).
  std::function<bool(const std::string& image)> image_crashes;
};

/// What the simulated kubelet remembers about a pod beyond its status.
struct PodRuntime {
  std::string ns;
  std::string name;
  core::Millis created = 0;
  core::Millis next = 0;  ///< when the pod's state changes next
  int stage = 0;          ///< 0 creating, 1 first outcome reached, 2+ later
};

/// A pod turning Ready, stamped with the clock (ms since the epoch) of the
/// status write that reports it: what benchmarks measure reactions from
/// (Kubernetes' own timestamps have whole seconds only).
struct PodReadyRecord {
  std::string ns;
  std::string name;
  boost::json::object labels;
  std::int64_t at_ms = 0;
};

/// The whole simulated cluster: stored objects plus the controllers'
/// private memory. Guarded by its owner's mutex; writes and controllers
/// both work on it.
struct Cluster {
  Cluster(ClusterSettings s, const core::Clock& c)
      : settings(std::move(s)), clock(c), store(clock, settings.event_history) {
    store.to_controllers = [this](const StoreEvent& e) {
      work.Add(e);
      owners.Add(e);
    };
  }
  virtual ~Cluster() = default;
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  ClusterSettings settings;
  const core::Clock& clock;
  Store store;
  WorkQueue work;                                         ///< what the next round looks at
  OwnerIndex owners;                                      ///< which objects each controller owns
  int next_ip = 10;                                       ///< last octets handed out
  std::map<std::string, PodRuntime> pods;                 ///< by pod uid
  std::map<std::string, core::Millis> namespace_emptied;  ///< by namespace name
  std::deque<PodReadyRecord> pods_ready;                  ///< the most recent, oldest first

  /// A Service clusterIP from 10.96.0.0/12.
  std::string AllocateServiceIp();
  /// A pod IP from 10.244.0.0/16.
  std::string AllocatePodIp();
  bool ImageExists(const std::string& image) const;
  bool ImageCrashes(const std::string& image) const;
};

}  // namespace slipway::connectors::kube::model
