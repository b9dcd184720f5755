// Rollback (R-REL-5/6): back to the baseline recorded before a release, or to
// another image of the application; a one-shot release of its own.
#include <boost/json.hpp>
#include <map>

#include "core/common/names.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_access.hpp"
#include "services/changes/change_service.hpp"
#include "services/releases/release_service.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"
#include "store/change_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

// An image of the application: one of its succeeded builds, or one it has
// run or released somewhere (its releases record both sides), with its digest.
bool KnownImage(store::Tx& tx, const core::Release& release, const std::string& image,
                std::string& digest) {
  auto known = store::builds::SucceededImageDigest(tx, release.app_id, image);
  if (!known) known = store::releases::ReleasedImageDigest(tx, release.app_id, image);
  if (known) digest = *known;
  return known.has_value();
}

// The plan token: "b<baseline version>/<scope>:" then "<file>@<live version>"
// for each file to restore, comma-separated (file names hold neither '@' nor ',').
std::string PlanToken(const RollbackPlan& plan) {
  std::string token =
      "b" + std::to_string(plan.baseline_version) + "/" + RollbackScopeName(plan.scope) + ":";
  bool first = true;
  for (const auto& f : plan.config) {
    if (f.action != "restore") continue;
    token += (first ? "" : ",") + f.name + "@" + std::to_string(f.live ? f.live->version : 0);
    first = false;
  }
  return token;
}

// The first file whose live version differs between two tokens ("" when none
// can be named: another baseline or scope than the plan's).
std::string MovedFile(const std::string& seen, const std::string& now) {
  if (seen.substr(0, seen.find(':')) != now.substr(0, now.find(':'))) return "";
  auto files = [](const std::string& token) {
    std::map<std::string, std::string> out;
    const auto colon = token.find(':');
    std::string rest = colon == std::string::npos ? "" : token.substr(colon + 1);
    std::size_t start = 0;
    while (start < rest.size()) {
      auto end = rest.find(',', start);
      if (end == std::string::npos) end = rest.size();
      const auto entry = rest.substr(start, end - start);
      const auto at = entry.rfind('@');
      out[entry.substr(0, at)] = at == std::string::npos ? "" : entry.substr(at + 1);
      start = end + 1;
    }
    return out;
  };
  auto a = files(seen);
  auto b = files(now);
  for (const auto& [name, version] : b) {
    if (!a.contains(name) || a[name] != version) return name;
  }
  for (const auto& [name, version] : a) {
    if (!b.contains(name)) return name;
  }
  return "";
}

}  // namespace

const char* RollbackScopeName(RollbackScope scope) {
  return scope == RollbackScope::kImage    ? "image"
         : scope == RollbackScope::kConfig ? "config"
                                           : "all";
}

std::optional<RollbackScope> ParseRollbackScope(std::string_view text) {
  if (text == "all") return RollbackScope::kAll;
  if (text == "image") return RollbackScope::kImage;
  if (text == "config") return RollbackScope::kConfig;
  return std::nullopt;
}

