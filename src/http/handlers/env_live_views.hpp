#pragma once
// The JSON of an environment's live state, pods and live events: served by
// the API and sent on its event stream, so both say the same thing the same way.
#include <boost/json/object.hpp>
#include <string>
#include <utility>

#include "services/environments/environment_service.hpp"

namespace slipway::http {

boost::json::object PodJson(const services::PodView& pod);
boost::json::object LiveStateJson(const services::LiveState& live);
boost::json::object DeploymentStatusJson(const services::DeploymentStatus& status);
/// The event's SSE name ("pods", "pod", "deployment", "error") and data.
std::pair<std::string, boost::json::object> EnvEventJson(const services::EnvEvent& event);

}  // namespace slipway::http
