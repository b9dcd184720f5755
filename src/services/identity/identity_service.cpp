#include "services/identity/identity_service.hpp"

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"
#include "services/platform/audit_log.hpp"
#include "store/login_failure_repository.hpp"

namespace slipway::services {

using core::Error;
using core::Result;
using store::TxMode;

namespace {
constexpr core::Millis kTouchEveryMs = 60'000;  // last_used_at is coarse: no write per request
constexpr std::string_view kTokenPrefix = "swt_";
}  // namespace

IdentityService::IdentityService(store::Database& db, const core::Clock& clock,
                                 IdentitySettings settings)
    : db_(db),
      clock_(clock),
      settings_(settings),
      dummy_hash_(settings.hasher.Hash(RandomHex(16))) {}

std::optional<Error> IdentityService::CheckPassword(const std::string& password) const {
  if (password.size() < settings_.min_password_length) {
    return core::Invalid("password must be at least " +
                             std::to_string(settings_.min_password_length) + " characters",
                         {{"field", "password"}, {"rule", "too short"}});
  }
  if (password.size() > 256) return core::Invalid("password is too long", {{"field", "password"}});
  return std::nullopt;
}

std::optional<Error> IdentityService::CheckBackoff(const std::string& username,
                                                   const std::string& address) {
  const auto now = clock_.Now();
  auto row = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    return store::login_failures::Get(tx, core::NameKey(username), address);
  });
  if (!row || row->blocked_until <= now) return std::nullopt;
  return Error{core::Code::kTooManyRequests,
               "too many failed attempts for this user name from your address; try again later",
               {{"retry_after_seconds", (row->blocked_until - now + 999) / 1000}}};
}

void IdentityService::RecordFailure(store::Tx& tx, const std::string& username,
                                    const std::string& address) {
  const auto now = clock_.Now();
  const auto& backoff = settings_.login_backoff;
  store::login_failures::DeleteQuietSince(tx, now - backoff.forget_after_ms);
  const auto key = core::NameKey(username);
  auto row =
      store::login_failures::Get(tx, key, address).value_or(store::LoginFailures{key, address});
  row.failures += 1;
  row.last_failure_at = now;
  row.blocked_until = core::NextAttemptAt(backoff, row.failures, now);
  store::login_failures::Put(tx, row);
}

Result<LoginResult> IdentityService::Login(const std::string& username, const std::string& password,
                                           const RequestContext& request) {
  // Known, unknown and disabled names take the same path: the same backoff,
  // one password hash, one write and the same answer, so that neither the
  // answers nor their timing tell which names exist.
  if (auto waiting = CheckBackoff(username, request.client_address)) return *waiting;
  const auto now = clock_.Now();
  auto user = store::InTx(db_, TxMode::kRead,
                          [&](store::Tx& tx) { return store::users::GetByName(tx, username); });
  const bool usable = user && !user->disabled;
  const bool ok =
      settings_.hasher.Verify(password, usable ? user->password_hash : dummy_hash_) && usable;
  RequestContext ctx{{0, user ? user->username : username, core::Role::kViewer},
                     request.request_id,
                     request.client_address};
  if (!ok) {
    // Committed although the login fails: the count is what slows the next attempts.
    store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
      RecordFailure(tx, username, request.client_address);
      RecordAudit(tx, clock_, ctx, "auth.login", "user", user ? std::to_string(user->id) : "",
                  "failed login from " + request.client_address, "unauthenticated");
    });
    return core::Unauthenticated("wrong username or password");
  }
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<LoginResult> {
    store::login_failures::Clear(tx, core::NameKey(username), request.client_address);
    store::sessions::DeleteExpired(tx, now);
    LoginResult result{RandomHex(32), RandomHex(16), *user, now + settings_.session_ttl_ms};
    store::sessions::Insert(
        tx, {Sha256Hex(result.session_id), user->id, result.csrf_token, now, result.expires_at});
    RecordAudit(tx, clock_, ctx, "auth.login", "user", std::to_string(user->id), "logged in");
    return result;
  });
}

