#pragma once
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

/// The JSON form of application details, as stored and as served.
boost::json::object DetailsToJson(const AppDetails& details);

/// The fields present in a details body, each checked; absent ones stay unset.
struct AppDetailsPatch {
  std::optional<std::string> build_job;  ///< "" (or null) clears it
  std::optional<std::string> vendor_image;
  std::optional<std::vector<Port>> ports;
  std::optional<std::optional<HealthCheck>> health_check;  ///< set, or cleared with null
  std::optional<std::vector<std::string>> business_domains;
};

/// Reads and validates the fields present in `patch` (ports 1–65535 with
/// unique names, protocol TCP|UDP|SCTP, health check type http|tcp|exec with
/// what that type needs, build job path, image). Errors name the offending
/// field in details.field.
Result<AppDetailsPatch> ParseDetailsPatch(const boost::json::object& patch);
/// Sets the fields the patch holds.
void ApplyDetailsPatch(AppDetails& details, const AppDetailsPatch& patch);
/// ParseDetailsPatch, then ApplyDetailsPatch (stored details are read this way).
Status MergeDetails(AppDetails& details, const boost::json::object& patch);

}  // namespace slipway::core
