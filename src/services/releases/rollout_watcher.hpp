#pragma once
// Watch-driven release steps: while a release waits for its pods, Kubernetes
// watches on the environment's Deployments and pods poke its workflow on
// every change, so the next step starts within milliseconds of the cluster
// reporting, not at the next poll.
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "connectors/kubernetes.hpp"

namespace slipway::services {

class RolloutWatcher {
 public:
  /// Wakes the workflow; called on watch threads, once per event. Returns
  /// false when the workflow has ended, which stops the release's watches:
  /// with several replicas the release may end in another process, whose
  /// Stop() cannot reach the watches of this one.
  using Poke = std::function<bool(const std::string& workflow_id)>;
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
  /// Stops the release's watches: no event pokes after this returns; their
  /// threads are joined in the background (a stream may sit in a network
  /// read for up to a second, and the caller is a release step). Idempotent.
  void Stop(std::int64_t release_id);
  /// Stops every watch and joins every thread (shutdown).
  void StopAll();
  std::size_t active() const;

 private:
  struct Watches {
    std::shared_ptr<connectors::Kubernetes> kube;  // outlives its watches
    std::vector<std::unique_ptr<connectors::WatchHandle>> handles;
  };
  /// Pokes the release's workflow for one watch event (on the watch's thread).
  void OnEvent(std::int64_t release_id, const std::string& workflow_id,
               const connectors::KubeResource& resource, const connectors::WatchEvent& event);
  /// Joins retired watches' threads, off the callers' threads.
  void Reap();

  Poke poke_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, Watches> watches_;
  std::condition_variable retired_ready_;
  std::vector<Watches> retired_;  ///< told to stop, not joined yet
  int stopping_ = 0;              ///< Stop() calls between the two lists
  bool closing_ = false;
  std::thread reaper_;
};

}  // namespace slipway::services
