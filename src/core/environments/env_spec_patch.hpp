#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/environments/environment.hpp"

namespace slipway::core {

/// Resources as a request changes them: what is absent keeps the
/// environment's value.
struct EnvSpecPatch {
  std::optional<int> replicas;
  std::optional<std::string> cpu_request;
  std::optional<std::string> cpu_limit;
  std::optional<std::string> memory_request;
  std::optional<std::string> memory_limit;
  std::optional<std::vector<ContainerPort>> ports;
  std::optional<std::vector<ServiceSpec>> services;
  std::optional<std::vector<EnvVar>> env;
  /// Outer nullopt: keep; an empty inner optional: remove the check.
  std::optional<std::optional<Probe>> readiness;
  std::optional<std::optional<Probe>> liveness;
};

/// The patch over `base`, with the rules between fields (requests ≤ limits).
Result<EnvSpec> ApplyEnvSpecPatch(EnvSpec base, const EnvSpecPatch& patch);

}  // namespace slipway::core
