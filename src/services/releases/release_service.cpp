#include "services/releases/release_service.hpp"

#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "core/environments/env_spec_json.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_access.hpp"
#include "services/platform/audit_log.hpp"
#include "services/releases/release_ledger.hpp"
#include "services/releases/release_wake.hpp"
#include "store/app_repository.hpp"
#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

core::Result<core::Release> ReleaseByRef(store::Tx& tx, const std::string& ref) {
  auto id = core::ParseId(ref);
  auto release = id ? store::releases::Get(tx, *id) : std::nullopt;
  if (!release) return core::NotFound("no release " + ref);
  return *release;
}

// An application may be released once approved and until it goes offline.
core::Status CheckReleasable(const core::App& app) {
  if (app.type == core::AppType::kEmpty)
    return core::Conflict(app.name + " is an empty application: nothing to release");
  if (app.status == core::AppStatus::kOnline || app.status == core::AppStatus::kPendingOnline)
    return core::Ok{};
  return core::Conflict(
      app.name + " is " + std::string(core::AppStatusName(app.status)) + " and cannot be released",
      {{"state", core::AppStatusName(app.status)}});
}

}  // namespace

ReleaseService::ReleaseService(store::Database& db, const core::Clock& clock,
                               engine::Engine& engine, ChangeService& changes,
                               const ReleaseConfig& config)
    : db_(db), clock_(clock), engine_(engine), changes_(changes), config_(config) {}

core::Result<ReleaseView> ReleaseService::View(store::Tx& tx, const RequestContext&,
                                               std::int64_t id) {
  auto release = store::releases::Get(tx, id);
  if (!release) return core::NotFound("no release " + std::to_string(id));
  ReleaseView v;
  v.release = *release;
  v.steps = store::releases::Steps(tx, id);
  v.operations = store::releases::Operations(tx, id);
  if (auto change = store::changes::Get(tx, release->change_id)) v.change = *change;
  if (auto app = store::apps::Get(tx, release->app_id)) v.app = app->name;
  if (auto env = store::environments::Get(tx, release->env_id)) v.env_type = env->env_type;
  v.actions = core::ReleaseActions(release->state, release->strategy);
  v.config_restores = store::rollback_config::List(tx, id);
  return v;
}

core::Result<ReleaseView> ReleaseService::Start(const RequestContext& ctx,
                                                const std::string& change_ref,
                                                const Parsed<StartReleaseCommand>& command) {
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    auto change_id = core::ParseId(change_ref);
    auto change = change_id ? store::changes::Get(tx, *change_id) : std::nullopt;
    if (!change) return core::NotFound("no change " + change_ref);
    auto app = AppForWrite(tx, ctx, std::to_string(change->app_id));
    if (!app.ok()) return app.error();
    if (!command.ok()) return command.error();
    if (auto ok = CheckReleasable(*app); !ok.ok()) return ok.error();
    auto env = store::environments::Get(tx, change->env_id);
    if (!env) return core::Conflict("the change's environment was deleted");
    ReleaseTarget target;
    target.spec = env->spec;
    target.image = env->image;
    target.image_digest = env->image_digest;
    if (change->type == core::ChangeType::kCode) {
      target.image = change->image;
      target.image_digest = change->image_digest;
      target.strategy = command->strategy.value_or(env->release_policy.strategy);
    } else {
      if (env->image.empty()) {
        return core::Conflict(
            "the environment has no image yet: release a build before changing its resources");
      }
      if (change->type == core::ChangeType::kScale && change->replicas)
        target.spec.replicas = *change->replicas;
      if (change->type == core::ChangeType::kEnvResource) {
        auto spec = core::ParseEnvSpec(json::parse(change->spec).as_object(), env->spec);
        if (!spec.ok()) return spec.error();
        target.spec = *spec;
      }
    }
    auto release = BeginRelease(tx, clock_, engine_, changes_, ctx, *change, *env, target);
    if (!release.ok()) return release.error();
    return release->id;
  });
  if (!id.ok()) return id.error();
  engine_.Wake();
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return View(tx, ctx, *id); });
}

