#include "core/releases/canary_plan.hpp"

#include <boost/json.hpp>

#include "core/common/field_reader.hpp"

namespace slipway::core {

namespace json = boost::json;

CanaryPlanSpec DefaultCanaryPlan() {
  CanaryPlanSpec spec;
  spec.steps = {{1, std::nullopt, PauseKind::kManual, 0},
                {std::nullopt, 50, PauseKind::kManual, 0}};
  return spec;
}

std::vector<CanaryStep> PlanCanary(int replicas, const CanaryPlanSpec& spec) {
  std::vector<CanaryStep> steps;
  if (replicas < 2) return steps;
  int last = 0;
  for (const auto& s : spec.steps) {
    int canary = s.pods ? *s.pods : (*s.percent * replicas + 99) / 100;
    canary = std::max(1, std::min(canary, replicas - 1));
    if (canary <= last) continue;
    steps.push_back({canary, replicas - canary, s.pause, s.pause_ms, spec.stability_window_ms});
    last = canary;
  }
  return steps;
}

json::object CanaryPlanToJson(const CanaryPlanSpec& spec) {
  json::array steps;
  for (const auto& s : spec.steps) {
    json::object o;
    if (s.pods) o["pods"] = *s.pods;
    if (s.percent) o["percent"] = *s.percent;
    if (s.pause == PauseKind::kTimed) {
      o["pause"] = {{"seconds", s.pause_ms / 1000}};
    } else {
      o["pause"] = s.pause == PauseKind::kManual ? "manual" : "none";
    }
    steps.push_back(std::move(o));
  }
  return {{"steps", std::move(steps)},
          {"stability_window_seconds", spec.stability_window_ms / 1000}};
}

Result<CanaryPlanSpec> ParseCanaryPlan(const json::object& o) {
  FieldReader r(o);
  r.RejectUnknown({"steps", "stability_window_seconds"});
  CanaryPlanSpec spec;
  if (auto w = r.Int("stability_window_seconds", 0, 3600)) spec.stability_window_ms = *w * 1000;
  const auto* steps = o.if_contains("steps");
  if (r.ok() && (!steps || !steps->is_array() || steps->as_array().empty() ||
                 steps->as_array().size() > 10)) {
    r.Fail("steps", "must list 1 to 10 steps");
  }
  for (std::size_t i = 0; r.ok() && i < steps->as_array().size(); ++i) {
    std::string path = "steps[" + std::to_string(i) + "]";
    const auto& v = steps->as_array()[i];
    if (!v.is_object()) {
      r.Fail(path, "must be an object");
      break;
    }
    FieldReader s(v.as_object(), path + ".");
    s.RejectUnknown({"pods", "percent", "pause"});
    CanaryStepSpec step;
    auto pods = s.Int("pods", 1, 24);
    auto percent = s.Int("percent", 1, 100);
    if (s.ok() && pods.has_value() == percent.has_value())
      s.Fail("pods", "or percent: give exactly one");
    if (pods) step.pods = static_cast<int>(*pods);
    if (percent) step.percent = static_cast<int>(*percent);
    if (const auto* pause = v.as_object().if_contains("pause"); s.ok() && pause) {
      if (pause->is_string() && pause->as_string() == "manual") {
        step.pause = PauseKind::kManual;
      } else if (pause->is_string() && pause->as_string() == "none") {
        step.pause = PauseKind::kNone;
      } else if (pause->is_object()) {
        FieldReader p(pause->as_object(), path + ".pause.");
        p.RejectUnknown({"seconds"});
        auto seconds = p.Int("seconds", 1, 86400, true);
        s.Absorb(p);
        step.pause = PauseKind::kTimed;
        step.pause_ms = seconds.value_or(0) * 1000;
      } else {
        s.Fail("pause", "must be \"manual\", \"none\" or {\"seconds\": N}");
      }
    }
    r.Absorb(s);
    spec.steps.push_back(step);
  }
  if (!r.ok()) return r.error();
  return spec;
}

}  // namespace slipway::core
