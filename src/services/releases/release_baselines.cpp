// Baselines (R-REL-6, R-CFG-3): the list, the diff between two versions
// (config files included) and the drift of the live config files from the
// latest baseline.
#include "core/common/names.hpp"
#include "services/releases/release_service.hpp"
#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

using store::TxMode;

core::Result<std::vector<core::Baseline>> ReleaseService::Baselines(const RequestContext&,
                                                                    const std::string& env_ref) {
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) -> core::Result<std::vector<core::Baseline>> {
                       auto id = core::ParseId(env_ref);
                       if (!id || !store::environments::Get(tx, *id))
                         return core::NotFound("no environment " + env_ref);
                       return store::baselines::List(tx, *id);
                     });
}

core::Result<BaselineDiff> ReleaseService::DiffBaselines(const RequestContext&,
                                                         const std::string& env_ref,
                                                         std::int64_t from, std::int64_t to) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<BaselineDiff> {
    auto id = core::ParseId(env_ref);
    if (!id || !store::environments::Get(tx, *id))
      return core::NotFound("no environment " + env_ref);
    auto a = store::baselines::Get(tx, *id, from);
    auto b = store::baselines::Get(tx, *id, to);
    if (!a) return core::NotFound("no baseline version " + std::to_string(from));
    if (!b) return core::NotFound("no baseline version " + std::to_string(to));
    BaselineDiff diff;
    diff.fields = core::DiffBaselines(core::BaselineContent(a->image, a->image_digest, a->spec),
                                      core::BaselineContent(b->image, b->image_digest, b->spec));
    // A baseline without configuration says nothing about it: no diff rather than "every file
    // removed".
    diff.config_compared = a->config_recorded && b->config_recorded;
    if (diff.config_compared) diff.config = core::DiffConfigFiles(a->config, b->config);
    return diff;
  });
}

core::Result<ConfigDrift> ReleaseService::DriftOf(const RequestContext&,
                                                  const std::string& env_ref) {
  struct Read {
    core::Environment env;
    core::App app;
    core::Cluster cluster;
    std::optional<core::Baseline> baseline;
  };
  auto read = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<Read> {
    auto id = core::ParseId(env_ref);
    auto env = id ? store::environments::Get(tx, *id) : std::nullopt;
    if (!env) return core::NotFound("no environment " + env_ref);
    auto app = store::apps::Get(tx, env->app_id);
    auto cluster = store::clusters::Get(tx, env->cluster_id);
    if (!app || !cluster)
      return core::NotFound("the application or cluster of environment " + env_ref + " is gone");
    return Read{*env, *app, cluster->cluster, store::baselines::Latest(tx, env->id)};
  });
  if (!read.ok()) return read.error();
  ConfigDrift drift;
  if (!read->baseline) return drift;
  drift.baseline_version = read->baseline->version;
  drift.config_recorded = read->baseline->config_recorded;
  if (!drift.config_recorded) return drift;
  auto files = config_.Open(read->app, read->env, read->cluster);
  if (!files.ok()) return files.error();
  auto live = config_.Snapshot(**files);
  if (!live.ok()) return live.error();
  drift.files = core::DiffConfigFiles(read->baseline->config, *live);
  return drift;
}

}  // namespace slipway::services
