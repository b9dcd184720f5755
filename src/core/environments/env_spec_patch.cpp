#include "core/environments/env_spec_patch.hpp"

#include <tuple>
#include <utility>

#include "core/environments/quantity.hpp"

namespace slipway::core {

Result<EnvSpec> ApplyEnvSpecPatch(EnvSpec spec, const EnvSpecPatch& patch) {
  if (patch.replicas) spec.replicas = *patch.replicas;
  auto& res = spec.resources;
  for (auto [value, target] : {std::pair{&patch.cpu_request, &res.cpu_request},
                               std::pair{&patch.cpu_limit, &res.cpu_limit},
                               std::pair{&patch.memory_request, &res.memory_request},
                               std::pair{&patch.memory_limit, &res.memory_limit}}) {
    if (*value) *target = **value;
  }
  for (auto [request, limit, field] :
       {std::tuple{&res.cpu_request, &res.cpu_limit, "cpu"},
        std::tuple{&res.memory_request, &res.memory_limit, "memory"}}) {
    const auto r = ParseQuantity(*request);
    const auto l = ParseQuantity(*limit);
    if (r && l && *r > *l) {
      const std::string path = std::string("resources.") + field + "_request";
      const std::string rule = std::string("must not exceed ") + field + "_limit";
      return Invalid(path + " " + rule, {{"field", path}, {"rule", rule}});
    }
  }
  if (patch.ports) spec.ports = *patch.ports;
  if (patch.services) spec.services = *patch.services;
  if (patch.env) spec.env = *patch.env;
  if (patch.readiness) spec.readiness = *patch.readiness;
  if (patch.liveness) spec.liveness = *patch.liveness;
  return spec;
}

}  // namespace slipway::core
