#include "engine/workflow_store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <random>
#include <string>

namespace slipway::engine {
namespace {

std::string NewWorkflowId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "wf_";
  for (int i = 0; i < 24; ++i) id.push_back(kHex[random() % 16]);
  return id;
}

template <class T>
std::optional<T> OptInt(const store::Row& row, std::string_view column) {
  if (row.IsNull(column)) return std::nullopt;
  return static_cast<T>(row.Int(column));
}

boost::json::value OptJson(const store::Row& row, std::string_view column) {
  auto text = row.OptText(column);
  return text ? boost::json::parse(*text) : boost::json::value(nullptr);
}

Step ReadStep(const store::Row& row) {
  Step step;
  step.id = row.Int("id");
  step.index = static_cast<int>(row.Int("idx"));
  step.name = row.Text("name");
  step.state = ParseStepState(row.Text("state"));
  step.attempt = static_cast<int>(row.Int("attempt"));
  step.failures = static_cast<int>(row.Int("failures"));
  step.run_after = row.Int("run_after");
  step.lease_owner = row.OptText("lease_owner");
  step.lease_until = OptInt<core::Millis>(row, "lease_until");
  step.wait_signal = row.OptText("wait_signal");
  step.scratch = OptJson(row, "scratch");
  step.output = OptJson(row, "output");
  step.error = row.OptText("error");
  step.started_at = OptInt<core::Millis>(row, "started_at");
  step.finished_at = OptInt<core::Millis>(row, "finished_at");
  return step;
}

// Locks the workflow row (first, as every writer does) if it is running.
bool TouchRunning(store::Tx& tx, std::string_view id, core::Millis now) {
  return tx.Exec(
             "UPDATE workflows SET updated_at = ?, version = version + 1 "
             "WHERE id = ? AND state = 'running'",
             {now, std::string(id)}) == 1;
}

core::Error NotRunning(store::Tx& tx, std::string_view id) {
  auto row = tx.QueryOne("SELECT state FROM workflows WHERE id = ?", {std::string(id)});
  if (!row) return core::NotFound("no workflow " + std::string(id));
  return core::Conflict("workflow " + std::string(id) + " is already " + row->Text("state"),
                        {{"state", row->Text("state")}});
}

// Why a signal `name` finds no step waiting for it in running workflow `id`.
core::Error NotWaitingFor(store::Tx& tx, std::string_view id, std::string_view name) {
  auto current = tx.QueryOne(
      "SELECT name, state, wait_signal FROM workflow_steps WHERE workflow_id = ? "
      "AND state IN ('pending', 'running', 'waiting') ORDER BY idx DESC",
      {std::string(id)});
  boost::json::object details{{"signal", std::string(name)}, {"waiting_for", nullptr}};
  if (current) {
    details["step"] = current->Text("name");
    details["step_state"] = current->Text("state");  // pending: it runs soon anyway
  }
  if (current && current->Text("state") == "waiting" && current->IsNull("wait_signal")) {
    return core::Conflict("workflow " + std::string(id) + " waits for its child workflows (step " +
                              current->Text("name") + "), not for a signal",
                          std::move(details));
  }
  if (current && current->Text("state") == "waiting") {
    details["waiting_for"] = current->Text("wait_signal");
    return core::Conflict("workflow " + std::string(id) + " waits for signal '" +
                              current->Text("wait_signal") + "', not '" + std::string(name) + "'",
                          std::move(details));
  }
  return core::Conflict("workflow " + std::string(id) + " is not waiting for a signal (step " +
                            (current ? current->Text("name") + " is " + current->Text("state")
                                     : std::string("none active")) +
                            ")",
                        std::move(details));
}

}  // namespace

std::string InsertWorkflow(store::Tx& tx, const WorkflowDefinition& definition,
                           std::string_view subject, const boost::json::value& input,
                           core::Millis now, const std::optional<ParentLink>& parent,
                           int child_index) {
  std::string id = NewWorkflowId();
  store::Param parent_id = nullptr, parent_step = nullptr, index = nullptr;
  if (parent) {
    parent_id = parent->workflow_id;
    parent_step = std::int64_t{parent->step};
    index = std::int64_t{child_index};
  }
  tx.Exec(
      "INSERT INTO workflows (id, kind, subject, state, input, created_at, updated_at, "
      "parent_id, parent_step, child_index) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
      {id, definition.kind, std::string(subject), boost::json::serialize(input), now, now,
       parent_id, parent_step, index});
  tx.Exec(
      "INSERT INTO workflow_steps (workflow_id, idx, name, state, run_after) "
      "VALUES (?, 0, ?, 'pending', ?)",
      {id, definition.steps.front().name, now});
  return id;
}

