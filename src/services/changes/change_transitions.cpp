// Moving changes through the lifecycle table: people's transitions over the
// API, and the ones the release work drives inside its own transactions.
#include <boost/json.hpp>

#include "core/apps/app_actions.hpp"
#include "core/changes/change_actions.hpp"
#include "core/common/names.hpp"
#include "core/releases/release_policy.hpp"
#include "services/changes/change_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

using core::ChangeEvent;
using core::Result;
using store::TxMode;

namespace {

// The release work acts under the name it gives (the person who started
// the release, or "system").
RequestContext ActingAs(const std::string& actor) {
  return {{0, actor.empty() ? "system" : actor, core::Role::kAdmin}, ""};
}

// Submitting and approving take a change towards release: the application
// must still accept releases, and the environment must still exist.
std::optional<core::Error> CheckForward(store::Tx& tx, const core::App& app,
                                        const core::Change& change,
                                        std::optional<core::Environment>& env) {
  if (!core::AcceptsReleases(app)) {
    return core::Conflict("application " + app.name + " is " +
                              std::string(core::AppStatusName(app.status)) +
                              ": its changes cannot go forward",
                          {{"state", core::ChangeStateName(change.state)},
                           {"app_state", core::AppStatusName(app.status)}});
  }
  env = store::environments::Get(tx, change.env_id);
  if (!env || env->app_id != change.app_id) {
    return core::Conflict(
        "environment " + std::to_string(change.env_id) + " no longer exists; edit the change",
        {{"state", core::ChangeStateName(change.state)}, {"field", "env_id"}});
  }
  return std::nullopt;
}

}  // namespace

Result<ChangeService::Moved> ChangeService::Apply(store::Tx& tx, const RequestContext& ctx,
                                                  core::Change change, ChangeEvent event,
                                                  bool needs_approval, const std::string& comment,
                                                  const boost::json::object& detail) {
  auto next = core::NextChangeState(change.state, event, needs_approval);
  if (!next.ok()) return next.error();
  const auto from = change.state;
  change.state = *next;
  if (event == ChangeEvent::kSubmit) change.needs_approval = needs_approval;
  if (change.state == core::ChangeState::kClosed) {
    change.close_reason = comment.empty() ? "closed by " + ctx.caller.username : comment;
  }
  change.version += 1;
  change.updated_at = clock_.Now();
  if (!store::changes::Update(tx, change))
    return core::Conflict("the change was changed concurrently; retry");
  const std::string name(core::ChangeEventName(event));
  store::changes::AddEvent(tx, {0, change.id, name, ctx.caller.username, comment,
                                boost::json::serialize(detail), change.updated_at});
  RecordAudit(tx, clock_, ctx, "change." + name, "change", std::to_string(change.id),
              std::string(core::ChangeStateName(from)) + " -> " +
                  std::string(core::ChangeStateName(change.state)) +
                  (comment.empty() ? "" : ": " + comment));
  return Moved{from, std::move(change)};
}

Result<ChangeView> ChangeService::Transition(const RequestContext& ctx, const std::string& ref,
                                             ChangeEvent event,
                                             const ChangeTransitionCommand& command) {
  return Transition(ctx, ref, event, Parsed<ChangeTransitionCommand>(command));
}

Result<ChangeView> ChangeService::Transition(const RequestContext& ctx, const std::string& ref,
                                             ChangeEvent event,
                                             const Parsed<ChangeTransitionCommand>& command) {
  if (!core::IsPersonalChangeEvent(event)) {
    return core::Invalid(std::string(core::ChangeEventName(event)) +
                         " is driven by the change's release");
  }
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<ChangeView> {
    auto id = core::ParseId(ref);
    auto change = id ? store::changes::Get(tx, *id) : std::nullopt;
    if (!change) return core::NotFound("no change " + ref);
    auto app = store::apps::Get(tx, change->app_id);
    if (!app) return core::NotFound("no change " + ref);
    // Who may act comes first: a caller without the right learns nothing more.
    auto rights = core::ChangeRightsOf(ctx.caller,
                                       store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
    const bool approval = event == ChangeEvent::kApprove || event == ChangeEvent::kReject;
    if (approval && !rights.approve) {
      return core::Forbidden("only admins and the approvers of " + app->name +
                             " may approve or reject its changes");
    }
    if (!approval && !rights.write) {
      return core::Forbidden("only admins and the owners and developers of " + app->name + " may " +
                             std::string(core::ChangeEventName(event)) + " its changes");
    }
    if (!command.ok()) return command.error();
    if (auto allowed = core::NextChangeState(change->state, event, false); !allowed.ok())
      return allowed.error();
    const auto& version = command->version;
    if (version && *version != change->version) {
      return core::Conflict("the change was changed by someone else; reload and retry",
                            {{"current_version", change->version}});
    }
    bool needs_approval = false;
    if (event == ChangeEvent::kSubmit || event == ChangeEvent::kApprove) {
      std::optional<core::Environment> env;
      if (auto refused = CheckForward(tx, *app, *change, env)) return *refused;
      needs_approval = core::ApprovalRequired(env->release_policy, *app, env->env_type);
      if (event == ChangeEvent::kApprove &&
          IsRefusedAuthor(tx, ctx, *app, *change, env->env_type)) {
        return core::Forbidden("you wrote this change; in " + app->name + "'s " + env->env_type +
                               " environment another approver must approve it");
      }
    }
    auto moved = Apply(tx, ctx, std::move(*change), event, needs_approval,
                       command->comment.value_or(""), {});
    if (!moved.ok()) return moved.error();
    if (moved->change.state == core::ChangeState::kApproving) {
      NotifyApprovers(tx, *app, moved->change, ctx.caller.username);
    }
    return View(tx, ctx, std::move(moved->change), true);
  });
}