void IdentityService::Logout(const std::string& session_id) {
  store::InTx(db_, TxMode::kWrite,
              [&](store::Tx& tx) { store::sessions::Delete(tx, Sha256Hex(session_id)); });
}

std::optional<Authenticated> IdentityService::AuthenticateSession(const std::string& session_id) {
  if (session_id.empty() || session_id.size() > 128) return std::nullopt;
  const auto now = clock_.Now();
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> std::optional<Authenticated> {
    auto session = store::sessions::Get(tx, Sha256Hex(session_id));
    if (!session || session->expires_at <= now) return std::nullopt;
    auto user = store::users::Get(tx, session->user_id);
    if (!user || user->disabled) return std::nullopt;
    return Authenticated{{user->id, user->username, user->role}, true, session->csrf_token};
  });
}

bool IdentityService::ShouldTouch(std::int64_t token_id, core::Millis now) {
  std::lock_guard lock(touch_mutex_);
  auto& last = last_touch_[token_id];
  if (now - last < kTouchEveryMs) return false;
  last = now;
  return true;
}

std::optional<Authenticated> IdentityService::AuthenticateToken(const std::string& token) {
  if (token.size() > 128 || token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
  const auto now = clock_.Now();
  const auto hash = Sha256Hex(token);
  std::int64_t token_id = 0;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(token_cache_mutex_);
    generation = token_generation_;
  }
  auto found = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> std::optional<Authenticated> {
    auto record = store::tokens::GetByHash(tx, hash);
    if (!record || record->revoked_at || (record->expires_at && *record->expires_at <= now)) {
      return std::nullopt;
    }
    auto user = store::users::Get(tx, record->user_id);
    if (!user || user->disabled) return std::nullopt;
    token_id = record->id;
    return Authenticated{{user->id, user->username, user->role}, false, ""};
  });
  if (found) {
    std::lock_guard lock(token_cache_mutex_);
    if (token_cache_.size() > 10'000) token_cache_.clear();
    if (generation == token_generation_) token_cache_[hash] = {*found, now + kTokenCacheMs};
  }
  if (found && ShouldTouch(token_id, now)) {
    store::InTx(db_, TxMode::kWrite,
                [&](store::Tx& tx) { store::tokens::Touch(tx, token_id, now); });
  }
  return found;
}

std::optional<Authenticated> IdentityService::CachedToken(const std::string& token) {
  if (token.size() > 128 || token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
  const auto hash = Sha256Hex(token);
  std::lock_guard lock(token_cache_mutex_);
  auto it = token_cache_.find(hash);
  if (it == token_cache_.end() || it->second.expires_at <= clock_.Now()) return std::nullopt;
  return it->second.auth;
}

void IdentityService::ForgetTokens() {
  std::lock_guard lock(token_cache_mutex_);
  token_cache_.clear();
  ++token_generation_;
}

std::optional<std::string> IdentityService::BootstrapAdmin(
    const std::string& username, const std::optional<std::string>& password) {
  std::string secret = password.value_or(RandomHex(12));
  auto hash = settings_.hasher.Hash(secret);
  const auto now = clock_.Now();
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> std::optional<std::string> {
    if (store::users::Count(tx) > 0) return std::nullopt;
    store::UserRecord admin;
    admin.username = username;
    admin.display_name = "Administrator";
    admin.role = core::Role::kAdmin;
    admin.password_hash = hash;
    admin.created_at = admin.updated_at = now;
    auto id = store::users::Insert(tx, admin);
    RecordAudit(tx, clock_, {{0, "system", core::Role::kAdmin}, "bootstrap"}, "user.create", "user",
                std::to_string(id), "bootstrap admin " + username);
    return secret;
  });
}

}  // namespace slipway::services
