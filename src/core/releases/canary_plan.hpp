#pragma once
// Canary plans (R-REL-4): from "steps as pod counts or percentages" to the
// replica counts of the canary and stable Deployments at each step.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

/// How a step ends before the next one starts.
enum class PauseKind {
  kNone,    ///< go on once the pods are stable
  kTimed,   ///< then wait `pause_ms` more
  kManual,  ///< then wait for a person to promote
};

/// One step as configured: a pod count or a percentage of the environment.
struct CanaryStepSpec {
  std::optional<int> pods;
  std::optional<int> percent;  ///< 1–100, rounded up to whole pods
  PauseKind pause = PauseKind::kManual;
  Millis pause_ms = 0;
};

/// An environment's canary plan. The last step is implied: the stable
/// Deployment takes the new image at full size and the canary goes.
struct CanaryPlanSpec {
  std::vector<CanaryStepSpec> steps;
  /// Pods count as stable once all are ready with no restarts for this long.
  Millis stability_window_ms = 10'000;
};

/// The default: one pod, then half, each waiting for a promotion.
CanaryPlanSpec DefaultCanaryPlan();

/// One step with its replica counts; canary + stable == the environment's replicas.
struct CanaryStep {
  int canary = 0;
  int stable = 0;
  PauseKind pause = PauseKind::kManual;
  Millis pause_ms = 0;
  /// The plan's stability window, kept with each step so that a release
  /// goes on with the window it started with whatever the policy says later.
  Millis stability_window_ms = 0;
};

/// The steps for `replicas` pods (1–24): each step's canary count is its
/// pod count or ceil(percent × replicas / 100), kept between 1 and
/// replicas − 1; counts that do not grow are dropped, so every step moves
/// pods. With one replica there is no intermediate step (nothing to split).
std::vector<CanaryStep> PlanCanary(int replicas, const CanaryPlanSpec& spec);

boost::json::object CanaryPlanToJson(const CanaryPlanSpec& spec);
/// Validates: 1–10 steps, each exactly one of pods (1–24) / percent (1–100),
/// pause "none" | "manual" | {"seconds": 1–86400}; window 0–3600 s.
Result<CanaryPlanSpec> ParseCanaryPlan(const boost::json::object& json);

}  // namespace slipway::core
