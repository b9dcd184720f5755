#pragma once
// The JSON shapes of lanes (docs/api-contract.md, openapi.json: Lane…).
#include <boost/json/object.hpp>
#include <vector>

#include "core/lane/lane_plan.hpp"
#include "services/lanes/lane_service.hpp"
#include "store/lane_repository.hpp"

namespace slipway::http {

boost::json::object LaneJson(const services::LaneView& view,
                             const services::LaneSettings& settings);
boost::json::array PlanJson(const std::vector<core::PlannedArtefact>& plan);
boost::json::object LaneEventJson(const store::LaneEvent& event);

}  // namespace slipway::http
