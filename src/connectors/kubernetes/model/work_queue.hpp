#pragma once
#include <set>
#include <string>
#include <utility>

#include "connectors/kubernetes/model/store.hpp"

namespace slipway::connectors::kube::model {

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
  /// Asks for a round over every object (a resync): conditions that only
  /// time changes — a progress deadline, minReadySeconds — are seen then.
  void AddEverything() { everything_ = true; }
  /// Nothing queued.
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
};

}  // namespace slipway::connectors::kube::model
