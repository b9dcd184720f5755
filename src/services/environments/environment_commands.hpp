#pragma once
// What developers ask of environments, checked for form at the HTTP edge
// (http/handlers/env_input.cpp); the service checks them against the
// application, the cluster and the environments it has.
#include <cstdint>
#include <optional>
#include <string>

#include "core/environments/cluster.hpp"
#include "core/environments/environment.hpp"
#include "core/releases/release_policy.hpp"

namespace slipway::services {

struct CreateEnvironmentCommand {
  std::string env_type;  ///< one of the configured env types
  std::string cluster;   ///< a cluster's name or id
  std::string image;     ///< "" until the first release (a placeholder runs)
  std::optional<core::ConfigBackend> config_backend;  ///< default: the cluster's
  core::ReleasePolicy release_policy;
  /// The resources given, over the defaults of an EnvSpec.
  core::EnvSpec spec;
  /// Whether the body named ports and a readiness check; what it leaves out
  /// comes from the application's details (its ports and health check).
  bool ports_given = false;
  bool readiness_given = false;
};

/// Replaces an environment's release policy: the whole policy, read as at
/// creation (a field left out takes its default).
struct SetReleasePolicyCommand {
  /// When given, the environment's version the caller saw (409 when stale).
  std::optional<std::int64_t> version;
  core::ReleasePolicy release_policy;
};

}  // namespace slipway::services
