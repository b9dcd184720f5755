#pragma once
#include <boost/json/value.hpp>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

/// The JSON form of application details, as stored and as served.
boost::json::object DetailsToJson(const AppDetails& details);

/// Merges the fields present in `patch` into `details`, validating each one
/// (ports 1–65535 with unique names, protocol TCP|UDP|SCTP, health check
/// type http|tcp|exec with what that type needs, build job path, image).
/// Errors name the offending field in details.field.
Status MergeDetails(AppDetails& details, const boost::json::object& patch);

}  // namespace slipway::core
