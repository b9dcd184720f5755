// lane.deploy: a push's build (the `build` workflow, as a child) and the
// deploy of its image into the lane (R-LANE-8).
#include <boost/json.hpp>

#include "services/builds/build_workflow.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_steps.hpp"
#include "store/build_repository.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services::lanes {

engine::StepOutcome DeployBuildStep(engine::StepContext& ctx, const Deps&) {
  const auto build_id = InputInt(ctx, "build_id");
  if (ctx.scratch.is_null()) {
    return engine::StartChildren({{kBuildWorkflow, "build:" + std::to_string(build_id),
                                   boost::json::object{{"build_id", build_id}}}},
                                 boost::json::object{{"started", true}});
  }
  auto build = store::InTx(*ctx.db, store::TxMode::kRead,
                           [&](store::Tx& tx) { return store::builds::Get(tx, build_id); });
  if (!build) return engine::Terminal("build " + std::to_string(build_id) + " was deleted");
  if (build->state != core::BuildState::kSucceeded) {
    const auto lane_id = InputInt(ctx, "lane_id");
    const auto now = ctx.clock->Now();
    std::string detail = "build " + std::to_string(build_id) + " " +
                         std::string(core::BuildStateName(build->state)) +
                         (build->reason.empty() ? "" : ": " + build->reason);
    std::string app = InputString(ctx, "app");
    return engine::Terminal(detail).WithCommit([=](store::Tx& tx) {
      store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                  .app = app,
                                  .kind = "build",
                                  .detail = detail,
                                  .actor = "slipway",
                                  .created_at = now});
    });
  }
  return engine::Succeeded(boost::json::object{{"image", build->image}, {"digest", build->digest}});
}

engine::StepOutcome DeployImageStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  const auto* built = ctx.Output("build");
  if (!built || !built->is_object()) return engine::Terminal("the build step left no image");
  const std::string image(built->as_object().at("image").as_string());
  if (auto status = DeployLaneApp(*deps, *scope.kube, scope.lane, scope.app, image); !status.ok()) {
    return Failed(status.error(), "deploying " + image);
  }
  const auto lane_id = scope.lane.id;
  const auto app_id = scope.app.app.id;
  const auto app = scope.app.app.name;
  const auto build_id = InputInt(ctx, "build_id");
  const auto now = ctx.clock->Now();
  return engine::Succeeded(boost::json::object{{"image", image}}).WithCommit([=](store::Tx& tx) {
    auto lane = store::lanes::Get(tx, lane_id);
    if (!lane) return;
    for (const auto& a : lane->apps) {
      if (a.spec.app_id != app_id) continue;
      auto live = a.live;
      live.deployed_image = image;
      live.last_build_id = build_id;
      live.updated_at = now;
      store::lanes::UpdateAppLive(tx, lane_id, app_id, live);
    }
    lane->last_activity_at = now;
    lane->pending_deletion_at.reset();
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                .app = app,
                                .kind = "deploy",
                                .detail = image,
                                .actor = "slipway",
                                .created_at = now});
  });
}

}  // namespace slipway::services::lanes
