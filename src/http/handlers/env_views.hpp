#pragma once
#include <boost/json/object.hpp>

#include "services/environments/cluster_service.hpp"
#include "services/environments/environment_service.hpp"

namespace slipway::http {

boost::json::object ClusterJson(const services::ClusterView& view);
boost::json::object EnvironmentJson(const services::EnvironmentView& view);
boost::json::object EnvOperationJson(const store::EnvOperation& op);

}  // namespace slipway::http
