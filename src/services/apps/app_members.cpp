// Application membership (the AppService's member half). Membership is the
// one record of who owns, develops and approves an application: the owner
// field and the approver list are read from it.
#include "core/common/names.hpp"
#include "services/apps/app_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

// An application keeps at least one owner: `leaving` may stop being one only
// while another owner remains.
std::optional<core::Error> KeepsAnOwner(store::Tx& tx, std::int64_t app_id,
                                        const std::string& leaving) {
  if (store::apps::MemberRoleOf(tx, app_id, leaving) != core::MemberRole::kOwner)
    return std::nullopt;
  for (const auto& m : store::apps::Members(tx, app_id)) {
    if (m.role == core::MemberRole::kOwner && m.username != leaving) return std::nullopt;
  }
  return core::Conflict("an application keeps at least one owner; add another owner first",
                        {{"field", "owner"}});
}

// Approving is a team lead's right (R-GW-2): approver members must hold the
// approver role (or admin), or a developer could be made approver of their own work.
std::optional<core::Error> CheckMayApprove(const store::UserRecord& user, const char* field) {
  if (core::HoldsApproverRole(user.role)) return std::nullopt;
  return core::Invalid(user.username + " is a " + std::string(core::RoleName(user.role)) +
                           "; approvers must hold the approver or admin role",
                       {{"field", field}, {"rule", "must hold the approver or admin role"}});
}

}  // namespace

core::Status AppService::HandOver(store::Tx& tx, const core::App& app,
                                  const std::string& username) {
  auto user = store::users::GetByName(tx, username);
  if (!user) {
    return core::Invalid("owner " + username + " is not a user",
                         {{"field", "owner"}, {"rule", "must be an existing user"}});
  }
  for (const auto& m : store::apps::Members(tx, app.id)) {
    if (m.role == core::MemberRole::kOwner && m.username != user->username) {
      store::apps::PutMember(tx, app.id, m.username, core::MemberRole::kDeveloper);
    }
  }
  store::apps::PutMember(tx, app.id, user->username, core::MemberRole::kOwner);
  return core::Ok{};
}

Result<std::vector<store::Member>> AppService::Members(const RequestContext&,
                                                       const std::string& ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    return store::apps::Members(tx, app->id);
  });
}

Result<std::vector<store::Member>> AppService::PutMember(const RequestContext& ctx,
                                                         const std::string& ref,
                                                         const std::string& username,
                                                         const Parsed<PutMemberCommand>& command) {
  return Noted(
      store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
        auto app = store::apps::GetByRef(tx, ref);
        if (!app) return core::NotFound("no application " + ref);
        auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
        if (!core::CanOwnApp(ctx.caller, member)) {
          return core::Forbidden("only admins and the application's owners may manage members");
        }
        if (!command.ok()) return command.error();
        const auto role = command->role;
        auto actions = core::ComputeAppActions(*app, ctx.caller, member);
        if (auto reason = actions.ReasonFor("manage_members")) {
          return core::Conflict(*reason, {{"state", core::AppStatusName(app->status)}});
        }
        auto user = store::users::GetByName(tx, username);
        if (!user) return core::NotFound("no user " + username);
        if (role == core::MemberRole::kApprover) {
          if (auto refused = CheckMayApprove(*user, "role")) return *refused;
        }
        const auto current = store::apps::MemberRoleOf(tx, app->id, user->username);
        if (current == role) return store::apps::Members(tx, app->id);  // nothing to change
        if (role != core::MemberRole::kOwner) {
          if (auto refused = KeepsAnOwner(tx, app->id, user->username)) return *refused;
        }
        store::apps::PutMember(tx, app->id, user->username, role);
        RecordAudit(tx, clock_, ctx, "app.member_put", "app", std::to_string(app->id),
                    user->username + " is " + std::string(core::MemberRoleName(role)));
        return store::apps::Members(tx, app->id);
      }));
}

core::Status AppService::ReplaceApprovers(store::Tx& tx, std::int64_t app_id,
                                          const std::vector<std::string>& names) {
  std::vector<std::string> approvers;
  for (const auto& name : names) {
    auto user = store::users::GetByName(tx, name);
    if (!user) {
      return core::Invalid("approver " + name + " is not a user",
                           {{"field", "approvers"}, {"rule", "must be existing users"}});
    }
    if (auto refused = CheckMayApprove(*user, "approvers")) return *refused;
    auto role = store::apps::MemberRoleOf(tx, app_id, user->username);
    if (role && *role != core::MemberRole::kApprover) {
      return core::Invalid(user->username + " is already the application's " +
                               std::string(core::MemberRoleName(*role)) +
                               "; a member holds one role",
                           {{"field", "approvers"}, {"rule", "must not hold another member role"}});
    }
    approvers.push_back(user->username);
  }
  for (const auto& m : store::apps::Members(tx, app_id)) {
    if (m.role == core::MemberRole::kApprover) store::apps::DeleteMember(tx, app_id, m.username);
  }
  for (const auto& name : approvers)
    store::apps::PutMember(tx, app_id, name, core::MemberRole::kApprover);
  return core::Ok{};
}

core::Status AppService::RemoveMember(const RequestContext& ctx, const std::string& ref,
                                      const std::string& username) {
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    if (!core::CanOwnApp(ctx.caller, member)) {
      return core::Forbidden("only admins and the application's owners may manage members");
    }
    auto user = store::users::GetByName(tx, username);
    const std::string name = user ? user->username : username;
    if (!store::apps::MemberRoleOf(tx, app->id, name)) {
      return core::NotFound(username + " is not a member of " + app->name);
    }
    if (auto refused = KeepsAnOwner(tx, app->id, name)) return *refused;
    store::apps::DeleteMember(tx, app->id, name);
    RecordAudit(tx, clock_, ctx, "app.member_remove", "app", std::to_string(app->id),
                "removed " + name);
    return core::Ok{};
  }));
}

}  // namespace slipway::services
