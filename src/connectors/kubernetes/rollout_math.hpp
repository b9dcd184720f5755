#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

/// Pure arithmetic of the deployment controller
/// (k8s.io/kubernetes/pkg/controller/deployment/util and rolling.go).
namespace slipway::connectors::kube {

/// An int-or-percent value ("25%" or 2) scaled against `total`; percentages
/// round up when `round_up`, down otherwise. Missing/invalid: `fallback`.
int ScaledValue(const boost::json::value* value, int total, bool round_up, int fallback);

struct Fenceposts {
  int max_surge = 0;
  int max_unavailable = 0;
};
/// maxSurge rounds up, maxUnavailable down; both 0 → maxUnavailable 1, so
/// a rollout can always proceed (ResolveFenceposts).
Fenceposts ResolveFenceposts(const boost::json::value* max_surge,
                             const boost::json::value* max_unavailable, int replicas);

/// One ReplicaSet as the rolling update sees it.
struct RsCounts {
  int spec = 0;       ///< spec.replicas
  int available = 0;  ///< status.availableReplicas
};

/// The new ReplicaSet's spec.replicas for a rolling update step
/// (NewRSNewReplicas): grow up to replicas+maxSurge pods in total.
/// `total_spec` is the sum of spec.replicas over all ReplicaSets.
int NewReplicasForRollingUpdate(int replicas, int max_surge, int total_spec, int new_rs_spec);

/// The old ReplicaSets' spec.replicas after one rolling update step
/// (reconcileOldReplicaSets): first drop unavailable old pods, then
/// available ones while keeping replicas−maxUnavailable available.
/// `old` is ordered oldest first; returns the new values in that order.
std::vector<int> ScaleDownOldReplicaSets(int replicas, int max_unavailable,
                                         const std::vector<RsCounts>& old, RsCounts new_rs);

/// The `pod-template-hash` of a pod template: FNV-32a over its canonical
/// JSON (plus collisionCount when non-zero), the decimal digits encoded with
/// Kubernetes' safe alphabet, as ComputeHash does. Stable across runs and
/// independent of key order.
std::string PodTemplateHash(const boost::json::value& pod_template, int64_t collision_count);

}  // namespace slipway::connectors::kube
