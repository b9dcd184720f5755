#include "services/apps/app_service.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/apps/app_details_json.hpp"
#include "core/apps/app_repository_rule.hpp"
#include "core/common/names.hpp"
#include "services/apps/app_cursor.hpp"
#include "services/platform/audit_log.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

enum class Need { kWrite, kOwn, kAdmin };

Need NeedFor(std::string_view action) {
  if (action == "approve" || action == "reject" || action == "confirm_offline") return Need::kAdmin;
  if (action == "request_offline" || action == "cancel_offline" || action == "manage_members") {
    return Need::kOwn;
  }
  return Need::kWrite;
}

std::optional<core::Error> CheckPermission(const RequestContext& ctx, std::string_view action,
                                           std::optional<core::MemberRole> member) {
  switch (NeedFor(action)) {
    case Need::kAdmin:
      if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may " + std::string(action));
      break;
    case Need::kOwn:
      if (!core::CanOwnApp(ctx.caller, member)) {
        return core::Forbidden("only admins and the application's owners may " +
                               std::string(action));
      }
      break;
    case Need::kWrite:
      if (!core::CanWriteApp(ctx.caller, member)) {
        return core::Forbidden("only admins and the application's owners and developers may " +
                               std::string(action));
      }
      break;
  }
  return std::nullopt;
}

std::optional<core::MemberRole> RoleIn(const std::vector<store::Member>& members,
                                       const std::string& username) {
  for (const auto& m : members) {
    if (m.username == username) return m.role;
  }
  return std::nullopt;
}

}  // namespace

AppView AppService::View(store::Tx& tx, const RequestContext& ctx, core::App app) {
  AppView view;
  view.members = store::apps::Members(tx, app.id);
  view.missing_fields = core::MissingFields(app);
  view.actions =
      core::ComputeAppActions(app, ctx.caller, RoleIn(view.members, ctx.caller.username));
  view.app = std::move(app);
  return view;
}

Result<AppView> AppService::Register(const RequestContext& ctx, const RegisterAppCommand& command) {
  core::App app;
  app.name = command.name;
  app.team = command.team;
  app.owner = command.owner.value_or(ctx.caller.username);
  app.type = command.type;
  app.level = command.level;
  app.description = command.description;
  app.repo_url = command.repo_url;
  app.status = core::AppStatus::kUnderReview;
  app.created_at = app.updated_at = clock_.Now();
  try {
    return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<AppView> {
      if (core::NameKey(app.owner) == core::NameKey(ctx.caller.username)) {
        app.owner = ctx.caller.username;
      } else {
        auto owner = store::users::GetByName(tx, app.owner);
        if (!owner) {
          return core::Invalid("owner " + app.owner + " is not a user",
                               {{"field", "owner"}, {"rule", "must be an existing user"}});
        }
        app.owner = owner->username;  // members are recorded under the user's own spelling
      }
      app.id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app.id, app.owner, core::MemberRole::kOwner);
      if (app.owner != ctx.caller.username && !ctx.caller.IsAdmin()) {
        // The registrant keeps access to what they registered for someone else.
        store::apps::PutMember(tx, app.id, ctx.caller.username, core::MemberRole::kDeveloper);
      }
      RecordAudit(tx, clock_, ctx, "app.register", "app", std::to_string(app.id),
                  "registered " + app.name + " (" + std::string(core::AppTypeName(app.type)) +
                      ", " + std::string(core::AppLevelName(app.level)) + ")");
      return View(tx, ctx, app);
    }));
  } catch (const store::UniqueViolation&) {
    return core::Conflict("an application named " + app.name + " already exists",
                          {{"field", "name"}});
  }
}

Result<AppView> AppService::Get(const RequestContext& ctx, const std::string& ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<AppView> {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    return View(tx, ctx, std::move(*app));
  });
}

Result<AppList> AppService::List(const RequestContext& ctx, store::AppQuery query,
                                 const std::string& cursor) {
  if (!cursor.empty()) {
    auto after = DecodeAppCursor(cursor);
    if (!after) return core::Invalid("cursor is not valid", {{"field", "cursor"}});
    query.after = *after;
  }
  auto page =
      store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return store::apps::List(tx, query); });
  AppList out;
  if (static_cast<int>(page.apps.size()) > query.limit) {
    page.apps.resize(static_cast<std::size_t>(query.limit));
    const auto& last = page.apps.back();
    out.next_cursor = EncodeAppCursor(store::apps::SortKey(last, query.sort), last.id);
  }
  for (auto& app : page.apps) {
    AppView view;
    view.members = std::move(page.members[app.id]);
    view.missing_fields = core::MissingFields(app);
    view.actions =
        core::ComputeAppActions(app, ctx.caller, RoleIn(view.members, ctx.caller.username));
    view.app = std::move(app);
    out.items.push_back(std::move(view));
  }
  return out;
}

