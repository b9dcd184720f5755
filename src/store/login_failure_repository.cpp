#include "store/login_failure_repository.hpp"

namespace slipway::store::login_failures {

std::optional<LoginFailures> Get(Tx& tx, const std::string& username, const std::string& address) {
  auto row = tx.QueryOne(
      "SELECT username, address, failures, last_failure_at, blocked_until FROM login_failures "
      "WHERE username = ? AND address = ?",
      {username, address});
  if (!row) return std::nullopt;
  return LoginFailures{row->Text(0), row->Text(1), row->Int(2), row->Int(3), row->Int(4)};
}

void Put(Tx& tx, const LoginFailures& r) {
  // One statement, so two replicas counting the same pair at once cannot
  // both insert.
  tx.Exec(
      "INSERT INTO login_failures (username, address, failures, last_failure_at, blocked_until) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (username, address) DO UPDATE SET "
      "failures = excluded.failures, last_failure_at = excluded.last_failure_at, "
      "blocked_until = excluded.blocked_until",
      {r.username, r.address, r.failures, r.last_failure_at, r.blocked_until});
}

void Clear(Tx& tx, const std::string& username, const std::string& address) {
  tx.Exec("DELETE FROM login_failures WHERE username = ? AND address = ?", {username, address});
}

void ClearUser(Tx& tx, const std::string& username) {
  tx.Exec("DELETE FROM login_failures WHERE username = ?", {username});
}

void DeleteQuietSince(Tx& tx, core::Millis before) {
  tx.Exec("DELETE FROM login_failures WHERE last_failure_at < ?", {before});
}

}  // namespace slipway::store::login_failures
