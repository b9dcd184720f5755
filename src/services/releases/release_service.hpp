#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/changes/change.hpp"
#include "core/common/clock.hpp"
#include "core/environments/env_spec_patch.hpp"
#include "core/releases/baseline.hpp"
#include "core/releases/release.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/releases/release_begin.hpp"
#include "services/releases/release_config.hpp"
#include "store/database.hpp"
#include "store/release_repository.hpp"

namespace slipway::engine {
class Engine;
}

namespace slipway::services {

class ChangeService;

struct ReleaseView {
  core::Release release;
  std::vector<core::ReleaseStep> steps;
  std::vector<store::ReleaseOperation> operations;
  core::Change change;
  std::string app;
  std::string env_type;
  std::vector<std::string> actions;
  std::vector<store::RollbackConfigFile>
      config_restores;  ///< a rollback's config files and their outcome
};

struct ReleaseList {
  std::vector<ReleaseView> items;
  std::optional<std::string> next_cursor;
};

/// What a rollback puts back (R-CFG-3): the image and resources, the config files, or both.
enum class RollbackScope { kAll, kImage, kConfig };
const char* RollbackScopeName(RollbackScope scope);
std::optional<RollbackScope> ParseRollbackScope(std::string_view text);

/// A rollback asked for (the plan, or the rollback itself).
struct RollbackRequest {
  std::optional<std::string> image;              ///< another image of the application (scope image)
  std::optional<std::int64_t> baseline_version;  ///< default: the baseline before the release
  RollbackScope scope = RollbackScope::kAll;
  /// The plan's plan_token: the live config versions it was shown with. A
  /// rollback whose files moved since is refused (409, naming the file).
  std::optional<std::string> plan_token;
};

/// Where a rollback would go, and what would change (R-REL-5/6, R-CFG-3).
struct RollbackPlan {
  std::string image;
  std::string image_digest;
  core::EnvSpec spec;
  std::int64_t baseline_version = 0;  ///< the baseline restored, 0 when an image was chosen
  std::int64_t baseline_id = 0;
  std::vector<core::FieldDiff> diff;  ///< from what runs now to the target (empty for scope config)
  RollbackScope scope = RollbackScope::kAll;
  /// The configuration is part of the rollback: scope all|config and a baseline that recorded it.
  bool config_included = false;
  std::string config_note;                ///< why it is not, when it is not
  std::vector<ConfigRestorePlan> config;  ///< per file, live → baseline
  /// The live versions of the files to restore, to pass back with the rollback.
  std::string plan_token;
};

/// Config drift (R-CFG-3): the live files against the environment's latest baseline.
struct ConfigDrift {
  std::int64_t baseline_version = 0;          ///< 0: no baseline yet
  bool config_recorded = false;               ///< the baseline recorded configuration
  std::vector<core::ConfigFileChange> files;  ///< baseline → live; empty: no drift
};

/// Two baselines compared: fields, and config files when both recorded them.
struct BaselineDiff {
  std::vector<core::FieldDiff> fields;
  bool config_compared = false;
  std::vector<core::ConfigFileChange> config;
};

/// Starting the release of a pending change.
struct StartReleaseCommand {
  /// nullopt: the environment's policy (scale and env_resource changes are one-shot).
  std::optional<core::ReleaseStrategy> strategy;
};

/// Scaling from the instance list (R-ENV-6).
struct ScaleCommand {
  int replicas = 0;  ///< 1–24, different from what runs
};

/// Editing an environment's resources (R-ENV-5).
struct EditEnvironmentCommand {
  std::int64_t version = 0;  ///< the environment's version the edit was made on
  bool confirm = false;      ///< false: only the preview
  core::EnvSpecPatch resources;
};

/// The answer to an edit: the preview, and once confirmed what was started.
struct EnvironmentEdit {
  std::vector<core::FieldDiff> diff;
  std::string warning;
  bool confirmed = false;
  std::int64_t change_id = 0;  ///< when confirmed
  std::int64_t release_id = 0;
};

/// A change the system made and the release running it (scale, environment edit).
struct ChangeAndRelease {
  core::Change change;
  core::Release release;
};

/// Releases, rollbacks, baselines, scaling and environment edits. The work
/// itself runs on the engine (ReleaseRunner); this service records what is
/// asked, checks who asks, and signals running releases. Thread-safe.
class ReleaseService {
 public:
  /// `config`: where the environments' config files are read for rollbacks and drift.
  ReleaseService(store::Database& db, const core::Clock& clock, engine::Engine& engine,
                 ChangeService& changes, const ReleaseConfig& config);

