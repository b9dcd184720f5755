#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/identity/login_backoff.hpp"
#include "services/identity/identity_commands.hpp"
#include "services/platform/context.hpp"
#include "services/platform/crypto.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {

struct IdentitySettings {
  core::Millis session_ttl_ms = 12LL * 3600 * 1000;
  /// Failed logins and wrong current passwords, per (user name, address).
  core::LoginBackoff login_backoff;
  std::size_t min_password_length = 8;
  PasswordHasher hasher;
};

struct LoginResult {
  std::string session_id;  ///< the cookie value; only its hash is stored
  std::string csrf_token;
  store::UserRecord user;
  core::Millis expires_at = 0;
};

/// A request's verified identity.
struct Authenticated {
  core::Caller caller;
  bool via_session = false;
  std::string csrf_token;  ///< for session callers: writes must echo it
};

struct CreatedToken {
  store::TokenRecord record;
  std::string token;  ///< shown once, never stored
};

/// Users, login sessions, API tokens (R-GW-1..2, R-SEC-1).
class IdentityService {
 public:
  IdentityService(store::Database& db, const core::Clock& clock, IdentitySettings settings);

  /// Checks a password. Repeated failures of one name from one address
  /// (ctx.client_address) make that pair wait (429 too_many_requests, also
  /// for the right password); other addresses are not held up. Unknown and
  /// disabled names are answered exactly like wrong passwords.
  core::Result<LoginResult> Login(const std::string& username, const std::string& password,
                                  const RequestContext& ctx);
  void Logout(const std::string& session_id);
  std::optional<Authenticated> AuthenticateSession(const std::string& session_id);
  std::optional<Authenticated> AuthenticateToken(const std::string& token);
  /// The same from memory only (never blocks on the database): a token that
  /// authenticated recently, unless users or tokens changed since in this
  /// process. Across replicas a revocation takes effect within kTokenCacheMs.
  std::optional<Authenticated> CachedToken(const std::string& token);
  static constexpr core::Millis kTokenCacheMs = 5'000;

  /// Creates the admin user when no user exists. Returns the password used
  /// (`password` or a generated one) when it created the user.
  std::optional<std::string> BootstrapAdmin(const std::string& username,
                                            const std::optional<std::string>& password);

  core::Result<store::UserRecord> CreateUser(const RequestContext& ctx,
                                             const CreateUserCommand& command);
  core::Result<store::UserRecord> GetUser(const std::string& ref);
  core::Result<std::vector<store::UserRecord>> ListUsers(const store::UserQuery& query);
  /// Conflict when `command.version` is not the user's; the version stays when nothing changes.
  core::Result<store::UserRecord> UpdateUser(const RequestContext& ctx, const std::string& ref,
                                             const UpdateUserCommand& command);
  core::Status ResetPassword(const RequestContext& ctx, const std::string& ref,
                             const ResetPasswordCommand& command);
  /// A wrong current password counts as a failed login (and shares its backoff).
  core::Status ChangePassword(const RequestContext& ctx, const ChangePasswordCommand& command);

  core::Result<CreatedToken> CreateToken(const RequestContext& ctx,
                                         const CreateTokenCommand& command);
  /// The caller's tokens; admins may list another user's (`username`) or everyone's ("*").
  core::Result<std::vector<store::TokenRecord>> ListTokens(const RequestContext& ctx,
                                                           const std::string& username);
  core::Status RevokeToken(const RequestContext& ctx, std::int64_t id);

 private:
  std::optional<core::Error> CheckPassword(const std::string& password) const;
  /// 429 while the (name, address) pair waits after failures; nothing otherwise.
  std::optional<core::Error> CheckBackoff(const std::string& username, const std::string& address);
  /// Counts one more failure of the pair and sets its wait.
  void RecordFailure(store::Tx& tx, const std::string& username, const std::string& address);
  /// Ends the user's sessions and API tokens (password reset, disable).
  void EndAccess(store::Tx& tx, std::int64_t user_id);
  bool ShouldTouch(std::int64_t token_id, core::Millis now);
  /// Passes a mutation's result through; a success empties the token cache.
  template <class T>
  T Noted(T result) {
    if (result.ok()) ForgetTokens();
    return result;
  }
  void ForgetTokens();

  struct CachedAuth {
    Authenticated auth;
    core::Millis expires_at;
  };

  store::Database& db_;
  const core::Clock& clock_;
  IdentitySettings settings_;
  std::string dummy_hash_;  ///< verified against for unknown users: same timing
  std::mutex touch_mutex_;
  std::map<std::int64_t, core::Millis> last_touch_;
  std::mutex token_cache_mutex_;
  std::map<std::string, CachedAuth> token_cache_;  ///< by token hash
  /// Bumped by ForgetTokens: a lookup that raced with a change caches nothing.
  std::uint64_t token_generation_ = 0;
};

}  // namespace slipway::services
