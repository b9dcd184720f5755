#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"

namespace slipway::engine {

enum class WorkflowState { kRunning, kSucceeded, kFailed, kCancelled };

enum class StepState {
  kPending,  ///< due at run_after (also: sleeping until a timer)
  kRunning,  ///< leased by a worker until lease_until
  kWaiting,  ///< waiting for the signal named in wait_signal
  kSucceeded,
  kFailed,
  kCancelled,
};

/// What Engine::Notify did with a signal.
enum class Notified {
  kResumed,  ///< the step waited for it and is due now
  kKept,     ///< the step is running: it is due again as soon as that run waits for the signal
};

/// Stable names, as stored in the database and shown by the API.
std::string_view StateName(WorkflowState state);
std::string_view StateName(StepState state);
/// Throws std::invalid_argument for an unknown name.
WorkflowState ParseWorkflowState(std::string_view name);
StepState ParseStepState(std::string_view name);

/// One step row. A step keeps its row across retries and re-runs; the next
/// step's row is inserted when this one succeeds.
struct Step {
  std::int64_t id = 0;
  int index = 0;
  std::string name;
  StepState state = StepState::kPending;
  int attempt = 0;   ///< runs started so far (also the lease's fencing token)
  int failures = 0;  ///< transient failures and lost workers since the last progress
  core::Millis run_after = 0;
  std::optional<std::string> lease_owner;
  std::optional<core::Millis> lease_until;
  std::optional<std::string> wait_signal;
  boost::json::value scratch;
  boost::json::value output;
  std::optional<std::string> error;
  std::optional<core::Millis> started_at;
  std::optional<core::Millis> finished_at;
};

/// A child workflow as its parent sees it (StepContext::children,
/// Workflow::children).
struct ChildResult {
  std::string id;
  std::string kind;
  std::string subject;
  int step = 0;  ///< index of the parent's step that started it
  WorkflowState state = WorkflowState::kRunning;
  std::optional<std::string> error;  ///< why it failed or was cancelled
  /// Output of the child's last succeeded step (for a succeeded child: its
  /// final step's output); null when no step succeeded.
  boost::json::value result;
};

struct Workflow {
  std::string id;
  std::string kind;
  std::string subject;
  WorkflowState state = WorkflowState::kRunning;
  boost::json::value input;
  std::optional<std::string> error;
  core::Millis created_at = 0;
  core::Millis updated_at = 0;
  std::int64_t version = 0;
  std::vector<Step> steps;  ///< by index
  /// Set for a workflow started by another's StartChildren: that workflow,
  /// and the index of the step that waits for this one.
  std::optional<std::string> parent_id;
  std::optional<int> parent_step;
  std::vector<ChildResult> children;  ///< every child it started, in the order asked for
};

/// The API shape (GET /api/v1/workflows/{id}): times are milliseconds since
/// the epoch; `waiting_for` names the signal the workflow waits for, or null
/// (a step `waiting` without `wait_signal` waits for its children);
/// `parent_id` is null unless it is a child; `children` lists the children's
/// id, kind, subject, step, state and error.
boost::json::object ToJson(const Workflow& workflow);

}  // namespace slipway::engine
