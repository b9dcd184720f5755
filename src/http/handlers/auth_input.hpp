#pragma once
// Sign-in and password change bodies → typed values. Errors name the field.
#include <boost/json/object.hpp>
#include <string>

#include "core/common/error.hpp"
#include "services/identity/identity_commands.hpp"

namespace slipway::http {

struct LoginCommand {
  std::string username;
  std::string password;
};

core::Result<LoginCommand> ParseLogin(const boost::json::object& body);
core::Result<services::ChangePasswordCommand> ParseChangePassword(const boost::json::object& body);

}  // namespace slipway::http
