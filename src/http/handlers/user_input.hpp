#pragma once
// User and token request bodies → typed commands. Form only (types,
// lengths, known fields, user name and role rules); errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/identity/identity_commands.hpp"

namespace slipway::http {

core::Result<services::CreateUserCommand> ParseCreateUser(const boost::json::object& body);
core::Result<services::UpdateUserCommand> ParseUpdateUser(const boost::json::object& body);
core::Result<services::ResetPasswordCommand> ParseResetPassword(const boost::json::object& body);
core::Result<services::CreateTokenCommand> ParseCreateToken(const boost::json::object& body);

}  // namespace slipway::http
