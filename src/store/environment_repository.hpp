#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/environments/environment.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// Something done to an environment outside changes and releases (R-ENV-7):
/// create, restart, delete, a new release policy. Kept after the
/// environment is gone.
struct EnvOperation {
  std::int64_t id = 0;
  std::int64_t env_id = 0;
  std::int64_t app_id = 0;
  std::string kind;  ///< create | restart | delete | release_policy
  std::string actor;
  std::string detail;  ///< JSON object
  core::Millis created_at = 0;
};

/// Environments. All functions run inside the caller's transaction.
namespace environments {

/// Inserts and returns the id; UniqueViolation when the application already
/// has an environment of that env type on that cluster.
std::int64_t Insert(Tx& tx, const core::Environment& env);
std::optional<core::Environment> Get(Tx& tx, std::int64_t id);
/// The application's environments, by env type then cluster id.
std::vector<core::Environment> ListByApp(Tx& tx, std::int64_t app_id);
/// Every environment of an env type (any application, any cluster), by id.
std::vector<core::Environment> ListByEnvType(Tx& tx, const std::string& env_type);
/// How many environments use the cluster.
std::int64_t CountOnCluster(Tx& tx, std::int64_t cluster_id);
/// Environments that run the image with `digest` (any application).
std::vector<core::Environment> RunningDigest(Tx& tx, const std::string& digest);
/// Writes every field if the stored version is `version - 1`; false when stale.
bool Update(Tx& tx, const core::Environment& env);
bool Delete(Tx& tx, std::int64_t id);

std::int64_t AddOperation(Tx& tx, const EnvOperation& op);
/// Forgets the operations of an environment whose creation was undone.
void DeleteOperations(Tx& tx, std::int64_t env_id);
/// Newest first, at most `limit`.
std::vector<EnvOperation> Operations(Tx& tx, std::int64_t env_id, int limit);

}  // namespace environments
}  // namespace slipway::store
