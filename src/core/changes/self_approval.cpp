#include "core/changes/self_approval.hpp"

namespace slipway::core {

std::string_view SelfApprovalName(SelfApproval policy) {
  switch (policy) {
    case SelfApproval::kRefusedInCoreProd:
      return "core_prod";
    case SelfApproval::kRefused:
      return "always";
    case SelfApproval::kAllowed:
      return "never";
  }
  return "";
}

std::optional<SelfApproval> ParseSelfApproval(std::string_view name) {
  for (auto policy :
       {SelfApproval::kRefusedInCoreProd, SelfApproval::kRefused, SelfApproval::kAllowed}) {
    if (SelfApprovalName(policy) == name) return policy;
  }
  return std::nullopt;
}

bool RefusesSelfApproval(SelfApproval policy, const App& app, const std::string& env_type) {
  switch (policy) {
    case SelfApproval::kRefusedInCoreProd:
      return app.level == AppLevel::kCore && env_type == "prod";
    case SelfApproval::kRefused:
      return true;
    case SelfApproval::kAllowed:
      return false;
  }
  return true;
}

}  // namespace slipway::core
