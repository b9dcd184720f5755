#include "engine/step_queue.hpp"

#include <boost/json/parse.hpp>
#include <string_view>

namespace slipway::engine {
namespace {

// Repeated in the outer WHERE so a row that stopped being due between the
// subquery and the update (another worker won it) is not taken twice. A
// waiting step is due once its deadline passed (run_after; kWaitForever
// for waits without one).
constexpr std::string_view kDue =
    "((state IN ('pending', 'waiting') AND run_after <= ?) OR (state = 'running' AND lease_until "
    "<= ?))";

std::string ClaimSql(store::Dialect dialect) {
  std::string sql =
      "UPDATE workflow_steps SET state = 'running', attempt = attempt + 1, "
      "failures = failures + CASE WHEN state = 'running' THEN 1 ELSE 0 END, "
      "lease_owner = ?, lease_until = ?, started_at = COALESCE(started_at, ?), "
      // News kept for an earlier run is older than what this run will read.
      "queued_signal = NULL, queued_payload = NULL "
      "WHERE id = (SELECT id FROM workflow_steps WHERE ";
  sql += kDue;
  sql += " ORDER BY run_after, id LIMIT 1";
  if (dialect == store::Dialect::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  sql += ") AND ";
  sql += kDue;
  sql +=
      " RETURNING id, workflow_id, idx, name, attempt, failures, scratch, wait_signal, "
      "signal_payload";
  return sql;
}

}  // namespace

std::optional<Claim> ClaimDueStep(store::Database& db, const std::string& owner, core::Millis now,
                                  core::Millis lease_ms) {
  const std::string sql = ClaimSql(db.dialect());
  auto row = store::InTx(db, store::TxMode::kWrite, [&](store::Tx& tx) {
    return tx.QueryOne(sql, {owner, now + lease_ms, now, now, now, now, now});
  });
  if (!row) return std::nullopt;
  Claim claim;
  claim.step_id = row->Int("id");
  claim.workflow_id = row->Text("workflow_id");
  claim.index = static_cast<int>(row->Int("idx"));
  claim.name = row->Text("name");
  claim.attempt = static_cast<int>(row->Int("attempt"));
  claim.failures = static_cast<int>(row->Int("failures"));
  claim.scratch = boost::json::parse(row->Text("scratch"));
  if (auto payload = row->OptText("signal_payload")) {
    claim.signal_name = row->Text("wait_signal");
    claim.signal_payload = boost::json::parse(*payload);
  }
  return claim;
}

bool RenewLease(store::Tx& tx, const Claim& claim, const std::string& owner, core::Millis until) {
  return tx.Exec(
             "UPDATE workflow_steps SET lease_until = ? "
             "WHERE id = ? AND state = 'running' AND lease_owner = ? AND attempt = ?",
             {until, claim.step_id, owner, std::int64_t{claim.attempt}}) == 1;
}

std::optional<core::Millis> NextDueTime(store::Tx& tx) {
  // Two index range scans on (state, run_after) rather than one IN (…),
  // which SQLite cannot answer from the index in order.
  std::optional<core::Millis> earliest;
  for (const char* state : {"pending", "waiting"}) {
    auto row = tx.QueryOne("SELECT MIN(run_after) FROM workflow_steps WHERE state = ?",
                           {std::string(state)});
    if (!row || row->IsNull(0)) continue;
    const core::Millis at = row->Int(0);
    if (!earliest || at < *earliest) earliest = at;
  }
  return earliest;
}

std::int64_t CountDueSteps(store::Tx& tx, core::Millis now) {
  std::string sql = "SELECT COUNT(*) FROM workflow_steps WHERE ";
  sql += kDue;
  return tx.QueryOne(sql, {now, now})->Int(0);
}

}  // namespace slipway::engine
