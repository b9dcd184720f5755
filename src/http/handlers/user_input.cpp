#include "http/handlers/user_input.hpp"

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"

namespace slipway::http {

namespace {

std::optional<core::Role> ReadRole(core::FieldReader& in, bool required) {
  auto name = in.String("role", 16, required);
  if (!name) return std::nullopt;
  auto role = core::ParseRole(*name);
  if (!role) in.Fail("role", "must be one of admin, approver, developer, viewer");
  return role;
}

}  // namespace

core::Result<services::CreateUserCommand> ParseCreateUser(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"username", "password", "display_name", "role"});
  auto username = in.String("username", 64, true);
  auto password = in.String("password", 256, true);
  auto display = in.String("display_name", 128);
  auto role = ReadRole(in, true);
  if (!in.ok()) return in.error();
  if (auto rule = core::CheckUsername(*username)) {
    return core::Invalid("username " + *rule, {{"field", "username"}, {"rule", *rule}});
  }
  return services::CreateUserCommand{*username, *password, display, *role};
}

core::Result<services::UpdateUserCommand> ParseUpdateUser(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"version", "display_name", "role", "disabled"});
  auto version = in.Int("version", 1, INT64_MAX, true);
  auto display = in.String("display_name", 128);
  auto role = ReadRole(in, false);
  auto disabled = in.Bool("disabled");
  if (!in.ok()) return in.error();
  return services::UpdateUserCommand{*version, display, role, disabled};
}

core::Result<services::ResetPasswordCommand> ParseResetPassword(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"password"});
  auto password = in.String("password", 256, true);
  if (!in.ok()) return in.error();
  return services::ResetPasswordCommand{*password};
}

core::Result<services::CreateTokenCommand> ParseCreateToken(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"name", "expires_in_days"});
  auto name = in.String("name", 128, true);
  auto days = in.Int("expires_in_days", 1, services::kMaxTokenDays);
  if (!in.ok()) return in.error();
  return services::CreateTokenCommand{*name, days};
}

}  // namespace slipway::http
