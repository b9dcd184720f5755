#pragma once
// Environment request bodies → typed commands. Form only (types, lengths,
// known fields, resource rules); errors name the field.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "services/environments/environment_commands.hpp"

namespace slipway::http {

/// {env_type, cluster, image?, config_backend?, release_policy?, …resources}.
core::Result<services::CreateEnvironmentCommand> ParseCreateEnvironment(
    const boost::json::object& body, const std::vector<std::string>& env_types);

/// {version?, strategy?, canary?, auto_rollback?, approval_required?}: the
/// policy read exactly as `release_policy` at creation; errors name the field.
core::Result<services::SetReleasePolicyCommand> ParseSetReleasePolicy(
    const boost::json::object& body);

}  // namespace slipway::http
