// Creating, reading, listing and editing changes; transitions are in
// change_transitions.cpp.
#include "services/changes/change_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/apps/app_actions.hpp"
#include "core/changes/change_actions.hpp"
#include "core/common/names.hpp"
#include "services/apps/app_access.hpp"
#include "services/changes/change_fields.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

// The caller's actions, less those the application's status forbids now:
// an application on its way offline takes no change forward.
std::vector<std::string> ActionsFor(const core::App& app, const core::Change& change,
                                    core::ChangeRights rights) {
  auto actions = core::ChangeActionsFor(change.state, rights);
  if (core::AcceptsReleases(app)) return actions;
  std::erase_if(actions, [](const std::string& a) {
    return a == "submit" || a == "approve" || a == "release";
  });
  return actions;
}

boost::json::array TableActions(core::ChangeState state) {
  boost::json::array out;
  for (auto e : core::AllowedChangeEvents(state)) out.emplace_back(core::ChangeEventName(e));
  return out;
}

// What an edit changed, for the history and the audit record.
std::vector<std::string> ChangedFields(const core::Change& before, const core::Change& after) {
  std::vector<std::string> out;
  if (before.title != after.title) out.emplace_back("title");
  if (before.description != after.description) out.emplace_back("description");
  if (before.env_id != after.env_id) out.emplace_back("env_id");
  if (before.build_id != after.build_id) out.emplace_back("build_id");
  if (before.image != after.image) out.emplace_back("image");
  return out;
}

}  // namespace

ChangeService::ChangeService(store::Database& db, const core::Clock& clock, Notices& notices,
                             ChangeSettings settings)
    : db_(db), clock_(clock), notices_(notices), settings_(settings) {}

bool ChangeService::IsRefusedAuthor(store::Tx& tx, const RequestContext& ctx, const core::App& app,
                                    const core::Change& change, const std::string& env_type) {
  if (!core::RefusesSelfApproval(settings_.self_approval, app, env_type)) return false;
  const auto me = core::NameKey(ctx.caller.username);
  if (core::NameKey(change.created_by) == me) return true;
  for (const auto& event : store::changes::Events(tx, change.id)) {
    if (event.kind == "edit" && core::NameKey(event.actor) == me) return true;
  }
  return false;
}

std::vector<std::string> ChangeService::ActionsOf(store::Tx& tx, const RequestContext& ctx,
                                                  const core::App& app, const core::Change& change,
                                                  core::ChangeRights rights,
                                                  const std::string& env_type) {
  auto actions = ActionsFor(app, change, rights);
  if (change.state == core::ChangeState::kApproving && rights.approve &&
      IsRefusedAuthor(tx, ctx, app, change, env_type)) {
    std::erase(actions, "approve");
  }
  return actions;
}

ChangeView ChangeService::View(store::Tx& tx, const RequestContext& ctx, core::Change change,
                               bool with_events) {
  ChangeView view;
  auto app = store::apps::Get(tx, change.app_id);
  auto env = store::environments::Get(tx, change.env_id);
  view.env_type = env ? env->env_type : "";
  if (app) {
    view.app = app->name;
    auto rights = core::ChangeRightsOf(ctx.caller,
                                       store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
    view.actions = ActionsOf(tx, ctx, *app, change, rights, view.env_type);
  }
  if (with_events) view.events = store::changes::Events(tx, change.id);
  view.change = std::move(change);
  return view;
}

Result<ChangeView> ChangeService::Create(const RequestContext& ctx, const std::string& app_ref,
                                         const Parsed<CreateChangeCommand>& command) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<ChangeView> {
    auto app = AppForWrite(tx, ctx, app_ref);
    if (!app.ok()) return app.error();
    if (!command.ok()) return command.error();
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    if (auto reason = core::ComputeAppActions(*app, ctx.caller, member).ReasonFor("change")) {
      return core::Conflict(*reason, {{"state", core::AppStatusName(app->status)}});
    }
    core::Change change;
    change.app_id = app->id;
    change.created_by = ctx.caller.username;
    change.created_at = change.updated_at = clock_.Now();
    if (auto applied = ApplyChangeFields(tx, *app, command->fields, /*creating=*/true, change);
        !applied.ok()) {
      return applied.error();
    }
    change.id = store::changes::Insert(tx, change);
    store::changes::AddEvent(
        tx,
        {0, change.id, "create", ctx.caller.username, "",
         boost::json::serialize(boost::json::object{{"image", change.image}}), change.created_at});
    RecordAudit(
        tx, clock_, ctx, "change.create", "change", std::to_string(change.id),
        "created code change \"" + change.title + "\" of " + app->name + " (" + change.image + ")");
    return View(tx, ctx, std::move(change), true);
  });
}

