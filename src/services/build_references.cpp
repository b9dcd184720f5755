#include "services/build_references.hpp"

#include "store/environment_repository.hpp"

namespace slipway::services {

std::vector<BuildReference> BuildReferences(store::Tx& tx, const std::string& digest) {
  std::vector<BuildReference> out;
  if (digest.empty()) return out;
  for (const auto& env : store::environments::RunningDigest(tx, digest)) {
    out.push_back({"environment", env.id, env.app_id,
                   env.env_type + " environment on cluster " + std::to_string(env.cluster_id) +
                       " (namespace " + env.namespace_name + ")"});
  }
  return out;
}

}  // namespace slipway::services