  /// Releases a pending_release change on its environment (R-REL-1).
  core::Result<ReleaseView> Start(const RequestContext& ctx, const std::string& change_ref,
                                  const Parsed<StartReleaseCommand>& command);
  core::Result<ReleaseView> Get(const RequestContext& ctx, const std::string& ref);
  /// Filters: app (id or name), env_id, change_id, state. Newest first.
  core::Result<ReleaseList> List(const RequestContext& ctx, const std::string& app_ref,
                                 std::optional<std::int64_t> env_id, const std::string& state,
                                 const std::string& cursor, int limit);
  /// promote | promote_all | abort: recorded, then the workflow is woken.
  core::Result<ReleaseView> Act(const RequestContext& ctx, const std::string& ref,
                                const std::string& action);

  /// The rollback target (default: the baseline recorded before the release),
  /// its diff and, for a baseline with configuration, the config diff per file.
  core::Result<RollbackPlan> PlanRollback(const RequestContext& ctx, const std::string& ref,
                                          const RollbackRequest& request);
  /// Runs the rollback as a one-shot release of its own; repeatable.
  core::Result<ReleaseView> Rollback(const RequestContext& ctx, const std::string& ref,
                                     const RollbackRequest& request);

  core::Result<std::vector<core::Baseline>> Baselines(const RequestContext& ctx,
                                                      const std::string& env_ref);
  core::Result<BaselineDiff> DiffBaselines(const RequestContext& ctx, const std::string& env_ref,
                                           std::int64_t from, std::int64_t to);
  /// The environment's live config files against its latest baseline.
  core::Result<ConfigDrift> DriftOf(const RequestContext& ctx, const std::string& env_ref);

  /// Scaling from the instance list (R-ENV-6): a `scale` change, submitted
  /// and released at once.
  core::Result<ChangeAndRelease> Scale(const RequestContext& ctx, const std::string& env_ref,
                                       const Parsed<ScaleCommand>& command);
  /// Editing an environment (R-ENV-5). Without confirm the answer is the
  /// diff and a warning, and nothing changes; with it, an `env_resource`
  /// change is created, submitted and released.
  core::Result<EnvironmentEdit> EditEnvironment(const RequestContext& ctx,
                                                const std::string& env_ref,
                                                const Parsed<EditEnvironmentCommand>& command);

 private:
  core::Result<ReleaseView> View(store::Tx& tx, const RequestContext& ctx, std::int64_t id);
  /// The image side of the plan, and the baseline whose config it restores.
  core::Result<RollbackPlan> Plan(store::Tx& tx, const core::Release& release,
                                  const RollbackRequest& request,
                                  std::vector<core::BaselineConfigFile>& baseline_config);
  /// Plan, then the live config files read and compared (outside any transaction).
  core::Result<RollbackPlan> PlanWithConfig(const RequestContext& ctx, const std::string& ref,
                                            const RollbackRequest& request, bool write);
  /// A scale or (scale null) an edit of `resources`, made as a change and released.
  core::Result<ChangeAndRelease> SystemRelease(const RequestContext& ctx,
                                               const std::string& env_ref,
                                               const Parsed<ScaleCommand>* scale,
                                               const core::EnvSpecPatch* resources);

  store::Database& db_;
  const core::Clock& clock_;
  engine::Engine& engine_;
  ChangeService& changes_;
  const ReleaseConfig& config_;
};

}  // namespace slipway::services
