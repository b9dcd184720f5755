#pragma once
// Cluster request bodies → typed commands. Form only (types, lengths, known
// fields and env types); the service checks them against the cluster.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "services/environments/cluster_commands.hpp"

namespace slipway::http {

core::Result<services::RegisterClusterCommand> ParseRegisterCluster(
    const boost::json::object& body, const std::vector<std::string>& env_types);
core::Result<services::EditClusterCommand> ParseEditCluster(
    const boost::json::object& body, const std::vector<std::string>& env_types);

}  // namespace slipway::http