core::Result<RollbackPlan> ReleaseService::Plan(
    store::Tx& tx, const core::Release& release, const RollbackRequest& request,
    std::vector<core::BaselineConfigFile>& baseline_config) {
  const auto& image = request.image;
  const auto& version = request.baseline_version;
  if (image && version)
    return core::Invalid("give image or baseline_version, not both", {{"field", "image"}});
  if (image && request.scope == RollbackScope::kConfig) {
    return core::Invalid(
        "a configuration rollback restores a baseline: give baseline_version, not image",
        {{"field", "scope"}});
  }
  auto env = store::environments::Get(tx, release.env_id);
  if (!env) return core::Conflict("the release's environment was deleted");
  RollbackPlan plan;
  plan.scope = request.scope;
  if (image) {
    if (auto rule = core::CheckImageAddress(*image))
      return core::Invalid("image " + *rule, {{"field", "image"}});
    if (!KnownImage(tx, release, *image, plan.image_digest)) {
      return core::Invalid(*image + " was never released for this application",
                           {{"field", "image"}});
    }
    plan.image = *image;
    plan.spec = env->spec;
    plan.config_note = "an image was chosen: the configuration stays as it is";
  } else {
    auto wanted = version.value_or(release.baseline_before);
    auto baseline = wanted > 0 ? store::baselines::Get(tx, env->id, wanted) : std::nullopt;
    if (!baseline && !version && !release.image_before.empty() &&
        request.scope != RollbackScope::kConfig) {
      // Nothing recorded as a baseline (the environment ran an image Slipway
      // did not release): the image in use before the release, today's resources.
      plan.image = release.image_before;
      plan.image_digest = release.digest_before;
      plan.spec = env->spec;
      plan.config_note =
          "no baseline was recorded before this release: the configuration stays as it is";
    } else if (!baseline && request.scope == RollbackScope::kConfig) {
      return core::Conflict("no baseline was recorded before release " +
                                std::to_string(release.id) +
                                ": there is no configuration to roll back to",
                            {{"field", "baseline_version"}});
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
      plan.baseline_id = baseline->id;
      if (request.scope == RollbackScope::kImage) {
        plan.config_note = "image only: the configuration stays as it is";
      } else if (!baseline->config_recorded) {
        if (request.scope == RollbackScope::kConfig) {
          return core::Conflict("baseline version " + std::to_string(baseline->version) +
                                    " recorded no configuration: there is nothing to roll back",
                                {{"field", "baseline_version"}});
        }
        plan.config_note = "baseline version " + std::to_string(baseline->version) +
                           " recorded no configuration: the configuration stays as it is";
      } else {
        plan.config_included = true;
        baseline_config = std::move(baseline->config);
      }
    }
  }
  if (request.scope == RollbackScope::kConfig) {
    // The pods stay as they are: the target is what runs now.
    plan.image = env->image;
    plan.image_digest = env->image_digest;
    plan.spec = env->spec;
  }
  plan.diff = core::DiffBaselines(core::BaselineContent(env->image, env->image_digest, env->spec),
                                  core::BaselineContent(plan.image, plan.image_digest, plan.spec));
  return plan;
}

core::Result<RollbackPlan> ReleaseService::PlanWithConfig(const RequestContext& ctx,
                                                          const std::string& ref,
                                                          const RollbackRequest& request,
                                                          bool write) {
  struct Read {
    RollbackPlan plan;
    std::vector<core::BaselineConfigFile> baseline;
    std::optional<core::App> app;
    std::optional<core::Environment> env;
    std::optional<core::Cluster> cluster;
  };
  auto read = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<Read> {
    auto id = core::ParseId(ref);
    auto release = id ? store::releases::Get(tx, *id) : std::nullopt;
    if (!release) return core::NotFound("no release " + ref);
    if (write) {
      // Who may act comes first: no backend is read for a caller who may not.
      auto app = AppForWrite(tx, ctx, std::to_string(release->app_id));
      if (!app.ok()) return app.error();
    }
    Read out;
    auto plan = Plan(tx, *release, request, out.baseline);
    if (!plan.ok()) return plan.error();
    out.plan = std::move(*plan);
    out.env = store::environments::Get(tx, release->env_id);
    out.app = out.env ? store::apps::Get(tx, out.env->app_id) : std::nullopt;
    auto cluster = out.env ? store::clusters::Get(tx, out.env->cluster_id) : std::nullopt;
    if (cluster) out.cluster = cluster->cluster;
    return out;
  });
  if (!read.ok()) return read.error();
  auto& plan = read->plan;
  if (plan.config_included) {
    if (!read->app || !read->env || !read->cluster) {
      return core::Conflict("the environment's config backend is not available to Slipway");
    }
    auto files = config_.Open(*read->app, *read->env, *read->cluster);
    if (!files.ok()) return files.error();
    auto live = config_.Snapshot(**files);
    if (!live.ok()) return live.error();
    plan.config = PlanConfigRestore(*live, read->baseline);
  }
  plan.plan_token = PlanToken(plan);
  return plan;
}

