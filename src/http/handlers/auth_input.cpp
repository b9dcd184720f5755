#include "http/handlers/auth_input.hpp"

#include "core/common/field_reader.hpp"

namespace slipway::http {

core::Result<LoginCommand> ParseLogin(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"username", "password"});
  auto username = in.String("username", 64, true);
  auto password = in.String("password", 256, true);
  if (!in.ok()) return in.error();
  return LoginCommand{*username, *password};
}

core::Result<services::ChangePasswordCommand> ParseChangePassword(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"current_password", "new_password"});
  auto current = in.String("current_password", 256, true);
  auto next = in.String("new_password", 256, true);
  if (!in.ok()) return in.error();
  return services::ChangePasswordCommand{*current, *next};
}

}  // namespace slipway::http