std::optional<Workflow> LoadWorkflow(store::Tx& tx, std::string_view id) {
  auto row = tx.QueryOne(
      "SELECT id, kind, subject, state, input, error, created_at, updated_at, version, "
      "parent_id, parent_step FROM workflows WHERE id = ?",
      {std::string(id)});
  if (!row) return std::nullopt;
  Workflow workflow;
  workflow.id = row->Text("id");
  workflow.kind = row->Text("kind");
  workflow.subject = row->Text("subject");
  workflow.state = ParseWorkflowState(row->Text("state"));
  workflow.input = boost::json::parse(row->Text("input"));
  workflow.error = row->OptText("error");
  workflow.created_at = row->Int("created_at");
  workflow.updated_at = row->Int("updated_at");
  workflow.version = row->Int("version");
  workflow.parent_id = row->OptText("parent_id");
  workflow.parent_step = OptInt<int>(*row, "parent_step");
  for (const store::Row& step : tx.Query(
           "SELECT * FROM workflow_steps WHERE workflow_id = ? ORDER BY idx", {std::string(id)})) {
    workflow.steps.push_back(ReadStep(step));
  }
  workflow.children = LoadChildren(tx, id);
  return workflow;
}

core::Status CancelWorkflow(store::Tx& tx, std::string_view id, std::string_view reason,
                            core::Millis now) {
  // A child's end may wake its parent: its row is locked first.
  const std::optional<ParentLink> parent = FindParent(tx, id);
  if (parent) LockWorkflowRow(tx, parent->workflow_id);
  if (!MarkCancelled(tx, id, reason, now)) return NotRunning(tx, id);
  CancelRunningChildren(
      tx, id, "parent workflow " + std::string(id) + " was cancelled: " + std::string(reason), now);
  if (parent) WakeParentIfLastChild(tx, *parent, now);
  return core::Ok{};
}

core::Status SignalWorkflow(store::Tx& tx, std::string_view id, std::string_view name,
                            const boost::json::value& payload, core::Millis now) {
  if (!TouchRunning(tx, id, now)) return NotRunning(tx, id);
  if (tx.Exec("UPDATE workflow_steps SET state = 'pending', run_after = ?, signal_payload = ? "
              "WHERE workflow_id = ? AND state = 'waiting' AND wait_signal = ?",
              {now, boost::json::serialize(payload), std::string(id), std::string(name)}) == 1) {
    return core::Ok{};
  }
  return NotWaitingFor(tx, id, name);
}

core::Result<Notified> NotifyWorkflow(store::Tx& tx, std::string_view id, std::string_view name,
                                      const boost::json::value& payload, core::Millis now) {
  core::Status signalled = SignalWorkflow(tx, id, name, payload, now);
  if (signalled.ok()) return Notified::kResumed;
  // The latest news wins: a run that ends waiting for it sees this payload.
  if (tx.Exec("UPDATE workflow_steps SET queued_signal = ?, queued_payload = ? "
              "WHERE workflow_id = ? AND state = 'running'",
              {std::string(name), boost::json::serialize(payload), std::string(id)}) == 1) {
    return Notified::kKept;
  }
  return signalled.error();
}

std::optional<core::Result<Notified>> NotifyFromRead(store::Tx& tx, std::string_view id,
                                                     std::string_view name,
                                                     const boost::json::value& payload) {
  auto workflow = tx.QueryOne("SELECT state FROM workflows WHERE id = ?", {std::string(id)});
  if (!workflow || workflow->Text("state") != "running") return NotRunning(tx, id);
  auto step = tx.QueryOne(
      "SELECT state, queued_signal, queued_payload FROM workflow_steps "
      "WHERE workflow_id = ? AND state IN ('pending', 'running')",
      {std::string(id)});
  if (!step) return std::nullopt;  // waiting: a write delivers it
  if (step->Text("state") == "pending") return NotWaitingFor(tx, id, name);
  if (step->OptText("queued_signal") == name &&
      step->OptText("queued_payload") == boost::json::serialize(payload)) {
    return Notified::kKept;  // the same news, kept already
  }
  return std::nullopt;
}

}  // namespace slipway::engine
