#pragma once
// Failed logins per (user name, client address) pair: the state of the login
// backoff (core/login_backoff.hpp), shared by every replica.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::store {

struct LoginFailures {
  std::string username;  ///< lower-cased, as typed: known user or not
  std::string address;   ///< the client's IP address
  std::int64_t failures = 0;
  core::Millis last_failure_at = 0;
  core::Millis blocked_until = 0;
};

namespace login_failures {
std::optional<LoginFailures> Get(Tx& tx, const std::string& username, const std::string& address);
/// Inserts or replaces the pair's row.
void Put(Tx& tx, const LoginFailures& row);
void Clear(Tx& tx, const std::string& username, const std::string& address);
/// Every address's row for `username` (a password reset starts them over).
void ClearUser(Tx& tx, const std::string& username);
/// Rows whose last failure is older than `before`: they would start over anyway.
void DeleteQuietSince(Tx& tx, core::Millis before);
}  // namespace login_failures

}  // namespace slipway::store
