// The steps of lane.app.create: one application's artefacts in every system.
#include <algorithm>
#include <boost/json.hpp>

#include "connectors/jenkins/config_xml.hpp"
#include "core/common/repo_path.hpp"
#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/environments/env_objects.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_steps.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services::lanes {

namespace {

engine::CommitFn SaveLive(std::int64_t lane_id, std::int64_t app_id,
                          std::function<void(core::LaneAppLive&)> change) {
  return [lane_id, app_id, change = std::move(change)](store::Tx& tx) {
    auto lane = store::lanes::Get(tx, lane_id);
    if (!lane) return;
    auto app = std::find_if(lane->apps.begin(), lane->apps.end(),
                            [&](const core::LaneApp& a) { return a.spec.app_id == app_id; });
    if (app == lane->apps.end()) return;
    core::LaneAppLive live = app->live;
    change(live);
    store::lanes::UpdateAppLive(tx, lane_id, app_id, live);
  };
}

}  // namespace

engine::StepOutcome AppBranchStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  auto& gitlab = deps->connections.gitlab;
  if (!Configured(gitlab)) return Failed(NotConfigured("gitlab"), "branch");
  const std::string project = core::RepoProjectPath(scope.app.app.repo_url);
  const std::string branch = core::LaneBranch(scope.lane.name);
  bool created = false;
  auto found = gitlab->GetBranch(project, branch);
  if (!found.ok() && found.error().code != core::Code::kNotFound)
    return Failed(found.error(), "branch " + branch);
  if (!found.ok()) {
    auto info = gitlab->GetProject(project);
    if (!info.ok()) return Failed(info.error(), "GitLab project " + project);
    found = gitlab->CreateBranch(project, branch, info->default_branch);
    // A lost answer to an earlier run's create: the branch is there now.
    if (!found.ok() && found.error().code == core::Code::kConflict)
      found = gitlab->GetBranch(project, branch);
    if (!found.ok()) return Failed(found.error(), "branch " + branch + " of " + project);
    created = true;
  }
  std::string sha = found->commit_sha;
  return Done("branch", created, {{"project", project}, {"branch", branch}, {"sha", sha}})
      .WithCommit(SaveLive(scope.lane.id, scope.app.app.id,
                           [sha](core::LaneAppLive& live) { live.branch_head = sha; }));
}

engine::StepOutcome AppConfigStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  auto copied = CopyConfig(*deps, scope.lane, scope.app);
  if (!copied.ok()) return Failed(copied.error(), "config of " + scope.app.app.name);
  return Done("config", *copied > 0, {{"files_copied", *copied}});
}

engine::StepOutcome AppJobStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  auto& jenkins = deps->connections.jenkins;
  if (!Configured(jenkins)) return Failed(NotConfigured("jenkins"), "job");
  const std::string folder = core::LaneJenkinsFolder(scope.lane.name);
  const std::string job = core::LaneJobPath(scope.lane.name, scope.app.app.name);
  auto existing = jenkins->GetItem(job);
  if (existing.ok()) return Done("job", false, {{"job", job}});
  if (existing.error().code != core::Code::kNotFound)
    return Failed(existing.error(), "Jenkins job " + job);
  if (auto f = jenkins->GetItem(folder); !f.ok()) {
    if (f.error().code != core::Code::kNotFound)
      return Failed(f.error(), "Jenkins folder " + folder);
    auto made = jenkins->CreateFolder(folder);
    if (!made.ok() && made.error().code != core::Code::kInvalid)
      return Failed(made.error(), "Jenkins folder " + folder);
  }
  // The lane's job is the application's own, building the lane's branch;
  // without one (the sandbox makes jobs on first build) the standard job.
  const std::string base_job = BuildJobPath(scope.app.app, deps->builds);
  auto base_xml = jenkins->GetJobConfig(base_job);
  if (!base_xml.ok() && base_xml.error().code != core::Code::kNotFound) {
    return Failed(base_xml.error(), "Jenkins job " + base_job);
  }
  auto xml = connectors::jenkins::WithBranch(
      base_xml.ok() ? *base_xml : StandardJobXml(scope.app.app), core::LaneBranch(scope.lane.name));
  if (!xml.ok()) return Failed(xml.error(), "the config.xml of " + base_job);
  // A build started by hand pushes the lane's manual tag, which lane.follow
  // notices and deploys; a job without an IMAGE parameter keeps its own.
  if (auto manual = connectors::jenkins::WithParameterDefault(
          *xml, "IMAGE", LaneManualImage(*deps, scope.lane, scope.app));
      manual.ok()) {
    xml = std::move(manual);
  }
  auto made = jenkins->CreateJob(job, *xml);
  if (!made.ok()) {
    // Jenkins says "already exists" as invalid: an earlier run's create landed.
    if (made.error().code == core::Code::kInvalid && jenkins->GetItem(job).ok())
      return Done("job", false, {{"job", job}});
    return Failed(made.error(), "Jenkins job " + job);
  }
  return Done(
      "job", true,
      {{"job", job}, {"from", base_xml.ok() ? base_job : std::string("the standard build job")}});
}

