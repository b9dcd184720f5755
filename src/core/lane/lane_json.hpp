#pragma once
// The stored JSON forms of a lane's parts (the lanes and lane_apps rows).
#include <boost/json/object.hpp>

#include "core/lane/lane.hpp"

namespace slipway::core {

/// {"replicas": n|null, "env": [{"name","value"}], "domains": [...]}
boost::json::object LaneAppOverridesToJson(const LaneAppSpec& spec);
/// Reads what LaneAppOverridesToJson wrote into `spec`; unknown or
/// malformed parts are skipped (rows were validated when written).
void ReadLaneAppOverrides(const boost::json::object& json, LaneAppSpec& spec);

/// {"producers": [...], "consumers": [{"app","topic","group"}]}
boost::json::object LaneColoringToJson(const LaneColoring& coloring);
LaneColoring ReadLaneColoring(const boost::json::object& json);

}  // namespace slipway::core
