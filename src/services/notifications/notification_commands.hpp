#pragma once
// What owners and admins ask of notification targets, checked for form at
// the HTTP edge (http/handlers/notification_input.cpp); the service checks
// them against the stored targets (a new target or a new type needs a URL).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace slipway::services {

inline constexpr std::size_t kMaxNotificationTargets = 20;

/// One target of a PUT body, checked for shape.
struct TargetSpec {
  std::string name;  ///< DNS label, unique in the body
  std::string type;  ///< dingtalk | webhook
  /// Absent: keep the stored URL of the target of this name (URLs are never
  /// shown back, so a client cannot resend them).
  std::optional<std::string> url;
  /// Absent: keep the stored secret; "" (or null): remove it.
  std::optional<std::string> secret;
  std::vector<std::string> kinds;  ///< notice kind names; every kind when the body names none
};

/// Replaces every target of an application or a team.
struct ReplaceTargetsCommand {
  std::vector<TargetSpec> targets;
};

}  // namespace slipway::services
