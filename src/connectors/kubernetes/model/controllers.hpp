#pragma once
#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "connectors/kubernetes/model/cluster.hpp"

namespace slipway::connectors::kube::model {

/// Simulated-cluster pod (template) annotation: containers of such pods
/// crash right after starting and go into CrashLoopBackOff with a growing
/// restartCount.
inline constexpr const char* kCrashAnnotation = "sandbox.slipway.dev/crash";

/// One round of every simulated controller over every object (a resync),
/// in dependency order: garbage collector, namespace, deployment,
/// replicaset, kubelet; then the ReplicaSet and Deployment controllers again
/// over what that changed, until they settle. `now` is cluster.clock's time
/// of the round. The caller holds the cluster's lock.
void RunControllers(Cluster& cluster, core::Millis now);

/// The same round over what cluster.work holds (the objects that changed
/// and their controllers, and those whose deadline is due) and the pods
/// whose state is due: what a write costs is what it touched, not what
/// exists.
void RunQueuedControllers(Cluster& cluster, core::Millis now);

/// Queued rounds at `now` until the queue is empty, at most `max_rounds`
/// (pods that crash without delay never settle): with no pod delay, a
/// write's whole consequence — a rollout to its end, a namespace's content
/// gone — happens at once, which is what the fake shows its callers.
void RunUntilSettled(Cluster& cluster, core::Millis now, int max_rounds);

/// When a round next has something to do that no write announces: at once
/// (`last_round`) while the work queue holds something; else the earliest
/// pod state change (readiness, pull error, crash), namespace removal or
/// queued deadline due after the round at `last_round`; kNever when none
/// is pending.
core::Millis NextDue(const Cluster& cluster, core::Millis last_round);

void RunGarbageCollector(Cluster& cluster);
/// What deleting `owner` with propagationPolicy=Orphan does first: its
/// dependents drop their ownerReference to it, so that the garbage
/// collector keeps them.
void OrphanDependents(Cluster& cluster, const ResourceType& type, const boost::json::object& owner);
void RunNamespaceController(Cluster& cluster, core::Millis now);
/// `everything`: every object of the kind; else those cluster.work holds
/// (and, for the kubelet, the pods whose state is due).
void RunDeploymentController(Cluster& cluster, core::Millis now, bool everything);
void RunReplicaSetController(Cluster& cluster, core::Millis now, bool everything);
void RunKubelet(Cluster& cluster, core::Millis now, bool everything);

// Shared by the controllers (controllers.cpp).

/// Writes `after` when it differs from `before` (no write, no event, no new
/// resourceVersion otherwise).
void UpdateIfChanged(Cluster& cluster, const ResourceType& type, const boost::json::object& before,
                     boost::json::object after);
/// The uid of the controller ownerReference, or "".
std::string ControllerUid(const boost::json::object& obj);
/// Copies of the objects of `type` in `ns` whose controller is `owner_uid`.
std::vector<boost::json::object> OwnedBy(Cluster& cluster, const ResourceType& type,
                                         const std::string& ns, const std::string& owner_uid);
/// A Ready pod's readiness start (seconds since epoch), or 0 when not Ready.
int64_t ReadySince(const boost::json::object& pod);
/// Copies of the objects of `type` to sync: all but those being deleted
/// when `everything`, else those of `keys` that exist and are not being
/// deleted.
std::vector<boost::json::object> ToSync(const Cluster& cluster, const ResourceType& type,
                                        bool everything, const std::set<ObjectKey>& keys);

}  // namespace slipway::connectors::kube::model
