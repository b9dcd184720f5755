#include "engine/child_store.hpp"

#include <boost/json/parse.hpp>

namespace slipway::engine {

std::optional<ParentLink> FindParent(store::Tx& tx, std::string_view id) {
  auto row =
      tx.QueryOne("SELECT parent_id, parent_step FROM workflows WHERE id = ?", {std::string(id)});
  if (!row || row->IsNull("parent_id")) return std::nullopt;
  return ParentLink{row->Text("parent_id"), static_cast<int>(row->Int("parent_step"))};
}

void LockWorkflowRow(store::Tx& tx, std::string_view id) {
  if (tx.dialect() != store::Dialect::kPostgres) return;
  tx.Query("SELECT id FROM workflows WHERE id = ? FOR UPDATE", {std::string(id)});
}

std::int64_t CountRunningChildren(store::Tx& tx, std::string_view parent_id, int step) {
  return tx
      .QueryOne(
          "SELECT COUNT(*) FROM workflows WHERE parent_id = ? AND parent_step = ? "
          "AND state = 'running'",
          {std::string(parent_id), std::int64_t{step}})
      ->Int(0);
}

int NextChildIndex(store::Tx& tx, std::string_view parent_id, int step) {
  return static_cast<int>(tx.QueryOne("SELECT COALESCE(MAX(child_index) + 1, 0) FROM workflows "
                                      "WHERE parent_id = ? AND parent_step = ?",
                                      {std::string(parent_id), std::int64_t{step}})
                              ->Int(0));
}

bool WakeParentIfLastChild(store::Tx& tx, const ParentLink& parent, core::Millis now) {
  if (CountRunningChildren(tx, parent.workflow_id, parent.step) > 0) return false;
  // Only a step waiting without a signal waits for children; a parent that
  // ended meanwhile has no waiting step left.
  if (tx.Exec("UPDATE workflow_steps SET state = 'pending', run_after = ? "
              "WHERE workflow_id = ? AND idx = ? AND state = 'waiting' AND wait_signal IS NULL",
              {now, parent.workflow_id, std::int64_t{parent.step}}) != 1) {
    return false;
  }
  // Readers that watch for changes compare versions.
  tx.Exec("UPDATE workflows SET updated_at = ?, version = version + 1 WHERE id = ?",
          {now, parent.workflow_id});
  return true;
}

bool MarkCancelled(store::Tx& tx, std::string_view id, std::string_view reason, core::Millis now) {
  if (tx.Exec("UPDATE workflows SET state = 'cancelled', error = ?, updated_at = ?, "
              "version = version + 1 WHERE id = ? AND state = 'running'",
              {std::string(reason), now, std::string(id)}) != 1) {
    return false;
  }
  tx.Exec(
      "UPDATE workflow_steps SET state = 'cancelled', lease_owner = NULL, lease_until = NULL, "
      "finished_at = ? WHERE workflow_id = ? AND state IN ('pending', 'running', 'waiting')",
      {now, std::string(id)});
  return true;
}

int CancelRunningChildren(store::Tx& tx, std::string_view id, std::string_view reason,
                          core::Millis now) {
  int cancelled = 0;
  // In a fixed order, parents before their children (see the locking order).
  for (const store::Row& child :
       tx.Query("SELECT id FROM workflows WHERE parent_id = ? AND state = 'running' "
                "ORDER BY parent_step, child_index",
                {std::string(id)})) {
    const std::string child_id = child.Text("id");
    if (!MarkCancelled(tx, child_id, reason, now)) continue;
    cancelled += 1 + CancelRunningChildren(tx, child_id, reason, now);
  }
  return cancelled;
}

std::vector<ChildResult> LoadChildren(store::Tx& tx, std::string_view parent_id) {
  std::vector<ChildResult> children;
  for (const store::Row& row :
       tx.Query("SELECT w.id, w.kind, w.subject, w.parent_step, w.state, w.error, "
                "(SELECT s.output FROM workflow_steps s WHERE s.workflow_id = w.id "
                "AND s.state = 'succeeded' ORDER BY s.idx DESC LIMIT 1) AS result "
                "FROM workflows w WHERE w.parent_id = ? ORDER BY w.parent_step, w.child_index",
                {std::string(parent_id)})) {
    ChildResult child;
    child.id = row.Text("id");
    child.kind = row.Text("kind");
    child.subject = row.Text("subject");
    child.step = static_cast<int>(row.Int("parent_step"));
    child.state = ParseWorkflowState(row.Text("state"));
    child.error = row.OptText("error");
    if (auto result = row.OptText("result")) child.result = boost::json::parse(*result);
    children.push_back(std::move(child));
  }
  return children;
}

}  // namespace slipway::engine
