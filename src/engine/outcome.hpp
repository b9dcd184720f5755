#pragma once
#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::engine {

/// Runs inside the transaction that records a step's result and enqueues the
/// next step, so a step's database effects and the workflow's progress commit
/// together or not at all. Throwing rolls everything back and the step is
/// retried as a transient failure.
using CommitFn = std::function<void(store::Tx &)>;

/// A child workflow a step asks for (see StartChildren).
struct ChildSpec {
  std::string kind;
  std::string subject;
  boost::json::value input;
};

/// What a step handler reports. Failures are values, not exceptions; build
/// one with the functions below.
struct StepOutcome {
  enum class Kind {
    kSucceeded,      ///< the step is done; `output` is kept for later steps
    kTransient,      ///< retry the step after a backoff (`message` says why)
    kTerminal,       ///< the workflow fails with `message`
    kSleep,          ///< run the same step again at `wake_at`
    kWaitSignal,     ///< run the same step again when signal `signal` arrives
    kStartChildren,  ///< start `children`; run the same step again once all of them ended
  };

  Kind kind = Kind::kSucceeded;
  boost::json::value output;        ///< kSucceeded
  std::string message;              ///< kTransient, kTerminal
  core::Millis wake_at = 0;         ///< kSleep; kWaitSignal: give up waiting then (0: never)
  std::string signal;               ///< kWaitSignal
  std::vector<ChildSpec> children;  ///< kStartChildren
  /// kSleep, kWaitSignal, kStartChildren: handed to the next run of the step
  boost::json::value scratch;
  CommitFn on_commit;  ///< optional, for every kind

  /// Attaches a callback that runs in the transaction recording this outcome.
  StepOutcome WithCommit(CommitFn fn) &&;
};

StepOutcome Succeeded(boost::json::value output = nullptr);
StepOutcome Transient(std::string message);
StepOutcome Terminal(std::string message);
/// A timer wait: the step is re-run, with `scratch`, once the clock reaches `wake_at`.
StepOutcome SleepUntil(core::Millis wake_at, boost::json::value scratch = nullptr);
/// A wait for a person or an event: the step is re-run, with `scratch` and
/// the signal's payload, once Engine::Signal(workflow, `name`, payload) is
/// called — or, with a `deadline` (> 0), once the clock reaches it, without
/// a signal (StepContext::signal empty). Deadlines make waits on events that
/// may be missed (watch-driven steps) safe: the step looks again by itself.
StepOutcome WaitSignal(std::string name, boost::json::value scratch = nullptr,
                       core::Millis deadline = 0);
/// Fan-out: starts `children` as workflows of their own (in the transaction
/// that records this outcome, so they exist if and only if it commits) and
/// waits until every child this step started has ended — succeeded, failed
/// or cancelled; the step then runs again with `scratch` and
/// StepContext::children filled in. Starting no children (and none still
/// running from an earlier call) re-runs the step at once. A child's failure
/// does not fail this workflow: the re-run decides. Cancelling this workflow
/// cancels its running children.
StepOutcome StartChildren(std::vector<ChildSpec> children, boost::json::value scratch = nullptr);

}  // namespace slipway::engine