Result<core::Change> ChangeService::CreateSystemChange(store::Tx& tx, const RequestContext& ctx,
                                                       const core::Environment& env,
                                                       const SystemChange& input) {
  auto app = store::apps::Get(tx, env.app_id);
  if (!app) return core::NotFound("no application " + std::to_string(env.app_id));
  if (!core::CanWriteApp(ctx.caller, store::apps::MemberRoleOf(tx, app->id, ctx.caller.username))) {
    return core::Forbidden("only admins and the owners and developers of " + app->name +
                           " may change it");
  }
  if (!core::AcceptsReleases(*app)) {
    return core::Conflict("application " + app->name + " is " +
                              std::string(core::AppStatusName(app->status)) +
                              ": it takes no changes",
                          {{"state", core::AppStatusName(app->status)}});
  }
  core::Change change;
  change.type = input.type;
  switch (input.type) {
    case core::ChangeType::kCode:
      return core::Invalid("code changes are made by people", {{"field", "type"}});
    case core::ChangeType::kScale:
      if (!input.replicas || *input.replicas < core::kMinReplicas ||
          *input.replicas > core::kMaxReplicas) {
        return core::Invalid("replicas must be between 1 and 24", {{"field", "replicas"}});
      }
      change.replicas = input.replicas;
      change.title = "Scale to " + std::to_string(*input.replicas) + " replicas";
      break;
    case core::ChangeType::kEnvResource: {
      boost::system::error_code ec;
      auto spec = boost::json::parse(input.spec, ec);
      if (ec || !spec.is_object())
        return core::Invalid("spec must be a JSON object", {{"field", "spec"}});
      change.spec = input.spec;
      change.title = "Edit the environment's resources";
      break;
    }
  }
  if (!input.title.empty()) change.title = input.title;
  change.app_id = app->id;
  change.env_id = env.id;
  change.description = input.description;
  change.image = env.image;  // what keeps running: the system's changes touch no image
  change.image_digest = env.image_digest;
  change.created_by = ctx.caller.username;
  change.created_at = change.updated_at = clock_.Now();
  change.id = store::changes::Insert(tx, change);
  const std::string type(core::ChangeTypeName(change.type));
  store::changes::AddEvent(
      tx, {0, change.id, "create", ctx.caller.username, "", "{}", change.created_at});
  RecordAudit(tx, clock_, ctx, "change.create", "change", std::to_string(change.id),
              "created " + type + " change \"" + change.title + "\" of " + app->name);
  // R-CHG-1: the system submits its changes at once; they need no approval.
  auto moved =
      Apply(tx, ctx, std::move(change), ChangeEvent::kSubmit, false, "submitted by the system", {});
  if (!moved.ok()) return moved.error();
  return std::move(moved->change);
}

Result<int> ChangeService::CloseForDeletedEnvironment(store::Tx& tx, const RequestContext& ctx,
                                                      const core::Environment& env) {
  const std::string reason = "environment " + std::to_string(env.id) + " (" + env.env_type +
                             ") was deleted by " + ctx.caller.username;
  int closed = 0;
  for (auto& change : store::changes::OpenOn(tx, env.id)) {
    auto moved = Apply(tx, ctx, std::move(change), ChangeEvent::kEnvironmentDeleted, false, reason,
                       {{"env_id", env.id}});
    if (!moved.ok()) return moved.error();
    ++closed;
  }
  return closed;
}

core::Status ChangeService::CheckReleasable(const core::Change& change) const {
  if (change.release_id) {
    return core::Conflict(
        "change " + std::to_string(change.id) + " was released by release " +
            std::to_string(*change.release_id) + "; a change is released at most once",
        {{"state", core::ChangeStateName(change.state)}, {"release_id", *change.release_id}});
  }
  if (auto next = core::NextChangeState(change.state, ChangeEvent::kRelease, false); !next.ok())
    return next.error();
  return core::Ok{};
}

core::Status ChangeService::MarkReleasing(store::Tx& tx, std::int64_t change_id,
                                          std::int64_t release_id, const std::string& actor) {
  auto change = store::changes::Get(tx, change_id);
  if (!change) return core::NotFound("no change " + std::to_string(change_id));
  if (auto refused = CheckReleasable(*change); !refused.ok()) return refused;
  change->release_id = release_id;
  auto moved = Apply(tx, ActingAs(actor), std::move(*change), ChangeEvent::kRelease, false, "",
                     {{"release_id", release_id}});
  if (!moved.ok()) return moved.error();
  return core::Ok{};
}

core::Status ChangeService::MarkFinished(store::Tx& tx, std::int64_t change_id, bool succeeded,
                                         const std::string& actor) {
  auto change = store::changes::Get(tx, change_id);
  if (!change) return core::NotFound("no change " + std::to_string(change_id));
  boost::json::object detail;
  if (change->release_id) detail["release_id"] = *change->release_id;
  auto moved = Apply(tx, ActingAs(actor), std::move(*change),
                     succeeded ? ChangeEvent::kSucceed : ChangeEvent::kFail, false, "", detail);
  if (!moved.ok()) return moved.error();
  return core::Ok{};
}

core::Status ChangeService::AddRollbackEntry(store::Tx& tx, std::int64_t change_id,
                                             const std::string& actor,
                                             const boost::json::object& detail) {
  if (!store::changes::Get(tx, change_id))
    return core::NotFound("no change " + std::to_string(change_id));
  store::changes::AddEvent(
      tx, {0, change_id, "rollback", actor, "", boost::json::serialize(detail), clock_.Now()});
  return core::Ok{};
}

}  // namespace slipway::services
