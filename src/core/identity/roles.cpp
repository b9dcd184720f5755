#include "core/identity/roles.hpp"

#include <array>
#include <utility>

namespace slipway::core {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles = {{
    {Role::kViewer, "viewer"},
    {Role::kDeveloper, "developer"},
    {Role::kApprover, "approver"},
    {Role::kAdmin, "admin"},
}};
constexpr std::array<std::pair<MemberRole, std::string_view>, 3> kMemberRoles = {{
    {MemberRole::kOwner, "owner"},
    {MemberRole::kDeveloper, "developer"},
    {MemberRole::kApprover, "approver"},
}};

template <class E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "";
}

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}
}  // namespace

std::string_view RoleName(Role role) { return NameOf(kRoles, role); }
std::optional<Role> ParseRole(std::string_view name) { return Parse(kRoles, name); }
std::string_view MemberRoleName(MemberRole role) { return NameOf(kMemberRoles, role); }
std::optional<MemberRole> ParseMemberRole(std::string_view name) {
  return Parse(kMemberRoles, name);
}

}  // namespace slipway::core