template <class Command, class Change>
Result<AppView> AppService::Mutate(const RequestContext& ctx, const std::string& ref,
                                   const char* action, const Parsed<Command>& command,
                                   Change&& change) {
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<AppView> {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    // Who may act comes first: a caller without the right learns nothing about the body.
    if (auto denied = CheckPermission(ctx, action, member)) return *denied;
    if (!command.ok()) return command.error();
    const std::optional<std::int64_t> version = command->version;
    if (version && *version != app->version) {
      return core::Conflict("the application was changed by someone else; reload and retry",
                            {{"current_version", app->version}});
    }
    auto actions = core::ComputeAppActions(*app, ctx.caller, member);
    if (auto reason = actions.ReasonFor(action)) {
      boost::json::array allowed;
      for (const auto& a : actions.allowed) allowed.emplace_back(a);
      return core::Conflict(*reason, {{"state", core::AppStatusName(app->status)},
                                      {"allowed_actions", std::move(allowed)}});
    }
    Result<std::string> summary = change(tx, *app, member);
    if (!summary.ok()) return summary.error();
    if (summary->empty()) return View(tx, ctx, std::move(*app));
    app->version += 1;
    app->updated_at = clock_.Now();
    if (!store::apps::Update(tx, *app)) {
      return core::Conflict("the application was changed concurrently; reload and retry");
    }
    RecordAudit(tx, clock_, ctx, std::string("app.") + action, "app", std::to_string(app->id),
                summary.value());
    return View(tx, ctx, store::apps::Get(tx, app->id).value());
  }));
}

