// Lane-wide steps (create, edit, delete) and the registration of every
// lane workflow kind.
#include "services/lanes/lane_workflows.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "engine/workflow.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_steps.hpp"
#include "services/lanes/namespace_wait.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services {

namespace lanes {

namespace {

engine::StepOutcome NoLane() { return engine::Terminal("the lane no longer exists"); }

// "order: <error>; pay: <error>" for the children that did not succeed.
std::string FailedChildren(const engine::StepContext& ctx) {
  std::string out;
  for (const auto& child : ctx.children) {
    if (child.state == engine::WorkflowState::kSucceeded) continue;
    if (!out.empty()) out += "; ";
    out += child.subject + ": " + child.error.value_or(std::string(engine::StateName(child.state)));
  }
  return out;
}

// Starts `children` on the first run; afterwards reports how they ended.
engine::StepOutcome FanOut(engine::StepContext& ctx,
                           const std::function<std::vector<engine::ChildSpec>()>& children,
                           const std::string& what) {
  if (ctx.scratch.is_null())
    return engine::StartChildren(children(), boost::json::object{{"started", true}});
  if (auto failed = FailedChildren(ctx); !failed.empty())
    return engine::Terminal(what + " failed: " + failed);
  return engine::Succeeded(boost::json::object{{"children", ctx.children.size()}});
}

engine::CommitFn Finish(std::int64_t lane_id, core::LaneState state, std::string event,
                        std::string workflow_id, core::Millis now) {
  return [=](store::Tx& tx) {
    auto lane = store::lanes::Get(tx, lane_id);
    if (!lane || lane->state == core::LaneState::kDeleted) return;
    // A delete that started meanwhile owns the lane: an earlier create or
    // edit finishing does not bring it back to active.
    if (state != core::LaneState::kDeleted && lane->state == core::LaneState::kDeleting) return;
    lane->state = state;
    if (state == core::LaneState::kDeleted) lane->pending_deletion_at.reset();
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                .kind = event,
                                .detail = workflow_id,
                                .actor = "slipway",
                                .created_at = now});
  };
}

engine::StepOutcome PrepareStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane) return NoLane();
  auto kube = LaneCluster(*deps, *lane);
  if (!kube.ok()) return Failed(kube.error(), "the lane's cluster");
  auto phase = (*kube)->NamespacePhase(lane->namespace_name);
  if (phase.ok() && *phase == "Terminating") {
    return engine::Transient("namespace " + lane->namespace_name + " is still being deleted");
  }
  const bool created = !phase.ok();
  auto ns = (*kube)->EnsureNamespace(
      lane->namespace_name,
      {{core::kManagedByLabel, "slipway"}, {core::kLaneLabel, lane->namespace_name}});
  if (!ns.ok()) return Failed(ns.error(), "namespace " + lane->namespace_name);
  if (!Configured(deps->connections.jenkins))
    return Failed(NotConfigured("jenkins"), "Jenkins folder");
  const auto folder = core::LaneJenkinsFolder(lane->name);
  auto item = deps->connections.jenkins->GetItem(folder);
  if (!item.ok()) {
    if (item.error().code != core::Code::kNotFound)
      return Failed(item.error(), "Jenkins folder " + folder);
    auto made = deps->connections.jenkins->CreateFolder(folder);
    if (!made.ok() && !deps->connections.jenkins->GetItem(folder).ok()) {
      return Failed(made.error(), "Jenkins folder " + folder);
    }
  }
  return Done("namespace", created, {{"namespace", lane->namespace_name}, {"folder", folder}});
}

engine::StepOutcome CreateAppsStep(engine::StepContext& ctx, const Deps&) {
  return FanOut(
      ctx,
      [&] {
        std::vector<engine::ChildSpec> children;
        if (auto lane = LoadLane(ctx)) {
          for (const auto& app : lane->apps) {
            children.push_back(
                {kLaneAppCreateWorkflow, app.spec.app,
                 boost::json::object{{"lane_id", lane->id}, {"app_id", app.spec.app_id}}});
          }
        }
        return children;
      },
      "applications");
}

engine::StepOutcome FallbacksStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane) return NoLane();
  std::vector<std::int64_t> ids;
  for (const auto& app : lane->apps) ids.push_back(app.spec.app_id);
  auto fallbacks = store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    return Fallbacks(tx, lane->base_env_type, ids);
  });
  auto kube = LaneCluster(*deps, *lane);
  if (!kube.ok()) return Failed(kube.error(), "the lane's cluster");
  auto created = ApplyFallbacks(**kube, *lane, fallbacks);
  if (!created.ok()) return Failed(created.error(), "fallback services");
  return Done("fallbacks", *created > 0, {{"services", fallbacks.size()}});
}

