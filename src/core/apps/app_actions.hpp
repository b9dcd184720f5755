#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/apps/app.hpp"
#include "core/identity/roles.hpp"

namespace slipway::core {

/// What a caller may do with an application now (R-APP-5), with the reason
/// for every refusal, so that clients never guess.
struct AppActions {
  std::vector<std::string> allowed;
  std::vector<std::pair<std::string, std::string>> refused;  ///< action → reason

  bool Allows(std::string_view action) const;
  /// The refusal reason, or nullopt when allowed (or unknown).
  std::optional<std::string> ReasonFor(std::string_view action) const;
};

/// Computes the actions from type, status, completeness and the caller's
/// global role and membership (`member` is empty for non-members).
AppActions ComputeAppActions(const App& app, const Caller& caller,
                             std::optional<MemberRole> member);

/// True when the caller may change the application's data (admins, owners,
/// developer members).
bool CanWriteApp(const Caller& caller, std::optional<MemberRole> member);
/// True for admins and owners: offline requests and member management.
bool CanOwnApp(const Caller& caller, std::optional<MemberRole> member);

}  // namespace slipway::core
