#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "sandbox/kubernetes/cluster.hpp"

namespace slipway::sandbox::kube {

/// Sandbox-only pod (template) annotation: containers of such pods crash
/// right after starting and go into CrashLoopBackOff with a growing
/// restartCount.
inline constexpr const char* kCrashAnnotation = "sandbox.slipway.dev/crash";

/// One round of every simulated controller, in dependency order: garbage
/// collector, namespace, deployment, replicaset, kubelet; then watch
/// housekeeping. The caller holds the cluster's lock.
void RunControllers(Cluster& cluster, Clock::time_point now);

/// When a round next has something to do that no write announces: the
/// earliest pod state change (readiness, pull error, crash) or namespace
/// removal due after the round at `last_round`; Clock::time_point::max()
/// when none is pending.
Clock::time_point NextDue(const Cluster& cluster, Clock::time_point last_round);

void RunGarbageCollector(Cluster& cluster);
void RunNamespaceController(Cluster& cluster, Clock::time_point now);
void RunDeploymentController(Cluster& cluster);
void RunReplicaSetController(Cluster& cluster, Clock::time_point now);
void RunKubelet(Cluster& cluster, Clock::time_point now);

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

}  // namespace slipway::sandbox::kube
