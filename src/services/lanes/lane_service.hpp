#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "connectors/tapd.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/lane/lane.hpp"
#include "core/lane/lane_expiry.hpp"
#include "core/lane/lane_plan.hpp"
#include "engine/workflow.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/lanes/lane_commands.hpp"
#include "services/lanes/lane_settings.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/context.hpp"
#include "services/platform/secret_box.hpp"
#include "services/platform/server_address.hpp"
#include "services/platform/settings.hpp"
#include "store/database.hpp"
#include "store/lane_repository.hpp"

namespace slipway::engine {
class Engine;
}

namespace slipway::services {

/// A lane as one caller sees it.
struct LaneView {
  core::Lane lane;
  std::string cluster;
  /// The lane's state, `failed` when its create/sync/delete workflow ended
  /// badly (the row says creating/deleting until a retry moves it on).
  core::LaneState state = core::LaneState::kCreating;
  std::string workflow_state;  ///< running | succeeded | failed | cancelled | ""
  std::optional<std::string> error;
  core::LaneExpiry expiry;
  std::vector<std::string> actions;  ///< edit, renew, sync, delete — what this caller may do
};

/// A create or edit: the plan, and the lane (as it would be on a dry run).
struct LanePlanResult {
  LaneView view;
  std::vector<core::PlannedArtefact> plan;
  bool dry_run = false;
  std::string workflow_id;  ///< the workflow doing it; "" on a dry run or when nothing is to do
};

/// One artefact of the lane as its system has it now (drift).
struct LaneArtefactState {
  core::PlannedArtefact artefact;
  std::optional<bool> present;  ///< nullopt: the system could not be asked (`error`)
  std::string error;
};

/// A delete as seen when the request returns.
struct LaneDeletion {
  bool done = false;  ///< everything is gone
  std::string workflow_id;
  std::string workflow_state;
  std::optional<std::string> error;  ///< the step that failed, by name
};

/// Swimlanes (R-LANE-1..13): checks, the plan, and the workflows that make
/// and remove lanes (lane_workflows.hpp). Thread-safe.
class LaneService {
 public:
  LaneService(store::Database& db, const core::Clock& clock, engine::Engine& engine,
              ClusterService& clusters, const Connections& connections, const SecretBox& secrets,
              const ServerAddress& address, ConfigFileSettings config_settings,
              LaneSettings settings, BuildSettings build_settings);

  /// Developers, approvers and admins create. The story must exist in TAPD
  /// (400 unknown, 503 TAPD unreachable, nothing created); every app must be
  /// deployable and have a base environment. A dry run only plans.
  core::Result<LanePlanResult> Create(const RequestContext& ctx, const CreateLaneCommand& command);
  core::Result<std::vector<LaneView>> List(const RequestContext& ctx);
  core::Result<LaneView> Get(const RequestContext& ctx, const std::string& ref);
  /// The lane's plan as it stands (every artefact it should have).
  core::Result<std::vector<core::PlannedArtefact>> Plan(const RequestContext& ctx,
                                                        const std::string& ref);
  /// Every artefact the lane should have, looked up now: what is missing
  /// (someone deleted a job, a hook, a record) is what a sync remakes.
  core::Result<std::vector<LaneArtefactState>> Drift(const RequestContext& ctx,
                                                     const std::string& ref);
  /// The lane's current (or last) create/edit/sync/delete workflow with the
  /// workflows of its applications (children), for per-step progress. Any
  /// signed-in user may read it; the engine's own route is for admins.
  core::Result<std::vector<engine::Workflow>> Progress(const RequestContext& ctx,
                                                       const std::string& ref);
  core::Result<std::vector<store::LaneEvent>> Events(const RequestContext& ctx,
                                                     const std::string& ref, int limit);
  /// Owners, members and admins. Basic fields are updated at once; a changed
  /// application set starts the workflow adding and removing applications.
  core::Result<LanePlanResult> Edit(const RequestContext& ctx, const std::string& ref,
                                    const EditLaneCommand& command);
  /// Counts as activity: takes the lane off the pending-deletion list.
  core::Result<LaneView> Renew(const RequestContext& ctx, const std::string& ref);
  /// Re-runs the create workflow: whatever is missing is made again.
  core::Result<LanePlanResult> Sync(const RequestContext& ctx, const std::string& ref);
  /// `confirm` must be the lane's name. Starts (or joins) the delete
  /// workflow and waits up to settings.delete_wait_ms for it.
  core::Result<LaneDeletion> Delete(const RequestContext& ctx, const std::string& ref,
                                    const std::string& confirm);

  /// A GitLab push hook delivery (R-LANE-8). kUnauthenticated for a bad
  /// token; an event for no lane is ignored (nullopt). Otherwise the build
  /// and deploy started, as the lane event recorded.
  core::Result<std::optional<store::LaneEvent>> ReceivePush(std::string_view event_header,
                                                            std::string_view token_header,
                                                            std::string_view body);

 private:
  core::Result<core::Lane> Load(store::Tx& tx, const std::string& ref);
  core::Result<core::Lane> LoadForWrite(store::Tx& tx, const RequestContext& ctx,
                                        const std::string& ref);
  /// The caller's view; reads the lane's workflow (outside any transaction).
  LaneView View(const RequestContext& ctx, core::Lane lane, std::string cluster);
  LaneView ViewOf(const RequestContext& ctx, std::int64_t lane_id);
  /// Starts `kind` for the lane in `tx`; throws when the kind is unknown (a bug).
  std::string Start(store::Tx& tx, const char* kind, const core::Lane& lane,
                    boost::json::object input);
  /// The story's title and link; TAPD's refusals as field errors.
  core::Result<connectors::TapdStory> Story(const std::string& workspace, const std::string& id);
  core::Status CheckPeople(store::Tx& tx, const std::vector<std::string>& members,
                           const core::LaneColoring& coloring,
                           const std::vector<std::string>& apps);
  std::string Seal(const std::optional<LaneNotifyTarget>& notify) const;

  store::Database& db_;
  const core::Clock& clock_;
  engine::Engine& engine_;
  ClusterService& clusters_;
  const Connections& connections_;
  const SecretBox& secrets_;
  const ServerAddress& address_;
  ConfigFileSettings config_settings_;
  LaneSettings settings_;
  BuildSettings build_settings_;
};

}  // namespace slipway::services
