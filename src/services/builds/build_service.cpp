#include "services/builds/build_service.hpp"

#include <boost/json.hpp>

#include "connectors/registry/image_reference.hpp"
#include "core/apps/app_actions.hpp"
#include "core/builds/jenkins_item_path.hpp"
#include "core/common/names.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_access.hpp"
#include "services/apps/app_cursor.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/builds/build_workflow.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

core::Error BuildNotFound(const std::string& id) { return core::NotFound("no build " + id); }

}  // namespace

BuildService::BuildService(store::Database& db, const core::Clock& clock, engine::Engine& engine,
                           const Connections& connections, BuildSettings settings)
    : db_(db),
      clock_(clock),
      engine_(engine),
      connections_(connections),
      settings_(std::move(settings)) {}

Result<BuildView> BuildService::View(store::Tx& tx, const RequestContext& ctx, core::Build build) {
  auto app = store::apps::Get(tx, build.app_id);
  if (!app) return core::NotFound("no application " + std::to_string(build.app_id));
  const bool can_write =
      core::CanWriteApp(ctx.caller, store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
  BuildView view{std::move(build), app->name, {}};
  view.actions = core::ComputeBuildActions(view.build, can_write);
  return view;
}

Result<core::Build> BuildService::Prepare(store::Tx& tx, const RequestContext& ctx,
                                          const std::string& app_ref,
                                          const Parsed<StartBuildCommand>& input) {
  auto app = AppForWrite(tx, ctx, app_ref);
  if (!app.ok()) return app.error();
  // The body next: what it asks is wrong whatever state the application is in.
  if (!input.ok()) return input.error();
  auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
  if (auto reason = core::ComputeAppActions(*app, ctx.caller, member).ReasonFor("build")) {
    return core::Conflict(*reason, {{"state", core::AppStatusName(app->status)},
                                    {"type", core::AppTypeName(app->type)}});
  }
  if (input->env_id) {
    auto env = store::environments::Get(tx, *input->env_id);
    if (!env || env->app_id != app->id) {
      return core::Invalid(
          "env_id " + std::to_string(*input->env_id) + " is not an environment of " + app->name,
          {{"field", "env_id"}, {"rule", "must be an environment of this application"}});
    }
  }
  if (!Configured(connections_.jenkins)) return NotConfigured("jenkins");
  if (!Configured(connections_.registry)) return NotConfigured("registry");
  core::Build build;
  build.app_id = app->id;
  build.env_id = input->env_id;
  build.branch = input->branch;
  build.version = input->version;
  build.note = input->note;
  build.image = BuildImageAddress(connections_.registry_host.get(), *app, build.version, settings_);
  build.job_path = BuildJobPath(*app, settings_);
  // A path from builds.job_path names the team, which may hold '/' or "..";
  // details.build_job saved before it was checked may too.
  if (auto rule = core::CheckJenkinsItemPath(build.job_path)) {
    const bool from_details = !app->details.build_job.empty();
    return core::Conflict(
        "the Jenkins job path " + build.job_path + " " + *rule + " (fix " +
            (from_details ? "the application's details.build_job" : "builds.job_path or the team") +
            ")",
        {{"setting", from_details ? "details.build_job" : "builds.job_path"}});
  }
  if (auto image = connectors::registry::ParseImageReference(build.image); !image.ok()) {
    return core::Conflict(
        "the image address " + build.image +
            " is not valid (check builds.image_namespace): " + image.error().message,
        {{"setting", "builds.image_namespace"}});
  }
  build.created_by = ctx.caller.username;
  build.created_at = build.updated_at = clock_.Now();
  return build;
}

Result<BuildView> BuildService::Start(const RequestContext& ctx, const std::string& app_ref,
                                      const Parsed<StartBuildCommand>& command) {
  std::string version;
  try {
    auto view = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<BuildView> {
      // Every check comes before the first write (a refusal also rolls back).
      auto build = Prepare(tx, ctx, app_ref, command);
      if (!build.ok()) return build.error();
      version = build->version;
      build->id = store::builds::Insert(tx, *build);
      auto workflow =
          engine_.StartWorkflow(tx, kBuildWorkflow, "build:" + std::to_string(build->id),
                                boost::json::object{{"build_id", build->id}});
      // Only an unregistered kind fails here; throwing rolls the build back.
      if (!workflow.ok()) throw std::runtime_error(workflow.error().message);
      store::builds::SetWorkflow(tx, build->id, *workflow);
      RecordAudit(tx, clock_, ctx, "build.start", "build", std::to_string(build->id),
                  "build " + build->version + " from " + build->branch + " → " + build->image);
      return View(tx, ctx, store::builds::Get(tx, build->id).value());
    });
    if (view.ok()) engine_.Wake();
    return view;
  } catch (const store::UniqueViolation&) {
    return core::Conflict("this application already has a build of version " + version +
                              "; choose another version, or delete that build first",
                          {{"field", "version"}});
  }
}