Result<ChangeView> ChangeService::Get(const RequestContext& ctx, const std::string& ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<ChangeView> {
    auto id = core::ParseId(ref);
    auto change = id ? store::changes::Get(tx, *id) : std::nullopt;
    if (!change) return core::NotFound("no change " + ref);
    return View(tx, ctx, std::move(*change), true);
  });
}

Result<ChangeList> ChangeService::List(const RequestContext& ctx, const std::string& app_ref,
                                       store::ChangeQuery query, const std::string& cursor) {
  if (!cursor.empty()) {
    query.before_id = core::ParseId(cursor);
    if (!query.before_id) return core::Invalid("cursor is not valid", {{"field", "cursor"}});
  }
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<ChangeList> {
    auto app = AppForRead(tx, app_ref);
    if (!app.ok()) return app.error();
    query.app_id = app->id;
    auto page = store::changes::List(tx, query);
    ChangeList out;
    if (static_cast<int>(page.size()) > query.limit) {
      page.resize(static_cast<std::size_t>(query.limit));
      out.next_cursor = std::to_string(page.back().id);
    }
    // One application: its membership and environments are read once.
    auto rights = core::ChangeRightsOf(ctx.caller,
                                       store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
    std::map<std::int64_t, std::string> env_types;
    for (const auto& env : store::environments::ListByApp(tx, app->id))
      env_types[env.id] = env.env_type;
    for (auto& change : page) {
      ChangeView view;
      view.app = app->name;
      view.env_type = env_types.count(change.env_id) ? env_types[change.env_id] : "";
      view.actions = ActionsOf(tx, ctx, *app, change, rights, view.env_type);
      view.change = std::move(change);
      out.items.push_back(std::move(view));
    }
    return out;
  });
}

Result<ChangeView> ChangeService::Edit(const RequestContext& ctx, const std::string& ref,
                                       const Parsed<EditChangeCommand>& command) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<ChangeView> {
    auto id = core::ParseId(ref);
    auto change = id ? store::changes::Get(tx, *id) : std::nullopt;
    if (!change) return core::NotFound("no change " + ref);
    auto app = AppForWrite(tx, ctx, std::to_string(change->app_id));
    if (!app.ok()) return app.error();
    if (!command.ok()) return command.error();
    if (!core::ChangeEditable(change->state)) {
      const bool archived = change->state == core::ChangeState::kReleased ||
                            change->state == core::ChangeState::kClosed;
      return core::Conflict(
          "a " + std::string(core::ChangeStateName(change->state)) + " change cannot be edited" +
              (archived ? ": it is kept as it was" : "; withdraw or reject it back to developing"),
          {{"state", core::ChangeStateName(change->state)},
           {"allowed_actions", TableActions(change->state)}});
    }
    if (command->version != change->version) {
      return core::Conflict("the change was edited by someone else; reload and retry",
                            {{"current_version", change->version}});
    }
    const core::Change before = *change;
    if (auto applied = ApplyChangeFields(tx, *app, command->fields, /*creating=*/false, *change);
        !applied.ok()) {
      return applied.error();
    }
    auto changed = ChangedFields(before, *change);
    if (changed.empty()) return View(tx, ctx, std::move(*change), true);
    change->version += 1;
    change->updated_at = clock_.Now();
    if (!store::changes::Update(tx, *change))
      return core::Conflict("the change was edited concurrently; retry");
    boost::json::array names;
    std::string summary;
    for (const auto& f : changed)
      names.emplace_back(f), summary += (summary.empty() ? "" : ", ") + f;
    store::changes::AddEvent(
        tx, {0, change->id, "edit", ctx.caller.username, "",
             boost::json::serialize(boost::json::object{{"fields", names}}), change->updated_at});
    RecordAudit(tx, clock_, ctx, "change.edit", "change", std::to_string(change->id),
                "edited " + summary);
    return View(tx, ctx, std::move(*change), true);
  });
}

}  // namespace slipway::services
