#include "services/environments/environment_service.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/apps/app_actions.hpp"
#include "core/apps/app_lifecycle.hpp"
#include "core/common/names.hpp"
#include "core/common/rfc3339.hpp"
#include "core/releases/release_policy.hpp"
#include "services/apps/app_access.hpp"
#include "services/environments/env_objects.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/config_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

// What a new environment starts from: the ports and health check the
// application's details declare (R-APP-3), so most bodies stay short.
core::EnvSpec DefaultsFrom(const core::App& app) {
  core::EnvSpec spec;
  for (const auto& p : app.details.ports) {
    spec.ports.push_back({p.name, p.port, p.port, p.protocol});
  }
  if (const auto& hc = app.details.health_check) {
    core::Probe probe;
    probe.type = hc->type;
    probe.path = hc->path;
    probe.port = hc->port;
    if (!hc->command.empty()) probe.command = {"/bin/sh", "-c", hc->command};
    spec.readiness = probe;
  }
  return spec;
}

bool MayHoldEnvironments(core::AppStatus s) {
  return s == core::AppStatus::kPendingOnline || s == core::AppStatus::kOnline;
}

}  // namespace

EnvironmentService::DeleteHooks EnvironmentService::DeleteHooks::None() {
  return {[](store::Tx&, std::int64_t) -> std::optional<std::string> { return std::nullopt; },
          [](store::Tx&, const RequestContext&,
             const core::Environment&) -> core::Result<std::string> { return std::string(); }};
}

EnvironmentService::EnvironmentService(store::Database& db, const core::Clock& clock,
                                       ClusterService& clusters, DeleteHooks delete_hooks)
    : db_(db), clock_(clock), clusters_(clusters), delete_hooks_(std::move(delete_hooks)) {
  if (!delete_hooks_.refusal || !delete_hooks_.detach) {
    throw std::invalid_argument("EnvironmentService needs both delete hooks");
  }
}

core::RenderInput EnvironmentService::RenderInputFor(const core::Environment& env,
                                                     const std::string& app,
                                                     const core::Cluster& cluster,
                                                     const std::string& track) const {
  core::RenderInput in;
  in.app = app;
  in.env_id = env.id;
  in.env_type = env.env_type;
  in.namespace_name = env.namespace_name;
  in.image = env.image.empty() ? core::PlaceholderImage(cluster.registry, app) : env.image;
  in.spec = env.spec;
  in.track = track;
  return in;
}

core::Result<EnvironmentService::Loaded> EnvironmentService::Load(store::Tx& tx,
                                                                  const std::string& env_ref) {
  auto id = core::ParseId(env_ref);
  std::optional<core::Environment> env;
  if (id) env = store::environments::Get(tx, *id);
  if (!env) return core::NotFound("no environment " + env_ref);
  auto app = store::apps::Get(tx, env->app_id);
  auto cluster = store::clusters::Get(tx, env->cluster_id);
  if (!app || !cluster) return core::NotFound("no environment " + env_ref);
  return Loaded{std::move(*env), std::move(*app), std::move(cluster->cluster)};
}

core::Result<EnvironmentService::Loaded> EnvironmentService::LoadForWrite(
    store::Tx& tx, const RequestContext& ctx, const std::string& env_ref) {
  auto loaded = Load(tx, env_ref);
  if (!loaded.ok()) return loaded;
  auto app = AppForWrite(tx, ctx, std::to_string(loaded->app.id));
  if (!app.ok()) return app.error();
  return loaded;
}

EnvironmentView EnvironmentService::View(const Loaded& l) const {
  EnvironmentView v;
  v.env = l.env;
  v.app = l.app.name;
  v.cluster = l.cluster.name;
  v.image =
      l.env.image.empty() ? core::PlaceholderImage(l.cluster.registry, l.app.name) : l.env.image;
  v.config_backend = l.env.config_backend.value_or(l.cluster.config_backend);
  return v;
}