core::Result<RollbackPlan> ReleaseService::PlanRollback(const RequestContext& ctx,
                                                        const std::string& ref,
                                                        const RollbackRequest& request) {
  return PlanWithConfig(ctx, ref, request, false);
}

core::Result<ReleaseView> ReleaseService::Rollback(const RequestContext& ctx,
                                                   const std::string& ref,
                                                   const RollbackRequest& request) {
  auto plan = PlanWithConfig(ctx, ref, request, true);
  if (!plan.ok()) return plan.error();
  if (request.plan_token && *request.plan_token != plan->plan_token) {
    // What the person confirmed is no longer what would be done.
    const auto file = MovedFile(*request.plan_token, plan->plan_token);
    return core::Conflict(
        (file.empty() ? std::string("the rollback plan (its baseline or scope)") : file) +
            " changed since the rollback plan was shown: look at it again before rolling back",
        {{"reason", "config_changed"}, {"file", file}, {"plan_token", plan->plan_token}});
  }
  for (const auto& f : plan->config) {
    if (f.action == "not_restorable" && request.scope == RollbackScope::kConfig) {
      return core::Conflict(f.name + " was larger than the size cap when baseline version " +
                                std::to_string(plan->baseline_version) +
                                " recorded it: it cannot be restored",
                            {{"file", f.name}});
    }
  }
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    auto release_id = core::ParseId(ref);
    auto release = release_id ? store::releases::Get(tx, *release_id) : std::nullopt;
    if (!release) return core::NotFound("no release " + ref);
    auto app = AppForWrite(tx, ctx, std::to_string(release->app_id));
    if (!app.ok()) return app.error();
    if (core::ReleaseActive(release->state)) {
      return core::Conflict("release " + ref + " is still " +
                                std::string(core::ReleaseStateName(release->state)) +
                                ": abort it instead",
                            {{"state", core::ReleaseStateName(release->state)}});
    }
    if (app->status == core::AppStatus::kOffline) return core::Conflict(app->name + " is offline");
    auto change = store::changes::Get(tx, release->change_id);
    auto env = store::environments::Get(tx, release->env_id);
    if (!change || !env) return core::Conflict("the release's change or environment is gone");
    ReleaseTarget target;
    target.kind = "rollback";
    target.rollback_of = release->id;
    target.image = plan->image;
    target.image_digest = plan->image_digest;
    target.spec = plan->spec;
    target.scope = RollbackScopeName(request.scope);
    json::array config;
    for (const auto& f : plan->config) {
      config.push_back({{"file", f.name}, {"action", f.action}});
      if (f.action != "restore") continue;
      target.config_restores.push_back(
          {f.name, plan->baseline_id, f.live ? f.live->version : 0, f.target->hash, "pending", 0});
    }
    auto rollback = BeginRelease(tx, clock_, engine_, changes_, ctx, *change, *env, target);
    if (!rollback.ok()) return rollback.error();
    // The records R-REL-5 asks for: on the release rolled back and on its change.
    const json::object detail{
        {"rollback_release_id", rollback->id},        {"image", plan->image},
        {"baseline_version", plan->baseline_version}, {"scope", target.scope},
        {"diff", core::DiffJson(plan->diff)},         {"config", std::move(config)}};
    store::releases::AddOperation(tx, {0, release->id, "rollback", ctx.caller.username,
                                       json::serialize(detail), clock_.Now()});
    auto entry = changes_.AddRollbackEntry(tx, change->id, ctx.caller.username, detail);
    if (!entry.ok()) return entry.error();
    return rollback->id;
  });
  if (!id.ok()) return id.error();
  engine_.Wake();
  return Get(ctx, std::to_string(*id));
}

}  // namespace slipway::services
