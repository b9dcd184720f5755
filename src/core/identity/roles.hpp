#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// Global roles, from least to most capable (R-GW-2).
enum class Role { kViewer, kDeveloper, kApprover, kAdmin };
/// Roles a user can hold on one application.
enum class MemberRole { kOwner, kDeveloper, kApprover };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::string_view MemberRoleName(MemberRole role);
std::optional<MemberRole> ParseMemberRole(std::string_view name);

/// True for the global roles whose holders may approve changes as approver
/// members: approver (team lead) and admin.
inline bool HoldsApproverRole(Role role) { return role == Role::kApprover || role == Role::kAdmin; }

/// Who is asking: the authenticated user.
struct Caller {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::kViewer;

  bool IsAdmin() const { return role == Role::kAdmin; }
  /// Developers, approvers and admins may create work; viewers only read.
  bool CanCreate() const { return role >= Role::kDeveloper; }
};

}  // namespace slipway::core
