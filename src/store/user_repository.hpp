#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/identity/roles.hpp"
#include "store/database.hpp"

namespace slipway::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  core::Role role = core::Role::kViewer;
  std::string password_hash;
  bool disabled = false;
  core::Millis created_at = 0;
  core::Millis updated_at = 0;
  std::int64_t version = 1;
};

struct UserQuery {
  std::string role;
  std::string text;  ///< substring of username or display name
  std::optional<bool> disabled;
  int limit = 50;
  std::optional<std::string> after_username;
};

struct SessionRecord {
  std::string id_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  core::Millis created_at = 0;
  core::Millis expires_at = 0;
};

struct TokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  core::Millis created_at = 0;
  std::optional<core::Millis> expires_at;
  std::optional<core::Millis> last_used_at;
  std::optional<core::Millis> revoked_at;
};

/// Users, sessions and API tokens. Every function runs in the caller's transaction.
namespace users {
std::int64_t Insert(Tx& tx, const UserRecord& user);  ///< UniqueViolation on a taken username
std::optional<UserRecord> Get(Tx& tx, std::int64_t id);
/// Names are compared without regard to case (they are unique that way).
std::optional<UserRecord> GetByName(Tx& tx, const std::string& username);
/// By numeric id or by username (API paths accept either).
std::optional<UserRecord> GetByRef(Tx& tx, const std::string& ref);
/// Writes every mutable field if the stored version is `user.version - 1`.
bool Update(Tx& tx, const UserRecord& user);
std::vector<UserRecord> List(Tx& tx, const UserQuery& query);  ///< up to limit + 1 rows
std::int64_t Count(Tx& tx);
}  // namespace users

namespace sessions {
void Insert(Tx& tx, const SessionRecord& session);
std::optional<SessionRecord> Get(Tx& tx, const std::string& id_hash);
void Delete(Tx& tx, const std::string& id_hash);
void DeleteForUser(Tx& tx, std::int64_t user_id);
void DeleteExpired(Tx& tx, core::Millis now);
}  // namespace sessions

namespace tokens {
std::int64_t Insert(Tx& tx, const TokenRecord& token);
std::optional<TokenRecord> GetByHash(Tx& tx, const std::string& token_hash);
std::optional<TokenRecord> Get(Tx& tx, std::int64_t id);
/// Tokens of one user (all users when user_id is 0), newest first, revoked ones excluded.
std::vector<TokenRecord> List(Tx& tx, std::int64_t user_id);
bool Revoke(Tx& tx, std::int64_t id, core::Millis now);
/// Revokes every live token of one user; returns how many.
std::int64_t RevokeForUser(Tx& tx, std::int64_t user_id, core::Millis now);
void Touch(Tx& tx, std::int64_t id, core::Millis now);
}  // namespace tokens

}  // namespace slipway::store
