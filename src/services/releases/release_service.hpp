#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/releases/baseline.hpp"
#include "core/changes/change.hpp"
#include "core/common/clock.hpp"
#include "core/releases/release.hpp"
#include "services/platform/context.hpp"
#include "services/releases/release_begin.hpp"
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
};

struct ReleaseList {
  std::vector<ReleaseView> items;
  std::optional<std::string> next_cursor;
};

/// Where a rollback would go, and what would change (R-REL-5/6).
struct RollbackPlan {
  std::string image;
  std::string image_digest;
  core::EnvSpec spec;
  std::int64_t baseline_version = 0;  ///< the baseline restored, 0 when an image was chosen
  std::vector<core::FieldDiff> diff;  ///< from what runs now to the target
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
  ReleaseService(store::Database& db, const core::Clock& clock, engine::Engine& engine, ChangeService& changes);

  /// Releases a pending_release change on its environment (R-REL-1). Body:
  /// {"strategy"?: one_shot|canary} (default: the environment's policy; scale
  /// and env_resource changes are one-shot).
  core::Result<ReleaseView> Start(const RequestContext& ctx, const std::string& change_ref,
                                  const boost::json::object& body);
  core::Result<ReleaseView> Get(const RequestContext& ctx, const std::string& ref);
  /// Filters: app (id or name), env_id, change_id, state. Newest first.
  core::Result<ReleaseList> List(const RequestContext& ctx, const std::string& app_ref,
                                 std::optional<std::int64_t> env_id, const std::string& state,
                                 const std::string& cursor, int limit);
  /// promote | promote_all | abort: recorded, then the workflow is woken.
  core::Result<ReleaseView> Act(const RequestContext& ctx, const std::string& ref, const std::string& action);

  /// The rollback target (default: the baseline recorded before the release)
  /// and its diff. Body: {"image"?} | {"baseline_version"?}.
  core::Result<RollbackPlan> PlanRollback(const RequestContext& ctx, const std::string& ref,
                                          const boost::json::object& body);
  /// Runs the rollback as a one-shot release of its own; repeatable.
  core::Result<ReleaseView> Rollback(const RequestContext& ctx, const std::string& ref,
                                     const boost::json::object& body);

  core::Result<std::vector<core::Baseline>> Baselines(const RequestContext& ctx, const std::string& env_ref);
  core::Result<std::vector<core::FieldDiff>> DiffBaselines(const RequestContext& ctx, const std::string& env_ref,
                                                           std::int64_t from, std::int64_t to);

  /// Scaling from the instance list (R-ENV-6): a `scale` change, submitted
  /// and released at once. Body: {"replicas": 1–24}.
  core::Result<ChangeAndRelease> Scale(const RequestContext& ctx, const std::string& env_ref,
                                       const boost::json::object& body);
  /// Editing an environment (R-ENV-5). Without "confirm": true the answer is
  /// the diff and a warning, and nothing changes; with it, an `env_resource`
  /// change is created, submitted and released.
  core::Result<boost::json::object> EditEnvironment(const RequestContext& ctx, const std::string& env_ref,
                                                    const boost::json::object& body);

 private:
  core::Result<ReleaseView> View(store::Tx& tx, const RequestContext& ctx, std::int64_t id);
  core::Result<RollbackPlan> Plan(store::Tx& tx, const core::Release& release, const boost::json::object& body);
  core::Result<ChangeAndRelease> SystemRelease(const RequestContext& ctx, const std::string& env_ref,
                                               core::ChangeType type, const boost::json::object& body);

  store::Database& db_;
  const core::Clock& clock_;
  engine::Engine& engine_;
  ChangeService& changes_;
};

}  // namespace slipway::services