namespace {

// Whether an edit names owners or approvers other than the present ones
// (names compared as users are: without regard to case).
bool SameNames(std::vector<std::string> a, std::vector<std::string> b) {
  for (auto* list : {&a, &b}) {
    for (auto& name : *list) name = core::NameKey(name);
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return a == b;
}

// Sets the basic information the edit gives; the names of the fields that
// changed ("" for none). The owner is membership: see HandOver.
Result<std::string> ApplyBasicEdit(core::App& app, const EditAppCommand& edit) {
  if (edit.repo_url) {
    if (auto e = core::CheckRepoUrlFor(app.type, *edit.repo_url)) return *e;
  }
  std::string summary;
  auto set = [&](const char* field, std::string& target, const std::optional<std::string>& value) {
    if (!value || *value == target) return;
    target = *value;
    summary += std::string(summary.empty() ? "" : ", ") + field;
  };
  set("team", app.team, edit.team);
  set("description", app.description, edit.description);
  set("repo_url", app.repo_url, edit.repo_url);
  if (edit.level && *edit.level != app.level) {
    app.level = *edit.level;
    summary += std::string(summary.empty() ? "" : ", ") + "level";
  }
  return summary;
}

std::vector<std::string> OwnersOf(store::Tx& tx, std::int64_t app_id) {
  std::vector<std::string> owners;
  for (const auto& m : store::apps::Members(tx, app_id)) {
    if (m.role == core::MemberRole::kOwner) owners.push_back(m.username);
  }
  return owners;
}

}  // namespace

Result<AppView> AppService::Edit(const RequestContext& ctx, const std::string& ref,
                                 const Parsed<EditAppCommand>& command) {
  return Mutate(
      ctx, ref, "edit", command,
      [&](store::Tx& tx, core::App& app,
          std::optional<core::MemberRole> member) -> Result<std::string> {
        const auto& owner = command->owner;
        // Who owns the application is the owners' and admins' to decide, not the
        // developers' (issue 9: a developer made themselves owner this way).
        const bool hands_over = owner && !SameNames(OwnersOf(tx, app.id), {*owner});
        if (hands_over && !core::CanOwnApp(ctx.caller, member)) {
          return core::Forbidden("only admins and the application's owners may change its owner");
        }
        const auto level = app.level;
        auto summary = ApplyBasicEdit(app, *command);
        if (!summary.ok()) return summary;
        // The level decides where changes need approval (core in prod): once an
        // admin has approved the registration, only admins change it.
        if (app.level != level && !ctx.caller.IsAdmin() &&
            app.status != core::AppStatus::kUnderReview &&
            app.status != core::AppStatus::kRejected) {
          return core::Forbidden(
              "only admins may change the level of an approved application: "
              "it decides where changes need approval");
        }
        std::string edited = summary.value();
        if (hands_over) {
          auto handed = HandOver(tx, app, *owner);
          if (!handed.ok()) return handed.error();
          edited += (edited.empty() ? "" : ", ") + std::string("owner");
        }
        return edited.empty() ? edited : "edited " + edited;
      });
}

Result<AppView> AppService::CompleteDetails(const RequestContext& ctx, const std::string& ref,
                                            const Parsed<CompleteDetailsCommand>& command) {
  return Mutate(
      ctx, ref, "complete", command,
      [&](store::Tx& tx, core::App& app,
          std::optional<core::MemberRole> member) -> Result<std::string> {
        const auto& approvers = command->approvers;
        // Approvers decide what reaches production: choosing them is for owners
        // and admins, so a developer cannot pick who approves their own changes.
        const bool new_approvers = approvers && !SameNames(app.approvers, *approvers);
        if (new_approvers && !core::CanOwnApp(ctx.caller, member)) {
          return core::Forbidden(
              "only admins and the application's owners may choose its approvers");
        }
        const auto before = boost::json::serialize(core::DetailsToJson(app.details));
        core::ApplyDetailsPatch(app.details, command->details);
        if (new_approvers) {
          auto replaced = ReplaceApprovers(tx, app.id, *approvers);
          if (!replaced.ok()) return replaced.error();
          app.approvers = store::apps::Get(tx, app.id)->approvers;
        }
        if (!new_approvers && before == boost::json::serialize(core::DetailsToJson(app.details)))
          return std::string();
        auto missing = core::MissingFields(app);
        return std::string("details completed") +
               (missing.empty() ? "" : " (still missing " + std::to_string(missing.size()) + ")");
      });
}

Result<AppView> AppService::Transition(const RequestContext& ctx, const std::string& ref,
                                       core::AppEvent event,
                                       const Parsed<AppTransitionCommand>& command) {
  const std::string action(core::AppEventName(event));
  return Mutate(
      ctx, ref, action.c_str(), command,
      [&](store::Tx&, core::App& app, std::optional<core::MemberRole>) -> Result<std::string> {
        const auto& reason = command->note;
        auto from = app.status;
        auto applied = core::ApplyAppEvent(app, event);
        if (!applied.ok()) return applied.error();
        if (event == core::AppEvent::kReject || event == core::AppEvent::kRequestOffline) {
          app.status_reason = reason.value_or("");
        } else if (event != core::AppEvent::kApprove) {
          app.status_reason.clear();
        }
        return std::string(core::AppStatusName(from)) + " -> " +
               std::string(core::AppStatusName(app.status)) +
               (reason && !reason->empty() ? ": " + *reason : "");
      });
}

core::Status AppService::MarkOnline(store::Tx& tx, const RequestContext& ctx, std::int64_t app_id) {
  auto app = store::apps::Get(tx, app_id);
  if (!app) return core::NotFound("no application " + std::to_string(app_id));
  std::string audit;
  if (app->status == core::AppStatus::kPendingOnline) {
    auto applied = core::ApplyAppEvent(*app, core::AppEvent::kMarkOnline);
    if (!applied.ok()) return applied.error();
    audit = "pending_online -> online (first successful release)";
  } else if (app->status == core::AppStatus::kPendingOffline &&
             app->offline_from == core::AppStatus::kPendingOnline) {
    // Asked to go offline while its first release ran: cancelling the
    // request must bring it back online, not pending again.
    app->offline_from = core::AppStatus::kOnline;
    audit = "first successful release while going offline: cancelling returns it online";
  } else {
    return core::Ok{};  // online already, or on its way out
  }
  app->version += 1;
  app->updated_at = clock_.Now();
  if (!store::apps::Update(tx, *app))
    return core::Conflict("the application was changed concurrently");
  RecordAudit(tx, clock_, ctx, "app.mark_online", "app", std::to_string(app_id), audit);
  return core::Ok{};
}

}  // namespace slipway::services
