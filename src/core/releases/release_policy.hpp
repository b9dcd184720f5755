#pragma once
// How an environment is released: strategy, canary plan, auto-rollback and
// whether changes need an approver (R-CHG-3, R-REL-3/4).
#include <boost/json/object.hpp>
#include <optional>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"
#include "core/releases/canary_plan.hpp"
#include "core/releases/release.hpp"

namespace slipway::core {

struct ReleasePolicy {
  ReleaseStrategy strategy = ReleaseStrategy::kOneShot;
  CanaryPlanSpec canary = DefaultCanaryPlan();
  /// On a failed release, roll back to the image recorded before it.
  bool auto_rollback = false;
  /// nullopt: required for `core` applications in `prod` (the default rule).
  std::optional<bool> approval_required;
};

/// Whether code changes of `app` in an environment of `env_type` need approval.
bool ApprovalRequired(const ReleasePolicy& policy, const App& app, const std::string& env_type);

boost::json::object ReleasePolicyToJson(const ReleasePolicy& policy);
/// Fields absent keep `base`; unknown ones are refused; errors name the field.
Result<ReleasePolicy> ParseReleasePolicy(const boost::json::object& json, ReleasePolicy base = {});

}  // namespace slipway::core
