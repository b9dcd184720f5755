#include "store/user_repository.hpp"

#include "core/common/names.hpp"
#include "store/like_pattern.hpp"

namespace slipway::store {

namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, password_hash, disabled, created_at, updated_at, version";

UserRecord UserFromRow(const Row& r) {
  UserRecord u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.role = core::ParseRole(r.Text(3)).value_or(core::Role::kViewer);
  u.password_hash = r.Text(4);
  u.disabled = r.Bool(5);
  u.created_at = r.Int(6);
  u.updated_at = r.Int(7);
  u.version = r.Int(8);
  return u;
}

std::optional<core::Millis> OptMillis(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i);
}

Param OptParam(const std::optional<core::Millis>& v) { return v ? Param(*v) : Param(nullptr); }

constexpr const char* kTokenColumns =
    "id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at";

TokenRecord TokenFromRow(const Row& r) {
  return {r.Int(0), r.Int(1),        r.Text(2),       r.Text(3),
          r.Int(4), OptMillis(r, 5), OptMillis(r, 6), OptMillis(r, 7)};
}

}  // namespace

namespace users {

std::int64_t Insert(Tx& tx, const UserRecord& u) {
  return tx
      .QueryOne(
          "INSERT INTO users (username, display_name, role, password_hash, disabled, "
          "created_at, updated_at, version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
          {u.username, u.display_name, std::string(core::RoleName(u.role)), u.password_hash,
           std::int64_t(u.disabled), u.created_at, u.updated_at})
      ->Int(0);
}

std::optional<UserRecord> Get(Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return UserFromRow(*row);
}

std::optional<UserRecord> GetByName(Tx& tx, const std::string& username) {
  auto row = tx.QueryOne(
      std::string("SELECT ") + kUserColumns + " FROM users WHERE lower(username) = lower(?)",
      {username});
  if (!row) return std::nullopt;
  return UserFromRow(*row);
}

std::optional<UserRecord> GetByRef(Tx& tx, const std::string& ref) {
  if (auto id = core::ParseId(ref)) return Get(tx, *id);
  return GetByName(tx, ref);
}

bool Update(Tx& tx, const UserRecord& u) {
  return tx.Exec(
             "UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled = ?, "
             "updated_at = ?, version = ? WHERE id = ? AND version = ?",
             {u.display_name, std::string(core::RoleName(u.role)), u.password_hash,
              std::int64_t(u.disabled), u.updated_at, u.version, u.id, u.version - 1}) == 1;
}

std::vector<UserRecord> List(Tx& tx, const UserQuery& q) {
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users WHERE 1 = 1";
  Params params;
  if (!q.role.empty()) {
    sql += " AND role = ?";
    params.push_back(q.role);
  }
  if (!q.text.empty()) {
    sql += " AND (LOWER(username) LIKE LOWER(?)" + std::string(kLikeEscape) +
           " OR LOWER(display_name) LIKE LOWER(?)" + std::string(kLikeEscape) + ")";
    params.push_back(ContainsPattern(q.text));
    params.push_back(ContainsPattern(q.text));
  }
  if (q.disabled) {
    sql += " AND disabled = ?";
    params.push_back(std::int64_t(*q.disabled));
  }
  if (q.after_username) {
    sql += " AND username > ?";
    params.push_back(*q.after_username);
  }
  sql += " ORDER BY username LIMIT ?";
  params.push_back(std::int64_t(q.limit + 1));
  std::vector<UserRecord> out;
  for (const auto& row : tx.Query(sql, params)) out.push_back(UserFromRow(row));
  return out;
}

std::int64_t Count(Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM users")->Int(0); }

}  // namespace users

namespace sessions {

void Insert(Tx& tx, const SessionRecord& s) {
  tx.Exec(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {s.id_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at});
}

std::optional<SessionRecord> Get(Tx& tx, const std::string& id_hash) {
  auto row = tx.QueryOne(
      "SELECT id_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = ?",
      {id_hash});
  if (!row) return std::nullopt;
  return SessionRecord{row->Text(0), row->Int(1), row->Text(2), row->Int(3), row->Int(4)};
}

void Delete(Tx& tx, const std::string& id_hash) {
  tx.Exec("DELETE FROM sessions WHERE id_hash = ?", {id_hash});
}

void DeleteForUser(Tx& tx, std::int64_t user_id) {
  tx.Exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void DeleteExpired(Tx& tx, core::Millis now) {
  tx.Exec("DELETE FROM sessions WHERE expires_at < ?", {now});
}

}  // namespace sessions

namespace tokens {

std::int64_t Insert(Tx& tx, const TokenRecord& t) {
  return tx
      .QueryOne(
          "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
          "VALUES (?, ?, ?, ?, ?) RETURNING id",
          {t.user_id, t.name, t.token_hash, t.created_at, OptParam(t.expires_at)})
      ->Int(0);
}

std::optional<TokenRecord> GetByHash(Tx& tx, const std::string& token_hash) {
  auto row =
      tx.QueryOne(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ?",
                  {token_hash});
  if (!row) return std::nullopt;
  return TokenFromRow(*row);
}

std::optional<TokenRecord> Get(Tx& tx, std::int64_t id) {
  auto row =
      tx.QueryOne(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return TokenFromRow(*row);
}

std::vector<TokenRecord> List(Tx& tx, std::int64_t user_id) {
  std::string sql =
      std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE revoked_at IS NULL";
  Params params;
  if (user_id != 0) {
    sql += " AND user_id = ?";
    params.push_back(user_id);
  }
  sql += " ORDER BY id DESC";
  std::vector<TokenRecord> out;
  for (const auto& row : tx.Query(sql, params)) out.push_back(TokenFromRow(row));
  return out;
}

bool Revoke(Tx& tx, std::int64_t id, core::Millis now) {
  return tx.Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                 {now, id}) == 1;
}

std::int64_t RevokeForUser(Tx& tx, std::int64_t user_id, core::Millis now) {
  return tx.Exec("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                 {now, user_id});
}

void Touch(Tx& tx, std::int64_t id, core::Millis now) {
  tx.Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, id});
}

}  // namespace tokens

}  // namespace slipway::store