engine::StepOutcome EditChangesStep(engine::StepContext& ctx, const Deps&) {
  return FanOut(
      ctx,
      [&] {
        std::vector<engine::ChildSpec> children;
        const auto& input = ctx.input.as_object();
        const auto lane_id = InputInt(ctx, "lane_id");
        auto lane = LoadLane(ctx);
        // Named like a create's children: by the application.
        auto child = [&](const char* kind, std::int64_t app_id) {
          std::string name = "app " + std::to_string(app_id);
          for (const auto& app : lane ? lane->apps : std::vector<core::LaneApp>{}) {
            if (app.spec.app_id == app_id) name = app.spec.app;
          }
          children.push_back(
              {kind, name, boost::json::object{{"lane_id", lane_id}, {"app_id", app_id}}});
        };
        for (const auto& id : input.at("added").as_array())
          child(kLaneAppCreateWorkflow, id.as_int64());
        for (const auto& removed : input.at("removed").as_array()) {
          children.push_back(
              {kLaneAppDeleteWorkflow, std::string(removed.at("app").as_string()), removed});
        }
        // Edits recorded before coloring redeployed anything have no such list.
        if (const auto* redeployed = input.if_contains("redeployed")) {
          for (const auto& id : redeployed->as_array())
            child(kLaneAppRedeployWorkflow, id.as_int64());
        }
        return children;
      },
      "the application changes");
}

// Asks the cluster to delete the lane's namespace now, so that its
// Terminating wait overlaps the applications' teardown instead of following
// it. Best effort: the `namespace` step repeats the deletion, waits for it
// and reports what fails (deleting a Terminating namespace answers 409).
void StartNamespaceDeletion(const core::Lane& lane, const Deps& deps) {
  auto kube = LaneCluster(*deps, lane);
  if (!kube.ok()) return;
  (void)(*kube)->Delete(connectors::kube::kNamespaces, "", lane.namespace_name,
                        connectors::PropagationPolicy::kBackground);
}

engine::StepOutcome ClaimDeleteStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane) return NoLane();
  if (lane->state != core::LaneState::kDeleted) StartNamespaceDeletion(*lane, deps);
  const auto lane_id = lane->id;
  const auto workflow_id = ctx.workflow_id;
  const auto now = ctx.clock->Now();
  return engine::Succeeded().WithCommit([=](store::Tx& tx) {
    auto current = store::lanes::Get(tx, lane_id);
    if (!current || current->state == core::LaneState::kDeleted) return;
    current->state = core::LaneState::kDeleting;
    current->workflow_id = workflow_id;
    current->updated_at = now;
    ++current->version;
    store::lanes::Update(tx, *current);
  });
}

engine::StepOutcome DeleteAppsStep(engine::StepContext& ctx, const Deps&) {
  return FanOut(
      ctx,
      [&] {
        std::vector<engine::ChildSpec> children;
        auto lane = LoadLane(ctx);
        if (!lane || lane->state == core::LaneState::kDeleted) return children;
        store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
          for (const auto& app : LoadTeardownApps(tx, *lane)) {
            children.push_back({kLaneAppDeleteWorkflow, app.app, TeardownToJson(app)});
          }
          return 0;
        });
        return children;
      },
      "removing the applications");
}

engine::StepOutcome DeleteNamespaceStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane) return NoLane();
  auto kube = LaneCluster(*deps, *lane);
  if (!kube.ok()) return Failed(kube.error(), "the lane's cluster");
  auto phase = (*kube)->NamespacePhase(lane->namespace_name);
  if (!phase.ok()) {
    if (phase.error().code == core::Code::kNotFound) return Done("namespace", true);
    return Failed(phase.error(), "namespace " + lane->namespace_name);
  }
  if (*phase != "Terminating") {
    auto deleted = (*kube)->Delete(connectors::kube::kNamespaces, "", lane->namespace_name,
                                   connectors::PropagationPolicy::kBackground);
    if (!deleted.ok() && deleted.error().code != core::Code::kNotFound) {
      return Failed(deleted.error(), "namespace " + lane->namespace_name);
    }
    if (!deleted.ok() || !*deleted) return Done("namespace", true);
  }
  // Terminating: the namespace controller empties it, then it goes. Watch
  // for that rather than polling; after a while (or at once, when the watch
  // cannot start) look again shortly.
  if (WaitForNamespaceGone(**kube, lane->namespace_name, std::chrono::seconds(5))) {
    return Done("namespace", true);
  }
  return engine::SleepUntil(ctx.clock->Now() + 100, boost::json::object{{"terminating", true}});
}

