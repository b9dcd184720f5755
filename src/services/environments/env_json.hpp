#pragma once
// The JSON of an environment's live state and pods: served by the API and
// sent on its event stream, so both say the same thing the same way.
#include <boost/json/object.hpp>

#include "services/environments/environment_service.hpp"

namespace slipway::services {

boost::json::object PodJson(const PodView& pod);
boost::json::object LiveStateJson(const LiveState& live);
/// The replica counts and conditions of a Deployment object.
boost::json::object DeploymentStatusJson(const connectors::Deployment& deployment);

}  // namespace slipway::services
