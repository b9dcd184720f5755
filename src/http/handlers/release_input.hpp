#pragma once
// Release request bodies → typed commands. Form only (types, lengths, known
// fields); the service checks them against the world. Errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/releases/release_service.hpp"

namespace slipway::http {

/// {"strategy"?: one_shot|canary}
core::Result<services::StartReleaseCommand> ParseStartRelease(const boost::json::object& body);
/// {"replicas": 1–24}
core::Result<services::ScaleCommand> ParseScale(const boost::json::object& body);
/// {"version", "confirm"?, …resources (absent fields keep their values)}
core::Result<services::EditEnvironmentCommand> ParseEditEnvironment(
    const boost::json::object& body);

/// {"image"?, "baseline_version"?, "scope"?: all|image|config, "plan_token"?}
core::Result<services::RollbackRequest> ParseRollbackRequest(const boost::json::object& body);

}  // namespace slipway::http