engine::StepOutcome DeleteFolderStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane) return NoLane();
  if (!Configured(deps->connections.jenkins))
    return Failed(NotConfigured("jenkins"), "Jenkins folder");
  const auto folder = core::LaneJenkinsFolder(lane->name);
  auto status = deps->connections.jenkins->DeleteItem(folder);
  if (!status.ok() && status.error().code != core::Code::kNotFound) {
    return Failed(status.error(), "Jenkins folder " + folder);
  }
  return Done("folder", true);
}

engine::StepHandler Bind(engine::StepOutcome (*step)(engine::StepContext&, const Deps&),
                         const Deps& deps) {
  return [step, deps](engine::StepContext& ctx) { return step(ctx, deps); };
}

// A step of one application's workflow (lane.app.create, .redeploy, .delete):
// its failure names the step, so the lane's error reads
// "<app>: <step>: <artefact>: <what the system said>".
engine::StepHandler BindAppStep(engine::StepOutcome (*step)(engine::StepContext&, const Deps&),
                                const Deps& deps) {
  return [step, deps](engine::StepContext& ctx) {
    auto outcome = step(ctx, deps);
    if (outcome.kind == engine::StepOutcome::Kind::kTerminal ||
        outcome.kind == engine::StepOutcome::Kind::kTransient) {
      outcome.message = ctx.step + ": " + outcome.message;
    }
    return outcome;
  };
}

engine::StepHandler FinishWith(core::LaneState state, std::string event) {
  return [state, event](engine::StepContext& ctx) {
    return engine::Succeeded().WithCommit(
        Finish(InputInt(ctx, "lane_id"), state, event, ctx.workflow_id, ctx.clock->Now()));
  };
}

}  // namespace

}  // namespace lanes

void RegisterLaneWorkflows(engine::Engine& engine, const LaneWorkflowDeps& deps) {
  using namespace lanes;
  auto shared = std::make_shared<const LaneWorkflowDeps>(deps);
  engine.AddWorkflow({kLaneCreateWorkflow,
                      {{"prepare", Bind(PrepareStep, shared)},
                       {"apps", Bind(CreateAppsStep, shared)},
                       {"fallbacks", Bind(FallbacksStep, shared)},
                       {"finish", FinishWith(core::LaneState::kActive, "created")}}});
  engine.AddWorkflow({kLaneAppCreateWorkflow,
                      {{"branch", BindAppStep(AppBranchStep, shared)},
                       {"config", BindAppStep(AppConfigStep, shared)},
                       {"job", BindAppStep(AppJobStep, shared)},
                       {"hook", BindAppStep(AppHookStep, shared)},
                       {"deploy", BindAppStep(AppDeployStep, shared)},
                       {"domains", BindAppStep(AppDomainsStep, shared)}}});
  engine.AddWorkflow({kLaneAppRedeployWorkflow, {{"deploy", BindAppStep(AppDeployStep, shared)}}});
  engine.AddWorkflow({kLaneEditWorkflow,
                      {{"changes", Bind(EditChangesStep, shared)},
                       {"fallbacks", Bind(FallbacksStep, shared)},
                       {"finish", FinishWith(core::LaneState::kActive, "edited")}}});
  engine.AddWorkflow({kLaneDeleteWorkflow,
                      {{"claim", Bind(ClaimDeleteStep, shared)},
                       {"apps", Bind(DeleteAppsStep, shared)},
                       {"namespace", Bind(DeleteNamespaceStep, shared)},
                       {"folder", Bind(DeleteFolderStep, shared)},
                       {"finish", FinishWith(core::LaneState::kDeleted, "deleted")}}});
  engine.AddWorkflow({kLaneAppDeleteWorkflow,
                      {{"domains", BindAppStep(TeardownDomainsStep, shared)},
                       {"hook", BindAppStep(TeardownHookStep, shared)},
                       {"job", BindAppStep(TeardownJobStep, shared)},
                       {"config", BindAppStep(TeardownConfigStep, shared)},
                       {"objects", BindAppStep(TeardownObjectsStep, shared)},
                       {"images", BindAppStep(TeardownImagesStep, shared)},
                       {"branch", BindAppStep(TeardownBranchStep, shared)}}});
  engine.AddWorkflow(
      {kLaneDeployWorkflow,
       {{"build", Bind(DeployBuildStep, shared)}, {"deploy", Bind(DeployImageStep, shared)}}});
  engine.AddWorkflow({kLaneExpiryWorkflow, {{"watch", Bind(ExpiryWatchStep, shared)}}});
  engine.AddWorkflow({kLaneFollowWorkflow, {{"poll", Bind(FollowStep, shared)}}});
}

}  // namespace slipway::services
