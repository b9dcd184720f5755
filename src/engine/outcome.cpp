#include "engine/outcome.hpp"

#include <utility>

namespace slipway::engine {

StepOutcome StepOutcome::WithCommit(CommitFn fn) && {
  on_commit = std::move(fn);
  return std::move(*this);
}

StepOutcome Succeeded(boost::json::value output) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kSucceeded;
  outcome.output = std::move(output);
  return outcome;
}

StepOutcome Transient(std::string message) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kTransient;
  outcome.message = std::move(message);
  return outcome;
}

StepOutcome Terminal(std::string message) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kTerminal;
  outcome.message = std::move(message);
  return outcome;
}

StepOutcome SleepUntil(core::Millis wake_at, boost::json::value scratch) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kSleep;
  outcome.wake_at = wake_at;
  outcome.scratch = std::move(scratch);
  return outcome;
}

StepOutcome WaitSignal(std::string name, boost::json::value scratch, core::Millis deadline) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kWaitSignal;
  outcome.signal = std::move(name);
  outcome.scratch = std::move(scratch);
  outcome.wake_at = deadline;
  return outcome;
}

StepOutcome StartChildren(std::vector<ChildSpec> children, boost::json::value scratch) {
  StepOutcome outcome;
  outcome.kind = StepOutcome::Kind::kStartChildren;
  outcome.children = std::move(children);
  outcome.scratch = std::move(scratch);
  return outcome;
}

}  // namespace slipway::engine
