// User management and API tokens (the IdentityService's administrative half).
#include "core/common/names.hpp"
#include "services/identity/identity_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/login_failure_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

Result<store::UserRecord> IdentityService::CreateUser(const RequestContext& ctx,
                                                      const CreateUserCommand& command) {
  if (auto e = CheckPassword(command.password)) return *e;
  store::UserRecord user;
  user.username = command.username;
  user.display_name = command.display_name.value_or(command.username);
  user.role = command.role;
  user.password_hash = settings_.hasher.Hash(command.password);
  user.created_at = user.updated_at = clock_.Now();
  try {
    return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
      user.id = store::users::Insert(tx, user);
      RecordAudit(tx, clock_, ctx, "user.create", "user", std::to_string(user.id),
                  "created " + user.username + " as " + std::string(core::RoleName(user.role)));
      return user;
    });
  } catch (const store::UniqueViolation&) {
    return core::Conflict("user " + command.username + " already exists", {{"field", "username"}});
  }
}

Result<store::UserRecord> IdentityService::GetUser(const std::string& ref) {
  auto user = store::InTx(db_, TxMode::kRead,
                          [&](store::Tx& tx) { return store::users::GetByRef(tx, ref); });
  if (!user) return core::NotFound("no user " + ref);
  return *user;
}

Result<std::vector<store::UserRecord>> IdentityService::ListUsers(const store::UserQuery& query) {
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) { return store::users::List(tx, query); });
}

Result<store::UserRecord> IdentityService::UpdateUser(const RequestContext& ctx,
                                                      const std::string& ref,
                                                      const UpdateUserCommand& command) {
  const auto& display = command.display_name;
  const auto& role = command.role;
  const auto& disabled = command.disabled;
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<store::UserRecord> {
    auto user = store::users::GetByRef(tx, ref);
    if (!user) return core::NotFound("no user " + ref);
    if (user->version != command.version) {
      return core::Conflict("the user was changed by someone else; reload and retry",
                            {{"current_version", user->version}});
    }
    if (user->id == ctx.caller.user_id &&
        ((disabled && *disabled) || (role && *role != user->role))) {
      return core::Conflict("you cannot disable yourself or change your own role");
    }
    std::string summary;
    if (display && *display != user->display_name) {
      user->display_name = *display;
      summary += "display name; ";
    }
    if (role && *role != user->role) {
      summary += "role " + std::string(core::RoleName(user->role)) + " -> " +
                 std::string(core::RoleName(*role)) + "; ";
      user->role = *role;
    }
    if (disabled && *disabled != user->disabled) {
      user->disabled = *disabled;
      summary += *disabled ? "disabled, sessions and tokens ended; " : "enabled; ";
      // Enabling again must not bring back access handed out before.
      if (*disabled) EndAccess(tx, user->id);
    }
    if (summary.empty()) return *user;  // nothing changed: the version stays
    user->version += 1;
    user->updated_at = clock_.Now();
    if (!store::users::Update(tx, *user))
      return core::Conflict("the user was changed concurrently");
    RecordAudit(tx, clock_, ctx, "user.update", "user", std::to_string(user->id), summary);
    return *user;
  }));
}

core::Status IdentityService::ResetPassword(const RequestContext& ctx, const std::string& ref,
                                            const ResetPasswordCommand& command) {
  if (auto e = CheckPassword(command.password)) return *e;
  auto hash = settings_.hasher.Hash(command.password);
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto user = store::users::GetByRef(tx, ref);
    if (!user) return core::NotFound("no user " + ref);
    user->password_hash = hash;
    user->version += 1;
    user->updated_at = clock_.Now();
    store::users::Update(tx, *user);
    // A reset answers a password that may be known to someone else: whatever
    // was handed out with it ends, and the name's login backoff starts over.
    EndAccess(tx, user->id);
    store::login_failures::ClearUser(tx, core::NameKey(user->username));
    RecordAudit(tx, clock_, ctx, "user.reset_password", "user", std::to_string(user->id),
                "password reset; sessions and tokens ended");
    return core::Ok{};
  }));
}