engine::StepOutcome AppHookStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  auto& gitlab = deps->connections.gitlab;
  if (!Configured(gitlab)) return Failed(NotConfigured("gitlab"), "hook");
  const std::string project = core::RepoProjectPath(scope.app.app.repo_url);
  const std::string url = LaneHookUrl(deps->lanes, deps->address, scope.lane);
  auto hooks = gitlab->ListHooks(project);
  if (!hooks.ok()) return Failed(hooks.error(), "hooks of " + project);
  for (const auto& h : *hooks) {
    if (h.url == url) {
      const auto id = h.id;
      return Done("hook", false, {{"hook_id", id}})
          .WithCommit(SaveLive(scope.lane.id, scope.app.app.id,
                               [id](core::LaneAppLive& live) { live.hook_id = id; }));
    }
  }
  auto token = deps->secrets.Open(scope.lane.hook_token_sealed);
  if (!token.ok())
    return engine::Terminal("the lane's hook token cannot be opened: " + token.error().message);
  // GitLab allows duplicate hooks and a lost answer cannot be told from a
  // refusal: a later run finds the hook by its URL above.
  auto hook =
      gitlab->CreateHook(project, {.url = url,
                                   .token = *token,
                                   .push_events = true,
                                   .push_events_branch_filter = core::LaneBranch(scope.lane.name)});
  if (!hook.ok()) return Failed(hook.error(), "push hook on " + project);
  const auto id = hook->id;
  return Done("hook", true, {{"hook_id", id}})
      .WithCommit(SaveLive(scope.lane.id, scope.app.app.id,
                           [id](core::LaneAppLive& live) { live.hook_id = id; }));
}

engine::StepOutcome AppDeployStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  const auto* live = core::FindLaneApp(scope.lane, scope.app.app.name);
  // The lane runs the base environment's image until its own build lands.
  std::string image = live && !live->live.deployed_image.empty() ? live->live.deployed_image
                                                                 : LaneBaseImage(scope.app);
  auto status = DeployLaneApp(*deps, *scope.kube, scope.lane, scope.app, image);
  if (!status.ok()) return Failed(status.error(), "objects of " + scope.app.app.name);
  return Done("deployment", true, {{"image", image}})
      .WithCommit(SaveLive(scope.lane.id, scope.app.app.id,
                           [image](core::LaneAppLive& l) { l.deployed_image = image; }));
}

engine::StepOutcome AppDomainsStep(engine::StepContext& ctx, const Deps& deps) {
  AppScope scope;
  if (auto early = EnterAppStep(ctx, *deps, scope)) return std::move(*early);
  auto status = ExposeLaneApp(*deps, *scope.kube, scope.lane, scope.app);
  if (!status.ok()) return Failed(status.error(), "domains of " + scope.app.app.name);
  return Done("domains", !scope.app.spec.domains.empty(),
              {{"domains", boost::json::value_from(scope.app.spec.domains)}});
}

}  // namespace slipway::services::lanes
