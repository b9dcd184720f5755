#pragma once
// Build request bodies → typed commands. Form only; errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/builds/build_commands.hpp"

namespace slipway::http {

/// {"branch", "version", "env_id"?, "note"?}
core::Result<services::StartBuildCommand> ParseStartBuild(const boost::json::object& body);

}  // namespace slipway::http