core::Result<ReleaseView> ReleaseService::Get(const RequestContext& ctx, const std::string& ref) {
  bool stopped = false;  // active, but its workflow ended without finishing it
  auto read = [&] {
    return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<ReleaseView> {
      auto release = ReleaseByRef(tx, ref);
      if (!release.ok()) return release.error();
      stopped = WhyStopped(tx, *release).has_value();
      return View(tx, ctx, release->id);
    });
  };
  // One read on the common path (the progress feed polls this). A release
  // whose workflow stopped under it (or that has none) is settled, so it
  // reads as what it is (failed) rather than forever "releasing".
  auto view = read();
  if (!view.ok() || !stopped) return view;
  store::InTx(db_, TxMode::kWrite,
              [&](store::Tx& tx) { return SettleIfStopped(tx, clock_, changes_, view->release); });
  return read();
}

core::Result<ReleaseList> ReleaseService::List(const RequestContext& ctx,
                                               const std::string& app_ref,
                                               std::optional<std::int64_t> env_id,
                                               const std::string& state, const std::string& cursor,
                                               int limit) {
  if (!state.empty() && !core::ParseReleaseState(state)) {
    return core::Invalid("unknown state " + state, {{"field", "state"}});
  }
  std::optional<std::int64_t> before;
  if (!cursor.empty()) {
    before = core::ParseId(cursor);
    if (!before) return core::Invalid("bad cursor", {{"field", "cursor"}});
  }
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<ReleaseList> {
    store::ReleaseQuery q;
    if (!app_ref.empty()) {
      auto app = AppForRead(tx, app_ref);
      if (!app.ok()) return app.error();
      q.app_id = app->id;
    }
    q.env_id = env_id;
    q.state = state;
    q.limit = limit;
    q.before_id = before;
    auto rows = store::releases::List(tx, q);
    ReleaseList out;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(limit);
      out.next_cursor = std::to_string(rows.back().id);
    }
    for (const auto& r : rows) {
      auto view = View(tx, ctx, r.id);
      if (view.ok()) out.items.push_back(std::move(*view));
    }
    return out;
  });
}

core::Result<ReleaseView> ReleaseService::Act(const RequestContext& ctx, const std::string& ref,
                                              const std::string& action) {
  // Nothing would carry out an action on a release whose workflow is gone:
  // it is settled first (in a transaction of its own, as a refusal of the
  // action rolls back), and the action is then judged on what it is.
  auto found = Get(ctx, ref);
  if (!found.ok()) return found.error();
  auto workflow = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::string> {
    auto release = ReleaseByRef(tx, ref);
    if (!release.ok()) return release.error();
    auto app = AppForWrite(tx, ctx, std::to_string(release->app_id));
    if (!app.ok()) return app.error();
    auto allowed = core::ReleaseActions(release->state, release->strategy);
    if (std::find(allowed.begin(), allowed.end(), action) == allowed.end()) {
      json::array list;
      for (const auto& a : allowed) list.emplace_back(a);
      return core::Conflict("a " + std::string(core::ReleaseStateName(release->state)) + " " +
                                std::string(core::ReleaseStrategyName(release->strategy)) +
                                " release cannot " + action,
                            {{"state", core::ReleaseStateName(release->state)},
                             {"allowed_actions", std::move(list)}});
    }
    store::releases::AddOperation(
        tx, {0, release->id, action, ctx.caller.username, "{}", clock_.Now()});
    RecordAudit(tx, clock_, ctx, "release." + action, "release", std::to_string(release->id),
                action);
    return release->workflow_id;
  });
  if (!workflow.ok()) return workflow.error();
  // The operation record is what the step acts on; the signal only wakes it
  // (and is tried again briefly while the step runs, as it may have read the
  // records before this one).
  (void)WakeRelease(engine_, *workflow, json::object{{"kind", action}});
  return Get(ctx, ref);
}

}  // namespace slipway::services
