#pragma once
// What callers ask of users and tokens, checked for form at the HTTP edge
// (http/handlers/user_input.cpp, auth_input.cpp); the service checks them
// against the password policy and the stored users.
#include <cstdint>
#include <optional>
#include <string>

#include "core/identity/roles.hpp"

namespace slipway::services {

inline constexpr std::int64_t kMaxTokenDays = 3650;

struct CreateUserCommand {
  std::string username;  ///< a valid user name (core::CheckUsername)
  std::string password;
  std::optional<std::string> display_name;  ///< default: the user name
  core::Role role = core::Role::kViewer;
};

/// Only the fields given change.
struct UpdateUserCommand {
  std::int64_t version = 0;  ///< the version the edit was made on
  std::optional<std::string> display_name;
  std::optional<core::Role> role;
  std::optional<bool> disabled;
};

struct ResetPasswordCommand {
  std::string password;
};

struct ChangePasswordCommand {
  std::string current_password;
  std::string new_password;
};

struct CreateTokenCommand {
  std::string name;
  std::optional<std::int64_t> expires_in_days;  ///< 1..kMaxTokenDays; never expires without
};

}  // namespace slipway::services
