#pragma once
#include <boost/json/object.hpp>

#include "services/releases/release_service.hpp"

namespace slipway::http {

boost::json::object ReleaseJson(const services::ReleaseView& view);
boost::json::object BaselineJson(const core::Baseline& baseline);
boost::json::object RollbackPlanJson(const services::RollbackPlan& plan);

}  // namespace slipway::http
