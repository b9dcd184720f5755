#pragma once
#include <stdexcept>
#include <string>

#include "core/common/clock.hpp"
#include "engine/outcome.hpp"
#include "engine/registry.hpp"
#include "engine/retry_policy.hpp"
#include "engine/step_queue.hpp"
#include "store/database.hpp"

namespace slipway::engine {

/// Where a step's result is recorded from: who ran it, when, and the rules.
struct CommitScope {
  const Claim* claim = nullptr;
  const std::string* owner = nullptr;
  const WorkflowDefinition* definition = nullptr;
  const Registry* registry = nullptr;  ///< resolves the kinds of children started
  const RetryPolicy* retry = nullptr;
  core::Millis now = 0;
};

/// The result may not be recorded: the workflow is no longer running, or
/// this worker lost the step's lease (it expired and another worker claimed
/// the step). Whatever the transaction wrote must be rolled back.
class Fenced : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The outcome's commit callback threw (its message is kept); the
/// transaction must be rolled back.
class CommitCallbackFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Records `outcome` in `tx` (the caller commits): updates the step, inserts
/// the next step or finishes the workflow, then runs the outcome's commit
/// callback. StartChildren inserts the children (their kinds must be in
/// the registry) and leaves the step waiting until they all ended; a child
/// that ends makes its parent's waiting step due when it was the last one.
/// Returns true when other workers should look for work after the commit
/// (children started, a parent woken). Throws Fenced unless the workflow is
/// still running and this worker still holds the step's lease for this
/// attempt; throws CommitCallbackFailed when the callback throws; DbError
/// passes through.
bool RecordOutcome(store::Tx& tx, const CommitScope& scope, const StepOutcome& outcome);

}  // namespace slipway::engine
