#pragma once
// Lane request bodies → typed commands. Form only (types, lengths, known
// fields); the service checks them against the world. Errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/lanes/lane_commands.hpp"

namespace slipway::http {

core::Result<services::CreateLaneCommand> ParseCreateLane(const boost::json::object& body);
core::Result<services::EditLaneCommand> ParseEditLane(const boost::json::object& body);

}  // namespace slipway::http
