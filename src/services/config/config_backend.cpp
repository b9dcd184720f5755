#include "services/config/config_backend.hpp"

#include <cctype>

namespace slipway::services {

core::Result<std::unique_ptr<ConfigFiles>> OpenConfigFiles(const Connections& connections,
                                                           const ConfigFileSettings& settings,
                                                           const ConfigTarget& target) {
  if (target.backend == core::ConfigBackend::kConsul) {
    if (!connections.consul) return NotConfigured("consul");
    return ConsulConfigFiles(connections.consul, settings.consul_prefix, target);
  }
  if (!connections.apollo) return NotConfigured("apollo");
  std::string env;
  if (auto it = settings.apollo_envs.find(target.env_type); it != settings.apollo_envs.end()) {
    env = it->second;
  } else {
    env = target.env_type;
    for (auto& c : env) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return ApolloConfigFiles(connections.apollo, std::move(env), target, settings.apollo_operator);
}

}  // namespace slipway::services
