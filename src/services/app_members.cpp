// Application membership (the AppService's member half).
#include "core/field_reader.hpp"
#include "core/names.hpp"
#include "services/app_service.hpp"
#include "services/audit_log.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;


// The owner field names an owner member at all times (which also keeps at
// least one owner): when that member steps down, another owner takes the field.
std::optional<core::Error> AppService::PassOwnerField(store::Tx& tx, core::App& app,
                                                      const std::string& leaving) {
  for (const auto& m : store::apps::Members(tx, app.id)) {
    if (m.role != core::MemberRole::kOwner || m.username == leaving) continue;
    app.owner = m.username;
    app.version += 1;
    app.updated_at = clock_.Now();
    if (!store::apps::Update(tx, app)) return core::Conflict("the application was changed concurrently; retry");
    return std::nullopt;
  }
  return core::Conflict("an application keeps at least one owner; add another owner first",
                        {{"field", "owner"}});
}

Result<std::vector<store::Member>> AppService::Members(const RequestContext&, const std::string& ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    return store::apps::Members(tx, app->id);
  });
}

Result<std::vector<store::Member>> AppService::PutMember(const RequestContext& ctx, const std::string& ref,
                                                         const std::string& username,
                                                         const boost::json::object& body) {
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
    auto app = store::apps::GetByRef(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    if (!core::CanOwnApp(ctx.caller, member)) {
      return core::Forbidden("only admins and the application's owners may manage members");
    }
    core::FieldReader in(body);
    in.RejectUnknown({"role"});
    auto role_name = in.String("role", 16, true);
    if (!in.ok()) return in.error();
    auto role = core::ParseMemberRole(*role_name);
    if (!role) {
      return core::Invalid("role must be owner, developer or approver",
                           {{"field", "role"}, {"rule", "must be owner, developer or approver"}});
    }
    auto actions = core::ComputeAppActions(*app, ctx.caller, member);
    if (auto reason = actions.ReasonFor("manage_members")) {
      return core::Conflict(*reason, {{"state", core::AppStatusName(app->status)}});
    }
    if (!store::users::GetByName(tx, username)) return core::NotFound("no user " + username);
    if (username == app->owner && *role != core::MemberRole::kOwner) {
      if (auto refused = PassOwnerField(tx, *app, username)) return *refused;
    }
    store::apps::PutMember(tx, app->id, username, *role);
    RecordAudit(tx, clock_, ctx, "app.member_put", "app", std::to_string(app->id),
                username + " is " + *role_name);
    return store::apps::Members(tx, app->id);
  }));
}

core::Status AppService::ReplaceApprovers(store::Tx& tx, std::int64_t app_id,
                                          const std::vector<std::string>& names) {
  for (const auto& name : names) {
    if (!store::users::GetByName(tx, name)) {
      return core::Invalid("approver " + name + " is not a user",
                           {{"field", "approvers"}, {"rule", "must be existing users"}});
    }
    auto role = store::apps::MemberRoleOf(tx, app_id, name);
    if (role && *role != core::MemberRole::kApprover) {
      return core::Invalid(name + " is already the application's " + std::string(core::MemberRoleName(*role)) +
                               "; a member holds one role",
                           {{"field", "approvers"}, {"rule", "must not hold another member role"}});
    }
  }
  for (const auto& m : store::apps::Members(tx, app_id)) {
    if (m.role == core::MemberRole::kApprover) store::apps::DeleteMember(tx, app_id, m.username);
  }
  for (const auto& name : names) store::apps::PutMember(tx, app_id, name, core::MemberRole::kApprover);
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
    auto target = store::apps::MemberRoleOf(tx, app->id, username);
    if (!target) return core::NotFound(username + " is not a member of " + app->name);
    if (username == app->owner) {
      if (auto refused = PassOwnerField(tx, *app, username)) return *refused;
    }
    store::apps::DeleteMember(tx, app->id, username);
    RecordAudit(tx, clock_, ctx, "app.member_remove", "app", std::to_string(app->id),
                "removed " + username);
    return core::Ok{};
  }));
}

}  // namespace slipway::services
