#pragma once
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "connectors/kubernetes/model/store.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors::kube::model {

/// No time: nothing is due.
inline constexpr core::Millis kNever = std::numeric_limits<core::Millis>::max();

/// A namespace and a name.
using ObjectKey = std::pair<std::string, std::string>;

/// What the controllers have to look at, fed by the store's change events as
/// the controller manager's informers feed its work queues: a changed object
/// queues itself and its controller (a pod its ReplicaSet, a ReplicaSet its
/// Deployment), so that a round costs what changed, not what exists.
/// Not thread-safe: the cluster's owner serializes every call.
class WorkQueue {
 public:
  /// Queues what `event` concerns.
  void Add(const StoreEvent& event);
  /// Asks for a round over every object (a resync).
  void AddEverything() { everything_ = true; }
  /// Queues a Deployment or ReplicaSet again at `at`, for what only time
  /// changes (a progress deadline, minReadySeconds), as the real
  /// controllers' AddAfter does. The earliest time asked for wins.
  void AddAfter(const ResourceType& type, const ObjectKey& key, core::Millis at);
  /// Queues what AddAfter asked for by `now`.
  void QueueDue(core::Millis now);
  /// The earliest AddAfter time still waiting; kNever when none.
  core::Millis NextDelayed() const;
  /// Nothing queued (AddAfter's waiting entries aside).
  bool empty() const;
  /// Deployments or ReplicaSets queued (what settles within a round).
  bool HasOwners() const { return !deployments_.empty() || !replicasets_.empty(); }

  // Each Take empties its part of the queue and returns what it held.
  bool TakeEverything();
  /// Whether an owner was deleted or is being deleted (the garbage
  /// collector's work).
  bool TakeGarbage();
  std::set<ObjectKey> TakeDeployments();
  std::set<ObjectKey> TakeReplicaSets();
  std::set<ObjectKey> TakePods();

 private:
  bool everything_ = true;  // a new cluster looks at everything once
  bool garbage_ = false;
  std::set<ObjectKey> deployments_;
  std::set<ObjectKey> replicasets_;
  std::set<ObjectKey> pods_;
  std::map<std::pair<std::string_view, ObjectKey>, core::Millis> delayed_;  // by plural, key
};

}  // namespace slipway::connectors::kube::model
