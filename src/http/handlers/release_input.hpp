#pragma once
// Release request bodies → typed commands. Form only (types, lengths, known
// fields); the service checks them against the world. Errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/releases/release_service.hpp"

namespace slipway::http {

/// {"image"?, "baseline_version"?, "scope"?: all|image|config, "plan_token"?}
core::Result<services::RollbackRequest> ParseRollbackRequest(const boost::json::object& body);

}  // namespace slipway::http
