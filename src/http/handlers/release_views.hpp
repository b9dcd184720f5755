#pragma once
#include <boost/json/object.hpp>

#include "services/releases/release_service.hpp"

namespace slipway::http {

boost::json::object ReleaseJson(const services::ReleaseView& view);
boost::json::object BaselineJson(const core::Baseline& baseline);
boost::json::object RollbackPlanJson(const services::RollbackPlan& plan);
boost::json::object BaselineDiffJson(std::int64_t from, std::int64_t to,
                                     const services::BaselineDiff& diff);
boost::json::object ConfigDriftJson(const services::ConfigDrift& drift);
/// {diff, warning, confirmed, change_id?, release_id?}
boost::json::object EnvironmentEditJson(const services::EnvironmentEdit& edit);

}  // namespace slipway::http
