#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/releases/baseline.hpp"
#include "core/releases/release.hpp"
#include "store/database.hpp"

namespace slipway::store {

struct ReleaseOperation {
  std::int64_t id = 0;
  std::int64_t release_id = 0;
  std::string kind;  ///< start | promote | promote_all | abort | rollback
  std::string actor;
  std::string detail = "{}";
  std::int64_t created_at = 0;
};

struct ReleaseQuery {
  std::optional<std::int64_t> app_id, env_id, change_id;
  std::string state;
  int limit = 50;
  std::optional<std::int64_t> before_id;
};

/// Releases, their steps and operation records, and baselines. All
/// functions run inside the caller's transaction.
namespace releases {

/// UniqueViolation when the environment has an active release or the
/// change was released already.
std::int64_t Insert(Tx& tx, const core::Release& release);
std::optional<core::Release> Get(Tx& tx, std::int64_t id);
/// The environment's pending, releasing or canary release, if any.
std::optional<core::Release> ActiveOn(Tx& tx, std::int64_t env_id);
/// Up to limit + 1, newest first.
std::vector<core::Release> List(Tx& tx, const ReleaseQuery& query);
bool Update(Tx& tx, const core::Release& release);
/// The digest `image` had when a release of the application ran it (as its
/// target or as what ran before it), newest first; nullopt when none did.
std::optional<std::string> ReleasedImageDigest(Tx& tx, std::int64_t app_id,
                                               const std::string& image);

/// Replaces the steps' rows (the plan is known when the release starts).
void PutSteps(Tx& tx, std::int64_t release_id, const std::vector<core::ReleaseStep>& steps);
void UpdateStep(Tx& tx, std::int64_t release_id, const core::ReleaseStep& step);
std::vector<core::ReleaseStep> Steps(Tx& tx, std::int64_t release_id);

std::int64_t AddOperation(Tx& tx, const ReleaseOperation& op);
std::vector<ReleaseOperation> Operations(Tx& tx, std::int64_t release_id);

}  // namespace releases

namespace baselines {

/// Appends version (latest + 1) for the environment, with its config files,
/// and returns it.
std::int64_t Append(Tx& tx, core::Baseline baseline);
/// With the config files (contents included).
std::optional<core::Baseline> Latest(Tx& tx, std::int64_t env_id);
std::optional<core::Baseline> Get(Tx& tx, std::int64_t env_id, std::int64_t version);
/// Newest first; config files not loaded (config_recorded says whether there are).
std::vector<core::Baseline> List(Tx& tx, std::int64_t env_id);
/// Baselines (of any environment) that reference the image digest.
std::vector<core::Baseline> WithDigest(Tx& tx, const std::string& digest);

}  // namespace baselines
}  // namespace slipway::store
