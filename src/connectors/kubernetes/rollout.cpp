// EvaluateRollout: kubectl's DeploymentStatusViewer (`kubectl rollout status`),
// step for step, so Slipway declares a release complete exactly when kubectl would.

#include <boost/json/array.hpp>

#include "connectors/kubernetes.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

std::string ProgressingReason(const Deployment& deployment) {
  const auto* conditions = core::Find(deployment, {"status", "conditions"});
  if (!conditions || !conditions->is_array()) return "";
  for (const auto& c : conditions->as_array()) {
    if (c.is_object() && core::StringAt(c.as_object(), {"type"}) == "Progressing") {
      return core::StringAt(c.as_object(), {"reason"});
    }
  }
  return "";
}

}  // namespace

RolloutStatus EvaluateRollout(const Deployment& deployment) {
  RolloutStatus s;
  const std::string name = core::StringAt(deployment, {"metadata", "name"});
  const auto* spec_replicas = core::Find(deployment, {"spec", "replicas"});
  s.replicas = core::IntAt(deployment, {"spec", "replicas"}, 1);  // the API default
  s.updated = core::IntAt(deployment, {"status", "updatedReplicas"});
  s.ready = core::IntAt(deployment, {"status", "readyReplicas"});
  s.available = core::IntAt(deployment, {"status", "availableReplicas"});
  s.total = core::IntAt(deployment, {"status", "replicas"});
  const std::string waiting = "Waiting for deployment \"" + name + "\" rollout to finish: ";

  // 1. The controller has not yet acted on the latest spec: every other field is stale.
  if (core::IntAt(deployment, {"metadata", "generation"}) >
      core::IntAt(deployment, {"status", "observedGeneration"})) {
    s.message = "Waiting for deployment spec update to be observed...";
    return s;
  }
  // 2. The controller gave up (progressDeadlineSeconds without progress).
  if (ProgressingReason(deployment) == "ProgressDeadlineExceeded") {
    s.failed = true;
    s.message = "deployment \"" + name + "\" exceeded its progress deadline";
    return s;
  }
  // 3. Not every desired replica runs the new template yet.
  if (spec_replicas && s.updated < s.replicas) {
    s.message = waiting + std::to_string(s.updated) + " out of " + std::to_string(s.replicas) +
                " new replicas have been updated...";
    return s;
  }
  // 4. Old pods still exist (surge, or terminating).
  if (s.total > s.updated) {
    s.message =
        waiting + std::to_string(s.total - s.updated) + " old replicas are pending termination...";
    return s;
  }
  // 5. New pods exist but are not available yet.
  if (s.available < s.updated) {
    s.message = waiting + std::to_string(s.available) + " of " + std::to_string(s.updated) +
                " updated replicas are available...";
    return s;
  }
  s.done = true;
  s.message = "deployment \"" + name + "\" successfully rolled out";
  return s;
}

}  // namespace slipway::connectors
