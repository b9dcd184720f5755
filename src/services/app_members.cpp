// Application membership (the AppService's member half).
#include "core/field_reader.hpp"
#include "core/names.hpp"
#include "services/app_service.hpp"
#include "services/audit_log.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {
std::optional<core::App> Find(store::Tx& tx, const std::string& ref) {
  if (!ref.empty() && ref.size() < 19 && ref.find_first_not_of("0123456789") == std::string::npos) {
    return store::apps::Get(tx, std::stoll(ref));
  }
  return store::apps::GetByName(tx, ref);
}
}  // namespace

Result<std::vector<store::Member>> AppService::Members(const RequestContext&, const std::string& ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
    auto app = Find(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    return store::apps::Members(tx, app->id);
  });
}

Result<std::vector<store::Member>> AppService::PutMember(const RequestContext& ctx, const std::string& ref,
                                                         const std::string& username,
                                                         const boost::json::object& body) {
  core::FieldReader in(body);
  auto role_name = in.String("role", 16, true);
  if (!in.ok()) return in.error();
  auto role = core::ParseMemberRole(*role_name);
  if (!role) {
    return core::Invalid("role must be owner, developer or approver",
                         {{"field", "role"}, {"rule", "must be owner, developer or approver"}});
  }
  if (auto rule = core::CheckUsername(username)) {
    return core::Invalid("username " + *rule, {{"field", "username"}});
  }
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::vector<store::Member>> {
    auto app = Find(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    auto actions = core::ComputeAppActions(*app, ctx.caller, member);
    if (!core::CanOwnApp(ctx.caller, member)) {
      return core::Forbidden("only admins and the application's owners may manage members");
    }
    if (auto reason = actions.ReasonFor("manage_members")) return core::Conflict(*reason);
    store::apps::PutMember(tx, app->id, username, *role);
    RecordAudit(tx, clock_, ctx, "app.member_put", "app", std::to_string(app->id),
                username + " is " + *role_name);
    return store::apps::Members(tx, app->id);
  });
}

core::Status AppService::RemoveMember(const RequestContext& ctx, const std::string& ref,
                                      const std::string& username) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto app = Find(tx, ref);
    if (!app) return core::NotFound("no application " + ref);
    auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
    if (!core::CanOwnApp(ctx.caller, member)) {
      return core::Forbidden("only admins and the application's owners may manage members");
    }
    auto target = store::apps::MemberRoleOf(tx, app->id, username);
    if (!target) return core::NotFound(username + " is not a member of " + app->name);
    if (*target == core::MemberRole::kOwner) {
      int owners = 0;
      for (const auto& m : store::apps::Members(tx, app->id)) owners += m.role == core::MemberRole::kOwner;
      if (owners == 1) return core::Conflict("an application keeps at least one owner");
    }
    store::apps::DeleteMember(tx, app->id, username);
    RecordAudit(tx, clock_, ctx, "app.member_remove", "app", std::to_string(app->id),
                "removed " + username);
    return core::Ok{};
  });
}

}  // namespace slipway::services
