#pragma once
// Application request bodies → typed commands. Form only (types, lengths,
// known fields, name rules); errors name the field. The service checks the
// commands against the application and the users.
#include <boost/json/object.hpp>

#include "core/apps/app_lifecycle.hpp"
#include "core/common/error.hpp"
#include "services/apps/app_commands.hpp"

namespace slipway::http {

core::Result<services::RegisterAppCommand> ParseRegisterApp(const boost::json::object& body);
core::Result<services::EditAppCommand> ParseEditApp(const boost::json::object& body);
core::Result<services::CompleteDetailsCommand> ParseCompleteDetails(
    const boost::json::object& body);
/// An approval takes a comment, a rejection (required) or an offline request
/// a reason; the other events nothing but the version.
core::Result<services::AppTransitionCommand> ParseAppTransition(core::AppEvent event,
                                                                const boost::json::object& body);
core::Result<services::PutMemberCommand> ParsePutMember(const boost::json::object& body);

}  // namespace slipway::http
