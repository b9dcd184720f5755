#include "services/builds/build_references.hpp"

#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {

std::vector<BuildReference> BuildReferences(store::Tx& tx, const std::string& digest) {
  std::vector<BuildReference> out;
  if (digest.empty()) return out;
  for (const auto& env : store::environments::RunningDigest(tx, digest)) {
    out.push_back({"environment", env.id, env.app_id,
                   env.env_type + " environment on cluster " + std::to_string(env.cluster_id) +
                       " (namespace " + env.namespace_name + ")"});
  }
  for (const auto& baseline : store::baselines::WithDigest(tx, digest)) {
    out.push_back({"baseline", baseline.id, 0,
                   "baseline v" + std::to_string(baseline.version) + " of environment " +
                       std::to_string(baseline.env_id)});
  }
  for (const auto& change : store::changes::UnreleasedWithDigest(tx, digest)) {
    out.push_back({"change", change.id, change.app_id,
                   "change " + std::to_string(change.id) + " (" +
                       std::string(core::ChangeStateName(change.state)) + ") releases it"});
  }
  return out;
}

}  // namespace slipway::services
