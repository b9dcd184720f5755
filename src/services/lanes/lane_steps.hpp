#pragma once
// Internal to the lane workflows: what their steps share.
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "connectors/kubernetes.hpp"
#include "core/lane/lane.hpp"
#include "engine/outcome.hpp"
#include "engine/step_context.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/lanes/lane_workflows.hpp"

namespace slipway::services::lanes {

using Deps = std::shared_ptr<const LaneWorkflowDeps>;

/// The lane named by the workflow input's `lane_id`; nullopt once deleted for good.
std::optional<core::Lane> LoadLane(const engine::StepContext& ctx);

/// One application of a lane with its cluster client: what a per-app step needs.
struct AppScope {
  core::Lane lane;
  ResolvedApp app;
  std::shared_ptr<connectors::Kubernetes> kube;
};

/// The scope of input {lane_id, app_id}; nullopt when the app left the lane
/// (the step then has nothing to do). Errors: the cluster cannot be opened.
core::Result<std::optional<AppScope>> LoadAppScope(const engine::StepContext& ctx,
                                                   const LaneWorkflowDeps& deps);

/// The start of every per-app step: fills `scope`, or returns the outcome
/// to return at once (the app left the lane: nothing to do; the cluster
/// cannot be opened: Failed).
std::optional<engine::StepOutcome> EnterAppStep(const engine::StepContext& ctx,
                                                const LaneWorkflowDeps& deps, AppScope& scope);

/// A connector's failure as a step outcome: retried when transient (and
/// for 5xx-like conflicts of a racing create), the workflow fails otherwise
/// with `what` and the system's message.
engine::StepOutcome Failed(const core::Error& error, const std::string& what);

/// `what` is done; `created` says whether this run made it (sync reports).
engine::StepOutcome Done(const std::string& what, bool created, boost::json::object extra = {});

/// The lane's kube client; Failed outcome in `error` when it cannot be had.
core::Result<std::shared_ptr<connectors::Kubernetes>> LaneCluster(const LaneWorkflowDeps& deps,
                                                                  const core::Lane& lane);

std::int64_t InputInt(const engine::StepContext& ctx, const char* key);
std::string InputString(const engine::StepContext& ctx, const char* key);

/// Step handlers of each workflow (lane_*_steps.cpp).
engine::StepOutcome AppBranchStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome AppConfigStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome AppJobStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome AppHookStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome AppDeployStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome AppDomainsStep(engine::StepContext& ctx, const Deps& deps);

engine::StepOutcome TeardownDomainsStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownHookStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownJobStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownConfigStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownObjectsStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownImagesStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome TeardownBranchStep(engine::StepContext& ctx, const Deps& deps);

engine::StepOutcome DeployBuildStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome DeployImageStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome ExpiryWatchStep(engine::StepContext& ctx, const Deps& deps);
engine::StepOutcome FollowStep(engine::StepContext& ctx, const Deps& deps);

}  // namespace slipway::services::lanes
