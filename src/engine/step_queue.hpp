#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::engine {

/// A step leased to one worker. (`step_id`, `attempt`) with the owner is the
/// fencing token every later write of this run must present.
struct Claim {
  std::int64_t step_id = 0;
  std::string workflow_id;
  int index = 0;
  std::string name;
  int attempt = 0;
  int failures = 0;
  boost::json::value scratch;
  std::optional<std::string> signal_name;  ///< set when a signal resumed the step
  boost::json::value signal_payload;
};

/// run_after of a step waiting for a signal without a deadline.
inline constexpr core::Millis kWaitForever = INT64_MAX;

/// Leases one due step to `owner` until `now + lease_ms`, in one statement:
/// a pending step whose run_after has come, a waiting step whose deadline
/// passed (it runs without a signal), or a running step whose lease
/// expired (its worker is presumed dead; that counts as a failure). Returns
/// nothing when no step is due. PostgreSQL workers skip rows others are
/// claiming (SKIP LOCKED); SQLite serializes writers.
std::optional<Claim> ClaimDueStep(store::Database& db, const std::string& owner, core::Millis now,
                                  core::Millis lease_ms);

/// Extends this run's lease to `until`; false when the lease was lost
/// (expired and reclaimed, or the workflow was cancelled).
bool RenewLease(store::Tx& tx, const Claim& claim, const std::string& owner, core::Millis until);

/// The earliest run_after of a pending or waiting step (a waiting step's
/// deadline); nullopt when there is none. Expired leases are not counted:
/// they are the poll's business.
std::optional<core::Millis> NextDueTime(store::Tx& tx);

/// Number of steps a worker could claim at `now`.
std::int64_t CountDueSteps(store::Tx& tx, core::Millis now);

}  // namespace slipway::engine