core::Result<EnvironmentView> EnvironmentService::Create(
    const RequestContext& ctx, const std::string& app_ref,
    const Parsed<CreateEnvironmentCommand>& command) {
  // Validate and record in one transaction: the row reserves (app, env type,
  // cluster), so a concurrent create of the same pair gets 409, not a race
  // over the same Kubernetes objects.
  auto created = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<Loaded> {
    auto app = AppForWrite(tx, ctx, app_ref);
    if (!app.ok()) return app.error();
    if (!command.ok()) return command.error();
    const auto& placement = command.value();
    if (!MayHoldEnvironments(app->status)) {
      return core::Conflict(
          "application " + app->name + " is " + std::string(core::AppStatusName(app->status)) +
              ": environments can be created once it is approved and until it goes offline",
          {{"state", core::AppStatusName(app->status)}});
    }
    if (auto refused =
            ApprovalOffRefusal(ctx, *app, placement.env_type, placement.release_policy)) {
      return *refused;
    }
    auto cluster = store::clusters::GetByRef(tx, placement.cluster);
    if (!cluster)
      return core::Invalid("no cluster " + placement.cluster,
                           {{"field", "cluster"}, {"rule", "must be a registered cluster"}});
    for (const auto& e : store::environments::ListByApp(tx, app->id)) {
      if (e.env_type == placement.env_type && e.cluster_id == cluster->cluster.id) {
        return core::Conflict(app->name + " already has a " + e.env_type +
                                  " environment on cluster " + cluster->cluster.name +
                                  " (environment " + std::to_string(e.id) + ")",
                              {{"environment_id", e.id}});
      }
    }
    core::EnvSpec spec = placement.spec;
    const auto defaults = DefaultsFrom(*app);
    if (!placement.ports_given) spec.ports = defaults.ports;
    if (!placement.readiness_given) spec.readiness = defaults.readiness;
    core::Environment env;
    env.app_id = app->id;
    env.env_type = placement.env_type;
    env.cluster_id = cluster->cluster.id;
    env.namespace_name = cluster->cluster.NamespaceFor(env.env_type);
    env.spec = std::move(spec);
    env.image = placement.image;
    env.config_backend = placement.config_backend;
    env.release_policy = placement.release_policy;
    env.created_by = ctx.caller.username;
    env.created_at = env.updated_at = clock_.Now();
    env.id = store::environments::Insert(tx, env);
    RecordAudit(tx, clock_, ctx, "env.create", "env", std::to_string(env.id),
                "created the " + env.env_type + " environment of " + app->name + " on cluster " +
                    cluster->cluster.name);
    store::environments::AddOperation(
        tx, {0, env.id, app->id, "create", ctx.caller.username, "{}", env.created_at});
    return Loaded{std::move(env), std::move(*app), std::move(cluster->cluster)};
  });
  if (!created.ok()) return created.error();

  auto input = RenderInputFor(created->env, created->app.name, created->cluster);
  auto kube = clusters_.Client(created->cluster.id);
  core::Status applied =
      kube.ok() ? ApplyEnvironmentObjects(**kube, input) : core::Status(kube.error());
  if (!applied.ok()) {
    // Undo: nothing half-done stays behind, in the cluster or here.
    if (kube.ok()) (void)DeleteEnvironmentObjects(**kube, input);
    store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
      // Whatever was attached to it meanwhile goes too (drafts, changes);
      // only the audit keeps the attempt.
      auto forgotten = Forget(tx, ctx, created->env);
      // A change that moved meanwhile stays open; the row goes regardless.
      if (!forgotten.ok()) store::environments::Delete(tx, created->env.id);
      store::environments::DeleteOperations(tx, created->env.id);
      RecordAudit(tx, clock_, ctx, "env.create", "env", std::to_string(created->env.id),
                  "undone: cluster " + created->cluster.name + " refused the objects: " +
                      applied.error().message + (forgotten.ok() ? *forgotten : ""),
                  std::string(core::CodeName(applied.error().code)));
      return 0;
    });
    auto error = applied.error();
    error.details["cluster"] = created->cluster.name;
    return error;
  }
  return View(*created);
}

core::Result<std::vector<EnvironmentView>> EnvironmentService::List(const RequestContext&,
                                                                    const std::string& app_ref) {
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) -> core::Result<std::vector<EnvironmentView>> {
                       auto app = AppForRead(tx, app_ref);
                       if (!app.ok()) return app.error();
                       std::vector<EnvironmentView> out;
                       for (auto& env : store::environments::ListByApp(tx, app->id)) {
                         auto cluster = store::clusters::Get(tx, env.cluster_id);
                         if (!cluster) continue;
                         out.push_back(View({std::move(env), *app, cluster->cluster}));
                       }
                       return out;
                     });
}

core::Result<EnvironmentView> EnvironmentService::Get(const RequestContext&,
                                                      const std::string& env_ref) {
  auto loaded = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return Load(tx, env_ref); });
  if (!loaded.ok()) return loaded.error();
  auto view = View(*loaded);
  auto kube = clusters_.Client(loaded->cluster.id);
  if (kube.ok()) {
    view.live = Live(**kube, *loaded);
  } else {
    view.live = LiveState{};
    view.live->error = kube.error().message;
  }
  return view;
}

std::optional<std::string> EnvironmentService::DeleteRefusal(store::Tx& tx,
                                                             std::int64_t env_id) const {
  return delete_hooks_.refusal(tx, env_id);
}

