#pragma once
// Watch-driven release steps: while a release waits for its pods, Kubernetes
// watches on the environment's Deployments and pods poke its workflow on
// every change, so the next step starts within milliseconds of the cluster
// reporting, not at the next poll.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "connectors/kubernetes.hpp"

namespace slipway::services {

class RolloutWatcher {
 public:
  /// Wakes the workflow; called on watch threads, once per event.
  using Poke = std::function<void(const std::string& workflow_id)>;
  explicit RolloutWatcher(Poke poke) : poke_(std::move(poke)) {}
  ~RolloutWatcher();
  RolloutWatcher(const RolloutWatcher&) = delete;
  RolloutWatcher& operator=(const RolloutWatcher&) = delete;

  /// Starts watching for `release_id` unless it is watched already (steps
  /// call this on every run, so a restarted process picks watches up again).
  /// A failure to start is not fatal: the step's deadline still wakes it.
  void Ensure(std::int64_t release_id, const std::string& workflow_id,
              const std::shared_ptr<connectors::Kubernetes>& kube, const std::string& ns,
              const std::string& label_selector);
  /// Stops the release's watches (joins their threads). Idempotent.
  void Stop(std::int64_t release_id);
  /// Stops every watch (shutdown).
  void StopAll();
  std::size_t active() const;

 private:
  struct Watches {
    std::shared_ptr<connectors::Kubernetes> kube;  // outlives its watches
    std::vector<std::unique_ptr<connectors::WatchHandle>> handles;
  };
  Poke poke_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, Watches> watches_;
};

}  // namespace slipway::services
