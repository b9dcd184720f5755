#include "engine/step_commit.hpp"

#include <boost/json/serialize.hpp>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/child_store.hpp"
#include "engine/workflow_store.hpp"

namespace slipway::engine {
namespace {

// The row changes one outcome implies; computed first so the SQL is written once.
struct Transition {
  std::string_view step_state;
  core::Millis run_after = 0;
  int failures = 0;
  std::optional<std::string> wait_signal;
  std::optional<std::string> scratch;  ///< nullopt keeps the stored scratch
  std::optional<std::string> output;
  std::optional<std::string> error;
  bool finished = false;
  std::string_view workflow_state = "running";
  std::optional<std::string> workflow_error;
  bool insert_next = false;
};

store::Param Nullable(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return *text;
}

store::Param FinishedAt(const Transition& t, core::Millis now) {
  if (!t.finished) return nullptr;
  return now;
}

Transition Fail(Transition t, std::string step_error, std::string workflow_error) {
  t.step_state = "failed";
  t.error = std::move(step_error);
  t.finished = true;
  t.workflow_state = "failed";
  t.workflow_error = std::move(workflow_error);
  return t;
}

Transition Plan(const CommitScope& scope, const StepOutcome& outcome) {
  const Claim& claim = *scope.claim;
  Transition t;
  t.run_after = scope.now;
  switch (outcome.kind) {
    case StepOutcome::Kind::kSucceeded: {
      t.step_state = "succeeded";
      t.output = boost::json::serialize(outcome.output);
      t.finished = true;
      const bool last = claim.index + 1 >= static_cast<int>(scope.definition->steps.size());
      t.insert_next = !last;
      if (last) t.workflow_state = "succeeded";
      return t;
    }
    case StepOutcome::Kind::kTransient: {
      t.failures = claim.failures + 1;
      if (scope.retry->Exhausted(t.failures)) {
        // Worded before `t` is handed over (argument order is unspecified).
        std::string reason = "step " + claim.name + " failed " + std::to_string(t.failures) +
                             " times; last error: " + outcome.message;
        return Fail(std::move(t), outcome.message, std::move(reason));
      }
      t.step_state = "pending";
      t.run_after = scope.now + scope.retry->Delay(t.failures);
      t.error = outcome.message;
      return t;
    }
    case StepOutcome::Kind::kTerminal:
      return Fail(std::move(t), outcome.message, outcome.message);
    case StepOutcome::Kind::kSleep:
      t.step_state = "pending";
      t.run_after = outcome.wake_at;
      t.scratch = boost::json::serialize(outcome.scratch);
      return t;
    case StepOutcome::Kind::kWaitSignal:
      t.step_state = "waiting";
      t.wait_signal = outcome.signal;
      t.run_after = outcome.wake_at > 0 ? outcome.wake_at : kWaitForever;
      t.scratch = boost::json::serialize(outcome.scratch);
      return t;
    case StepOutcome::Kind::kStartChildren:
      // Waiting, or due at once when no child runs (RecordOutcome decides
      // once the children are inserted); a wait without a signal name is
      // one for children, which no Signal can end.
      t.step_state = "waiting";
      t.run_after = scope.now + kChildrenRecheckMs;
      t.scratch = boost::json::serialize(outcome.scratch);
      return t;
  }
  return t;
}

// Inserts the children asked for, as children of the claimed step; throws
// std::invalid_argument for a kind the registry does not know.
void InsertChildren(store::Tx& tx, const CommitScope& scope, const std::vector<ChildSpec>& specs) {
  const ParentLink self{scope.claim->workflow_id, scope.claim->index};
  int index = NextChildIndex(tx, self.workflow_id, self.step);
  for (const ChildSpec& spec : specs) {
    const WorkflowDefinition* definition = scope.registry->Find(spec.kind);
    if (definition == nullptr) {
      throw std::invalid_argument("unknown workflow kind " + spec.kind + " for a child");
    }
    InsertWorkflow(tx, *definition, spec.subject, spec.input, scope.now, self, index++);
  }
}

}  // namespace

bool RecordOutcome(store::Tx& tx, const CommitScope& scope, const StepOutcome& outcome) {
  const Claim& claim = *scope.claim;
  Transition t = Plan(scope, outcome);
  bool wake = false;
  // A child that ends may wake its parent; the parent's row is locked before
  // the child's (child_store.hpp, locking order).
  std::optional<ParentLink> parent;
  if (t.workflow_state != "running") {
    parent = FindParent(tx, claim.workflow_id);
    if (parent) LockWorkflowRow(tx, parent->workflow_id);
  }
  // The workflow row first, in every transaction that touches both, so two
  // writers never wait on each other's locks in opposite order.
  if (tx.Exec("UPDATE workflows SET state = ?, error = COALESCE(?, error), updated_at = ?, "
              "version = version + 1 WHERE id = ? AND state = 'running'",
              {std::string(t.workflow_state), Nullable(t.workflow_error), scope.now,
               claim.workflow_id}) != 1) {
    throw Fenced("workflow " + claim.workflow_id + " is no longer running");
  }
  if (outcome.kind == StepOutcome::Kind::kStartChildren) {
    InsertChildren(tx, scope, outcome.children);
    // Counted with this workflow's row locked: a child ending now either
    // committed before (and is not counted) or waits for this commit and
    // then finds the step waiting.
    if (CountRunningChildren(tx, claim.workflow_id, claim.index) == 0) {
      t.step_state = "pending";
      t.run_after = scope.now;
    }
    wake = true;
  }
  if (tx.Exec(
          "UPDATE workflow_steps SET state = ?, run_after = ?, failures = ?, lease_owner = NULL, "
          "lease_until = NULL, wait_signal = ?, signal_payload = NULL, "
          "scratch = COALESCE(?, scratch), output = ?, error = ?, finished_at = ? "
          "WHERE id = ? AND state = 'running' AND lease_owner = ? AND attempt = ?",
          {std::string(t.step_state), t.run_after, std::int64_t{t.failures},
           Nullable(t.wait_signal), Nullable(t.scratch), Nullable(t.output), Nullable(t.error),
           FinishedAt(t, scope.now), claim.step_id, *scope.owner, std::int64_t{claim.attempt}}) !=
      1) {
    throw Fenced("lease on step " + claim.name + " of " + claim.workflow_id + " (attempt " +
                 std::to_string(claim.attempt) + ") was lost");
  }
  if (t.insert_next) {
    const int next = claim.index + 1;
    tx.Exec(
        "INSERT INTO workflow_steps (workflow_id, idx, name, state, run_after) "
        "VALUES (?, ?, ?, 'pending', ?)",
        {claim.workflow_id, std::int64_t{next}, scope.definition->steps[next].name, scope.now});
  }
  if (parent && WakeParentIfLastChild(tx, *parent, scope.now)) wake = true;
  if (outcome.on_commit) {
    try {
      outcome.on_commit(tx);
    } catch (const std::exception& e) {
      throw CommitCallbackFailed(e.what());
    }
  }
  return wake;
}

}  // namespace slipway::engine
