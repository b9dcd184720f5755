#include "services/config/config_backend.hpp"

#include <cctype>
#include <ctime>

namespace slipway::services {

core::Result<std::unique_ptr<ConfigFiles>> OpenConfigFiles(const Connections& connections,
                                                           const ConfigFileSettings& settings,
                                                           const ConfigTarget& target) {
  if (target.backend == core::ConfigBackend::kConsul) {
    if (!Configured(connections.consul)) return NotConfigured("consul");
    return ConsulConfigFiles(connections.consul, settings.consul_prefix, target);
  }
  if (!Configured(connections.apollo)) return NotConfigured("apollo");
  return ApolloConfigFiles(connections.apollo, ApolloEnvFor(settings, target.env_type), target,
                           settings.apollo_operator);
}

std::string ApolloEnvFor(const ConfigFileSettings& settings, const std::string& env_type) {
  if (auto it = settings.apollo_envs.find(env_type); it != settings.apollo_envs.end())
    return it->second;
  std::string env = env_type;
  for (auto& c : env) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return env;
}

std::string ReleaseTitle(core::Millis now, std::string_view suffix) {
  std::time_t t = static_cast<std::time_t>(now / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return std::string(buf) + std::string(suffix);
}

}  // namespace slipway::services