core::Result<std::string> EnvironmentService::Forget(store::Tx& tx, const RequestContext& ctx,
                                                     const core::Environment& env) const {
  auto detached = delete_hooks_.detach(tx, ctx, env);
  if (!detached.ok()) return detached.error();
  std::string did = *detached;
  // The drafts would be published nowhere; the publishes stay as history.
  if (auto drafts = store::config_files::DeleteDrafts(tx, env.id)) {
    did += "; removed " + std::to_string(drafts) + " config draft(s)";
  }
  store::environments::Delete(tx, env.id);
  return did;
}

core::Status EnvironmentService::Delete(const RequestContext& ctx, const std::string& env_ref,
                                        const std::string& confirm) {
  struct Checked {
    Loaded loaded;
    std::optional<std::string> refusal;
  };
  // A write transaction that commits even when the answer is a refusal: the
  // check may have repaired a release whose workflow is gone.
  auto checked = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<Checked> {
    auto l = LoadForWrite(tx, ctx, env_ref);
    if (!l.ok()) return l.error();
    if (confirm != l->app.name) {
      return core::Invalid("confirm must repeat the application's name (" + l->app.name +
                               ") to delete this environment",
                           {{"field", "confirm"}, {"rule", "must equal the application name"}});
    }
    auto refusal = DeleteRefusal(tx, l->env.id);
    return Checked{std::move(*l), std::move(refusal)};
  });
  if (!checked.ok()) return checked.error();
  if (checked->refusal) return core::Conflict(*checked->refusal);
  const Loaded& loaded = checked->loaded;
  auto kube = clusters_.Client(loaded.cluster.id);
  if (!kube.ok()) return kube.error();
  // The cluster first: if it fails, the environment stays and can be deleted again.
  auto removed =
      DeleteEnvironmentObjects(**kube, RenderInputFor(loaded.env, loaded.app.name, loaded.cluster));
  if (!removed.ok()) return removed.error();
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto env = store::environments::Get(tx, loaded.env.id);
    if (!env) return core::Ok{};  // a concurrent delete won
    // A release may have begun since the check; it re-applies the objects.
    if (auto refusal = DeleteRefusal(tx, env->id)) return core::Conflict(*refusal);
    auto forgotten = Forget(tx, ctx, *env);
    if (!forgotten.ok()) return forgotten.error();
    RecordAudit(tx, clock_, ctx, "env.delete", "env", std::to_string(env->id),
                "deleted the " + env->env_type + " environment of " + loaded.app.name +
                    " on cluster " + loaded.cluster.name + *forgotten);
    store::environments::AddOperation(
        tx, {0, env->id, loaded.app.id, "delete", ctx.caller.username, "{}", clock_.Now()});
    return core::Ok{};
  });
}

core::Result<store::EnvOperation> EnvironmentService::Restart(const RequestContext& ctx,
                                                              const std::string& env_ref) {
  std::optional<std::string> refused;
  auto loaded = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    auto l = LoadForWrite(tx, ctx, env_ref);
    if (l.ok()) {
      // The same rule the application's `refusals.restart` shows (an offline
      // application's environments are not restarted).
      auto member = store::apps::MemberRoleOf(tx, l->app.id, ctx.caller.username);
      refused = core::ComputeAppActions(l->app, ctx.caller, member).ReasonFor("restart");
    }
    return l;
  });
  if (!loaded.ok()) return loaded.error();
  if (refused) return core::Conflict(*refused, {{"action", "restart"}});
  auto kube = clusters_.Client(loaded->cluster.id);
  if (!kube.ok()) return kube.error();
  auto now = clock_.Now();
  auto deployment = core::DeploymentName(loaded->app.name, core::kTrackStable);
  auto restarted =
      (*kube)->RolloutRestart(loaded->env.namespace_name, deployment, core::Rfc3339Seconds(now));
  if (!restarted.ok()) return restarted.error();
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<store::EnvOperation> {
    store::EnvOperation op{
        0,
        loaded->env.id,
        loaded->app.id,
        "restart",
        ctx.caller.username,
        json::serialize(
            json::object{{"deployment", deployment}, {"restarted_at", core::Rfc3339Seconds(now)}}),
        now};
    op.id = store::environments::AddOperation(tx, op);
    RecordAudit(tx, clock_, ctx, "env.restart", "env", std::to_string(loaded->env.id),
                "rolling restart of " + deployment + " in " + loaded->env.namespace_name);
    return op;
  });
}

core::Result<std::vector<store::EnvOperation>> EnvironmentService::Operations(
    const RequestContext&, const std::string& env_ref) {
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) -> core::Result<std::vector<store::EnvOperation>> {
                       auto loaded = Load(tx, env_ref);
                       if (!loaded.ok()) return loaded.error();
                       return store::environments::Operations(tx, loaded->env.id, 100);
                     });
}

}  // namespace slipway::services
