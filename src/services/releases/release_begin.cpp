#include "services/releases/release_begin.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "engine/engine.hpp"
#include "services/changes/change_service.hpp"
#include "services/platform/audit_log.hpp"
#include "services/releases/release_ledger.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {

namespace json = boost::json;

namespace {

json::array PlanJson(const std::vector<core::CanaryStep>& plan) {
  json::array out;
  for (const auto& s : plan) {
    json::object step{{"canary", s.canary},
                      {"stable", s.stable},
                      {"stability_window_seconds", s.stability_window_ms / 1000}};
    step["pause"] = s.pause == core::PauseKind::kManual ? json::value("manual")
                    : s.pause == core::PauseKind::kTimed
                        ? json::value(json::object{{"seconds", s.pause_ms / 1000}})
                        : json::value("none");
    out.push_back(std::move(step));
  }
  return out;
}

core::ReleaseStep Step(int idx, std::string name) {
  return {idx, std::move(name), "pending", "", {}, {}};
}

}  // namespace

std::vector<core::ReleaseStep> DisplaySteps(const ReleaseTarget& t,
                                            const std::vector<core::CanaryStep>& plan) {
  std::vector<core::ReleaseStep> steps;
  steps.push_back(Step(0, "record the image in use and the baseline"));
  const auto n = std::to_string(t.spec.replicas);
  if (t.strategy == core::ReleaseStrategy::kCanary && !plan.empty()) {
    for (const auto& s : plan) {
      steps.push_back(
          Step(static_cast<int>(steps.size()), "canary: " + std::to_string(s.canary) + " new + " +
                                                   std::to_string(s.stable) + " old pods"));
    }
    steps.push_back(Step(static_cast<int>(steps.size()), "promote: " + n + " pods run " + t.image));
  } else {
    steps.push_back(Step(static_cast<int>(steps.size()),
                         t.scope == "config" ? "keep the pods (configuration only)"
                                             : "roll out " + t.image + " to " + n + " pods"));
  }
  if (!t.config_restores.empty()) {
    steps.push_back(
        Step(static_cast<int>(steps.size()),
             "restore " + std::to_string(t.config_restores.size()) + " config file(s)"));
  }
  steps.push_back(Step(static_cast<int>(steps.size()), "write the new baseline"));
  return steps;
}

core::Result<core::Release> BeginRelease(store::Tx& tx, const core::Clock& clock,
                                         engine::Engine& engine, ChangeService& changes,
                                         const RequestContext& ctx, core::Change change,
                                         const core::Environment& env, ReleaseTarget target) {
  // Every check before the first write: a refused release leaves nothing behind.
  if (change.app_id != env.app_id) {
    return core::Conflict("change " + std::to_string(change.id) +
                              " belongs to another application than environment " +
                              std::to_string(env.id) +
                              "; a change releases only into its own application's environments",
                          {{"field", "env_id"}});
  }
  if (target.kind == "release") {
    if (auto refused = changes.CheckReleasable(change); !refused.ok()) return refused.error();
  }
  auto active = store::releases::ActiveOn(tx, env.id);
  if (active && SettleIfStopped(tx, clock, changes, *active)) active.reset();
  if (active) {
    return core::Conflict(
        "the environment has a release in progress (release " + std::to_string(active->id) + ")",
        {{"release_id", active->id}, {"state", core::ReleaseStateName(active->state)}});
  }
  auto plan = target.strategy == core::ReleaseStrategy::kCanary
                  ? core::PlanCanary(target.spec.replicas, env.release_policy.canary)
                  : std::vector<core::CanaryStep>{};
  // One pod cannot be split: a canary of a single replica is a one-shot release.
  if (plan.empty()) target.strategy = core::ReleaseStrategy::kOneShot;

  core::Release r;
  r.change_id = change.id;
  r.app_id = env.app_id;
  r.env_id = env.id;
  r.kind = target.kind;
  r.rollback_of = target.rollback_of;
  r.strategy = target.strategy;
  r.image_before = env.image;
  r.digest_before = env.image_digest;
  if (auto latest = store::baselines::Latest(tx, env.id)) r.baseline_before = latest->version;
  r.image = target.image;
  r.image_digest = target.image_digest;
  r.spec = json::serialize(core::EnvSpecToJson(target.spec));
  r.plan = json::serialize(PlanJson(plan));
  r.auto_rollback = env.release_policy.auto_rollback && target.kind == "release";
  r.started_by = ctx.caller.username;
  r.created_at = r.updated_at = clock.Now();
  try {
    r.id = store::releases::Insert(tx, r);
  } catch (const store::UniqueViolation&) {
    return core::Conflict("change " + std::to_string(change.id) +
                          " was released already, or the environment "
                          "has a release in progress");
  }
  store::releases::PutSteps(tx, r.id, DisplaySteps(target, plan));
  store::rollback_config::Put(tx, r.id, target.config_restores);
  store::releases::AddOperation(
      tx, {0, r.id, target.kind == "rollback" ? "rollback" : "start", ctx.caller.username,
           json::serialize(json::object{{"image", r.image}, {"image_before", r.image_before}}),
           r.created_at});
  if (target.kind == "release") {
    auto marked = changes.MarkReleasing(tx, change.id, r.id, ctx.caller.username);
    if (!marked.ok()) return marked.error();
  }
  json::object input{{"release_id", r.id}};
  if (target.scope != "all") input["scope"] = target.scope;
  auto workflow =
      engine.StartWorkflow(tx, kReleaseWorkflow, "release:" + std::to_string(r.id), input);
  if (!workflow.ok()) return workflow.error();
  r.workflow_id = *workflow;
  r.version += 1;
  try {
    // The release counts as its change's one release from here (the index
    // releases_once_per_change names releases with a workflow).
    store::releases::Update(tx, r);
  } catch (const store::UniqueViolation&) {
    return core::Conflict("change " + std::to_string(change.id) + " was released already");
  }
  RecordAudit(tx, clock, ctx, target.kind == "rollback" ? "release.rollback" : "release.start",
              "release", std::to_string(r.id),
              std::string(core::ReleaseStrategyName(r.strategy)) + " " + target.kind + " of " +
                  r.image + " on environment " + std::to_string(env.id) + " (was " +
                  (r.image_before.empty() ? "no image" : r.image_before) + ")");
  return r;
}

}  // namespace slipway::services