core::Status IdentityService::ChangePassword(const RequestContext& ctx,
                                             const ChangePasswordCommand& command) {
  if (auto e = CheckPassword(command.new_password)) return *e;
  // Someone holding a session or token could otherwise guess the password
  // here without limit: wrong current passwords share the login backoff.
  if (auto waiting = CheckBackoff(ctx.caller.username, ctx.client_address)) return *waiting;
  auto user = GetUser(std::to_string(ctx.caller.user_id));
  if (!user.ok()) return user.error();
  if (!settings_.hasher.Verify(command.current_password, user->password_hash)) {
    store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
      RecordFailure(tx, ctx.caller.username, ctx.client_address);
      RecordAudit(tx, clock_, ctx, "user.change_password", "user", std::to_string(user->id),
                  "wrong current password", "invalid");
    });
    return core::Invalid("the current password is wrong", {{"field", "current_password"}});
  }
  auto hash = settings_.hasher.Hash(command.new_password);
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto fresh = store::users::Get(tx, ctx.caller.user_id);
    fresh->password_hash = hash;
    fresh->version += 1;
    fresh->updated_at = clock_.Now();
    store::users::Update(tx, *fresh);
    store::login_failures::Clear(tx, core::NameKey(ctx.caller.username), ctx.client_address);
    RecordAudit(tx, clock_, ctx, "user.change_password", "user", std::to_string(fresh->id),
                "password changed");
    return core::Ok{};
  });
}

void IdentityService::EndAccess(store::Tx& tx, std::int64_t user_id) {
  store::sessions::DeleteForUser(tx, user_id);
  store::tokens::RevokeForUser(tx, user_id, clock_.Now());
}

Result<CreatedToken> IdentityService::CreateToken(const RequestContext& ctx,
                                                  const CreateTokenCommand& command) {
  CreatedToken created;
  created.token = "swt_" + RandomHex(24);
  auto& r = created.record;
  r.user_id = ctx.caller.user_id;
  r.name = command.name;
  r.token_hash = Sha256Hex(created.token);
  r.created_at = clock_.Now();
  if (command.expires_in_days) r.expires_at = r.created_at + *command.expires_in_days * 86'400'000;
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
    r.id = store::tokens::Insert(tx, r);
    RecordAudit(tx, clock_, ctx, "token.create", "token", std::to_string(r.id),
                "created " + r.name);
    return created;
  });
}

Result<std::vector<store::TokenRecord>> IdentityService::ListTokens(const RequestContext& ctx,
                                                                    const std::string& username) {
  if (!username.empty() && username != ctx.caller.username && !ctx.caller.IsAdmin()) {
    return core::Forbidden("only admins may list other users' tokens");
  }
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) -> Result<std::vector<store::TokenRecord>> {
                       std::int64_t user_id = ctx.caller.user_id;
                       if (username == "*") {
                         user_id = 0;
                       } else if (!username.empty()) {
                         auto user = store::users::GetByName(tx, username);
                         if (!user) return core::NotFound("no user " + username);
                         user_id = user->id;
                       }
                       return store::tokens::List(tx, user_id);
                     });
}

core::Status IdentityService::RevokeToken(const RequestContext& ctx, std::int64_t id) {
  return Noted(store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto token = store::tokens::Get(tx, id);
    // Someone else's token is "not found" to non-admins: ids reveal nothing.
    if (!token || token->revoked_at ||
        (token->user_id != ctx.caller.user_id && !ctx.caller.IsAdmin())) {
      return core::NotFound("no token " + std::to_string(id));
    }
    store::tokens::Revoke(tx, id, clock_.Now());
    RecordAudit(tx, clock_, ctx, "token.revoke", "token", std::to_string(id),
                "revoked " + token->name);
    return core::Ok{};
  }));
}

}  // namespace slipway::services