Result<BuildView> BuildService::Get(const RequestContext& ctx, const std::string& id) {
  auto build_id = core::ParseId(id);
  if (!build_id) return BuildNotFound(id);
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<BuildView> {
    auto build = store::builds::Get(tx, *build_id);
    if (!build) return BuildNotFound(id);
    return View(tx, ctx, std::move(*build));
  });
}

Result<BuildList> BuildService::List(const RequestContext& ctx, const std::string& app_ref,
                                     const std::string& state, int limit,
                                     const std::string& cursor) {
  store::BuildQuery query;
  query.limit = limit;
  if (!state.empty()) {
    query.state = core::ParseBuildState(state);
    if (!query.state) return core::Invalid("unknown build state " + state, {{"field", "state"}});
  }
  if (!cursor.empty()) {
    auto after = DecodeAppCursor(cursor);
    if (!after) return core::Invalid("cursor is not valid", {{"field", "cursor"}});
    query.before_id = after->second;
  }
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<BuildList> {
    auto app = AppForRead(tx, app_ref);
    if (!app.ok()) return app.error();
    query.app_id = app->id;
    auto builds = store::builds::List(tx, query);
    BuildList out;
    if (static_cast<int>(builds.size()) > limit) {
      builds.resize(static_cast<std::size_t>(limit));
      out.next_cursor = EncodeAppCursor("id", builds.back().id);
    }
    const bool can_write =
        core::CanWriteApp(ctx.caller, store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
    for (auto& b : builds) {
      auto actions = core::ComputeBuildActions(b, can_write);
      out.items.push_back({std::move(b), app->name, std::move(actions)});
    }
    return out;
  });
}

Result<BuildView> BuildService::Cancel(const RequestContext& ctx, const std::string& id) {
  auto build_id = core::ParseId(id);
  if (!build_id) return BuildNotFound(id);
  auto view = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<BuildView> {
    auto build = store::builds::Get(tx, *build_id);
    if (!build) return BuildNotFound(id);
    auto app = AppForWrite(tx, ctx, std::to_string(build->app_id));
    if (!app.ok()) return app.error();
    if (core::IsFinal(build->state)) {
      return core::Conflict(
          "the build already ended (" + std::string(core::BuildStateName(build->state)) + ")",
          {{"state", core::BuildStateName(build->state)}});
    }
    // Asking twice changes nothing: the first request is being carried out.
    if (store::builds::RequestCancel(tx, build->id, ctx.caller.username, clock_.Now())) {
      RecordAudit(tx, clock_, ctx, "build.cancel", "build", id,
                  "cancel requested for build " + build->version + " (" +
                      std::string(core::BuildStateName(build->state)) + ")");
    }
    return View(tx, ctx, store::builds::Get(tx, build->id).value());
  });
  if (view.ok()) engine_.Wake();
  return view;
}

Result<BuildLog> BuildService::ReadLog(const RequestContext&, const std::string& id,
                                       std::int64_t from) {
  auto build_id = core::ParseId(id);
  if (!build_id) return BuildNotFound(id);
  // Every signed-in user may read every application's builds (R-GW-2).
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<BuildLog> {
    auto build = store::builds::Get(tx, *build_id);
    if (!build) return BuildNotFound(id);
    auto piece = store::builds::ReadLog(tx, build->id, from);
    return BuildLog{std::move(piece.text), piece.end, core::IsFinal(build->state)};
  });
}

core::Status BuildService::FollowLog(const RequestContext& ctx, const std::string& id,
                                     std::function<bool(std::string)> push,
                                     std::function<void()> close) {
  auto first = ReadLog(ctx, id, 0);
  if (!first.ok()) return first.error();
  if (!first->text.empty() && !push(std::move(first->text))) return core::Ok{};
  if (first->ended) {
    close();
    return core::Ok{};
  }
  return tails_.Start(
      first->end, [this, ctx, id](std::int64_t from) { return ReadLog(ctx, id, from); },
      std::move(push), std::move(close));
}

}  // namespace slipway::services
