#pragma once
#include <string>

#include "cli/client_session.hpp"

namespace slipway::cli {

/// The API path of an environment named by id, or as APP/ENV_TYPE[@CLUSTER]
/// (resolved through the application's environment list), plus `suffix`.
/// Throws Failure: usage for a malformed reference, not_found when nothing
/// matches, usage when several clusters match and none was named.
std::string EnvPath(Session& session, const std::string& ref, const std::string& suffix = "");

}  // namespace slipway::cli
