#pragma once
// Whether the author of a change may approve it (issue 9): four eyes where
// it matters most by default, configurable per installation
// (`changes.refuse_self_approval`, docs/configuration.md).
#include <optional>
#include <string>
#include <string_view>

#include "core/apps/app.hpp"

namespace slipway::core {

enum class SelfApproval {
  kRefusedInCoreProd,  ///< "core_prod": refused for core applications in prod (the default)
  kRefused,            ///< "always": refused everywhere
  kAllowed,            ///< "never": an author who may approve may approve their own change
};

std::string_view SelfApprovalName(SelfApproval policy);
std::optional<SelfApproval> ParseSelfApproval(std::string_view name);

/// True when `policy` refuses an author's approval of their own change of
/// `app` in an environment of `env_type`.
bool RefusesSelfApproval(SelfApproval policy, const App& app, const std::string& env_type);

}  // namespace slipway::core
