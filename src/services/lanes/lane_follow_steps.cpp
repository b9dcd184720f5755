// lane.follow: builds started by hand in the lane's Jenkins jobs (the seed's
// "developers click the job") are noticed by following the jobs' builds and
// deployed into the lane. A hand-started build pushes the job's IMAGE default,
// the lane's manual tag (set when the job was made); it is deployed by digest,
// so every such build rolls the pods. Builds Slipway triggers carry their own
// IMAGE and are deployed by lane.deploy instead.
#include <boost/json.hpp>

#include "connectors/registry/image_reference.hpp"
#include "core/lane/lane_names.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_steps.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services::lanes {

namespace {

struct Noticed {
  std::int64_t app_id = 0;
  std::string app;
  std::string detail;
  std::string image;  ///< "" when nothing was deployed
};

engine::CommitFn Record(std::int64_t lane_id, std::vector<Noticed> noticed, core::Millis now) {
  return [=](store::Tx& tx) {
    if (noticed.empty()) return;
    auto lane = store::lanes::Get(tx, lane_id);
    if (!lane) return;
    for (const auto& n : noticed) {
      for (const auto& a : lane->apps) {
        if (a.spec.app_id != n.app_id || n.image.empty()) continue;
        auto live = a.live;
        live.deployed_image = n.image;
        live.updated_at = now;
        store::lanes::UpdateAppLive(tx, lane_id, n.app_id, live);
      }
      store::lanes::AddEvent(tx, {.lane_id = lane_id,
                                  .app = n.app,
                                  .kind = n.image.empty() ? "build" : "deploy",
                                  .detail = n.detail,
                                  .actor = "jenkins",
                                  .created_at = now});
    }
    lane->last_activity_at = now;
    lane->pending_deletion_at.reset();
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
  };
}

}  // namespace

engine::StepOutcome FollowStep(engine::StepContext& ctx, const Deps& deps) {
  auto lane = LoadLane(ctx);
  if (!lane || lane->state == core::LaneState::kDeleting ||
      lane->state == core::LaneState::kDeleted) {
    return engine::Succeeded(boost::json::object{{"ended", "the lane is deleted"}});
  }
  const auto now = ctx.clock->Now();
  // Builds seen so far, per job: only builds after following began count.
  boost::json::object seen =
      ctx.scratch.is_object() ? ctx.scratch.as_object() : boost::json::object{};
  auto& jenkins = deps->connections.jenkins;
  auto& registry = deps->connections.registry;
  std::vector<Noticed> noticed;
  auto apps = store::InTx(*ctx.db, store::TxMode::kRead,
                          [&](store::Tx& tx) { return LoadApps(tx, *lane); });
  auto kube = LaneCluster(*deps, *lane);
  if (Configured(jenkins) && Configured(registry) && apps.ok() && kube.ok() &&
      lane->state == core::LaneState::kActive) {
    for (const auto& app : *apps) {
      const auto job = core::LaneJobPath(lane->name, app.app.name);
      auto item = jenkins->GetItem(job);
      if (!item.ok()) continue;  // gone (a sync remakes it) or unreachable: next round
      const std::int64_t last = item->last_build.value_or(0);
      const auto* was = seen.if_contains(job);
      std::int64_t from = was && was->is_int64() ? was->as_int64() : last;
      const std::string manual = LaneManualImage(*deps, *lane, app);
      for (std::int64_t n = from + 1; n <= last; ++n) {
        auto build = jenkins->GetBuild(job, n);
        if (!build.ok() || build->building) break;  // look again next round
        from = n;
        auto param = build->parameters.find("IMAGE");
        if (param == build->parameters.end() || param->second != manual) continue;  // Slipway's own
        const std::string label =
            "build #" + std::to_string(n) + " of " + job + " (started in Jenkins)";
        if (build->result.value_or("") != "SUCCESS") {
          noticed.push_back(
              {app.app.id, app.app.name, label + ": " + build->result.value_or("no result"), ""});
          continue;
        }
        auto ref = connectors::registry::ParseImageReference(manual);
        auto head = ref.ok() ? registry->HeadManifest(ref->repository, ref->tag)
                             : core::Result<connectors::ManifestInfo>(ref.error());
        if (!head.ok()) {
          noticed.push_back(
              {app.app.id, app.app.name, label + ": image not found: " + head.error().message, ""});
          continue;
        }
        const std::string image = manual + "@" + head->digest;
        auto deployed = DeployLaneApp(*deps, **kube, *lane, app, image);
        if (!deployed.ok()) {
          noticed.push_back({app.app.id, app.app.name,
                             label + ": deploy failed: " + deployed.error().message, ""});
          continue;
        }
        noticed.push_back({app.app.id, app.app.name, label + " → " + image, image});
      }
      seen[job] = from;
    }
  }
  return engine::SleepUntil(now + deps->lanes.follow_interval_ms, seen)
      .WithCommit(Record(lane->id, noticed, now));
}

}  // namespace slipway::services::lanes
