#include "core/releases/release_policy.hpp"

#include <boost/json.hpp>

#include "core/common/field_reader.hpp"

namespace slipway::core {

namespace json = boost::json;

bool ApprovalRequired(const ReleasePolicy& policy, const App& app, const std::string& env_type) {
  if (policy.approval_required) return *policy.approval_required;
  return app.level == AppLevel::kCore && env_type == "prod";
}

json::object ReleasePolicyToJson(const ReleasePolicy& p) {
  return {{"strategy", ReleaseStrategyName(p.strategy)},
          {"canary", CanaryPlanToJson(p.canary)},
          {"auto_rollback", p.auto_rollback},
          {"approval_required",
           p.approval_required ? json::value(*p.approval_required) : json::value(nullptr)}};
}

Result<ReleasePolicy> ParseReleasePolicy(const json::object& o, ReleasePolicy p) {
  FieldReader r(o);
  r.RejectUnknown({"strategy", "canary", "auto_rollback", "approval_required"});
  if (auto s = r.String("strategy", 16)) {
    auto parsed = ParseReleaseStrategy(*s);
    if (!parsed) return Invalid("strategy must be one_shot or canary", {{"field", "strategy"}});
    p.strategy = *parsed;
  }
  if (auto b = r.Bool("auto_rollback")) p.auto_rollback = *b;
  if (o.contains("approval_required")) {
    if (o.at("approval_required").is_null()) {
      p.approval_required.reset();  // back to the default rule
    } else if (auto b = r.Bool("approval_required")) {
      p.approval_required = *b;
    }
  }
  if (!r.ok()) return r.error();
  if (const auto* c = o.if_contains("canary"); c && !c->is_null()) {
    if (!c->is_object()) return Invalid("canary must be an object", {{"field", "canary"}});
    auto plan = ParseCanaryPlan(c->as_object());
    if (!plan.ok()) {
      auto e = plan.error();
      std::string field = "canary." + std::string(e.details.at("field").as_string());
      e.details["field"] = field;
      e.message = "canary." + e.message;
      return e;
    }
    p.canary = *plan;
  }
  return p;
}

}  // namespace slipway::core
