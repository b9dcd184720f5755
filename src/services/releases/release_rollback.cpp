// Rollback (R-REL-5/6): back to the baseline recorded before a release, or to
// another image of the application; a one-shot release of its own.
#include <boost/json.hpp>

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_access.hpp"
#include "services/changes/change_service.hpp"
#include "services/releases/release_service.hpp"
#include "store/build_repository.hpp"
#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

// An image of the application: one of its succeeded builds, or one it has
// run or released somewhere (its releases record both sides).
bool KnownImage(store::Tx& tx, const core::Release& release, const std::string& image, std::string& digest) {
  store::BuildQuery builds;
  builds.app_id = release.app_id;
  builds.state = core::BuildState::kSucceeded;
  builds.limit = 1000;
  for (const auto& b : store::builds::List(tx, builds)) {
    if (b.image == image) {
      digest = b.digest;
      return true;
    }
  }
  store::ReleaseQuery q;
  q.app_id = release.app_id;
  q.limit = 1000;
  for (const auto& r : store::releases::List(tx, q)) {
    if (r.image == image) {
      digest = r.image_digest;
      return true;
    }
    if (r.image_before == image) {
      digest = r.digest_before;
      return true;
    }
  }
  return false;
}

}  // namespace

core::Result<RollbackPlan> ReleaseService::Plan(store::Tx& tx, const core::Release& release, const json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"image", "baseline_version"});
  auto image = in.String("image", 512);
  auto version = in.Int("baseline_version", 1, INT64_MAX);
  if (!in.ok()) return in.error();
  if (image && version) return core::Invalid("give image or baseline_version, not both", {{"field", "image"}});
  auto env = store::environments::Get(tx, release.env_id);
  if (!env) return core::Conflict("the release's environment was deleted");
  RollbackPlan plan;
  if (image) {
    if (auto rule = core::CheckImageAddress(*image)) return core::Invalid("image " + *rule, {{"field", "image"}});
    if (!KnownImage(tx, release, *image, plan.image_digest)) {
      return core::Invalid(*image + " was never released for this application", {{"field", "image"}});
    }
    plan.image = *image;
    plan.spec = env->spec;
  } else {
    auto wanted = version.value_or(release.baseline_before);
    auto baseline = wanted > 0 ? store::baselines::Get(tx, env->id, wanted) : std::nullopt;
    if (!baseline && !version && !release.image_before.empty()) {
      // Nothing recorded as a baseline (the environment ran an image Slipway
      // did not release): the image in use before the release, today's resources.
      plan.image = release.image_before;
      plan.image_digest = release.digest_before;
      plan.spec = env->spec;
    } else if (!baseline) {
      return core::Conflict(version ? "no baseline version " + std::to_string(*version)
                                    : "nothing ran before release " + std::to_string(release.id) +
                                          ": choose an image to roll back to",
                            {{"field", version ? "baseline_version" : "image"}});
    } else {
      plan.image = baseline->image;
      plan.image_digest = baseline->image_digest;
      plan.spec = baseline->spec;
      plan.baseline_version = baseline->version;
    }
  }
  plan.diff = core::DiffBaselines(core::BaselineContent(env->image, env->image_digest, env->spec),
                                  core::BaselineContent(plan.image, plan.image_digest, plan.spec));
  return plan;
}

core::Result<RollbackPlan> ReleaseService::PlanRollback(const RequestContext&, const std::string& ref,
                                                        const json::object& body) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<RollbackPlan> {
    auto id = core::ParseId(ref);
    auto release = id ? store::releases::Get(tx, *id) : std::nullopt;
    if (!release) return core::NotFound("no release " + ref);
    return Plan(tx, *release, body);
  });
}

core::Result<ReleaseView> ReleaseService::Rollback(const RequestContext& ctx, const std::string& ref,
                                                   const json::object& body) {
  // Unknown fields are refused before the release's state is looked at (Plan reads the rest).
  core::FieldReader in(body);
  in.RejectUnknown({"image", "baseline_version"});
  if (!in.ok()) return in.error();
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    auto release_id = core::ParseId(ref);
    auto release = release_id ? store::releases::Get(tx, *release_id) : std::nullopt;
    if (!release) return core::NotFound("no release " + ref);
    auto app = AppForWrite(tx, ctx, std::to_string(release->app_id));
    if (!app.ok()) return app.error();
    if (core::ReleaseActive(release->state)) {
      return core::Conflict("release " + ref + " is still " + std::string(core::ReleaseStateName(release->state)) +
                                ": abort it instead",
                            {{"state", core::ReleaseStateName(release->state)}});
    }
    if (app->status == core::AppStatus::kOffline) return core::Conflict(app->name + " is offline");
    auto plan = Plan(tx, *release, body);
    if (!plan.ok()) return plan.error();
    auto change = store::changes::Get(tx, release->change_id);
    auto env = store::environments::Get(tx, release->env_id);
    if (!change || !env) return core::Conflict("the release's change or environment is gone");
    ReleaseTarget target;
    target.kind = "rollback";
    target.rollback_of = release->id;
    target.image = plan->image;
    target.image_digest = plan->image_digest;
    target.spec = plan->spec;
    auto rollback = BeginRelease(tx, clock_, engine_, changes_, ctx, *change, *env, target);
    if (!rollback.ok()) return rollback.error();
    // The records R-REL-5 asks for: on the release rolled back and on its change.
    const json::object detail{{"rollback_release_id", rollback->id},
                              {"image", plan->image},
                              {"baseline_version", plan->baseline_version},
                              {"diff", core::DiffJson(plan->diff)}};
    store::releases::AddOperation(tx, {0, release->id, "rollback", ctx.caller.username, json::serialize(detail),
                                       clock_.Now()});
    auto entry = changes_.AddRollbackEntry(tx, change->id, ctx.caller.username, detail);
    if (!entry.ok()) return entry.error();
    return rollback->id;
  });
  if (!id.ok()) return id.error();
  engine_.Wake();
  return Get(ctx, std::to_string(*id));
}

}  // namespace slipway::services
