#include "engine/workflow.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <stdexcept>
#include <string>
#include <utility>

namespace slipway::engine {
namespace {

constexpr std::array<std::pair<WorkflowState, std::string_view>, 4> kWorkflowStates = {{
    {WorkflowState::kRunning, "running"},
    {WorkflowState::kSucceeded, "succeeded"},
    {WorkflowState::kFailed, "failed"},
    {WorkflowState::kCancelled, "cancelled"},
}};

constexpr std::array<std::pair<StepState, std::string_view>, 6> kStepStates = {{
    {StepState::kPending, "pending"},
    {StepState::kRunning, "running"},
    {StepState::kWaiting, "waiting"},
    {StepState::kSucceeded, "succeeded"},
    {StepState::kFailed, "failed"},
    {StepState::kCancelled, "cancelled"},
}};

template <class Table, class State>
std::string_view NameIn(const Table& table, State state) {
  for (const auto& [value, name] : table) {
    if (value == state) return name;
  }
  throw std::invalid_argument("unknown state");
}

template <class Table>
auto ParseIn(const Table& table, std::string_view name) {
  for (const auto& [value, known] : table) {
    if (known == name) return value;
  }
  throw std::invalid_argument("unknown state " + std::string(name));
}

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}

boost::json::object StepJson(const Step& step) {
  return {
      {"index", step.index},
      {"name", step.name},
      {"state", StateName(step.state)},
      {"attempt", step.attempt},
      {"failures", step.failures},
      {"run_after", step.run_after},
      {"lease_owner", OrNull(step.lease_owner)},
      {"lease_until", OrNull(step.lease_until)},
      {"wait_signal", OrNull(step.wait_signal)},
      {"output", step.output},
      {"error", OrNull(step.error)},
      {"started_at", OrNull(step.started_at)},
      {"finished_at", OrNull(step.finished_at)},
  };
}

boost::json::object ChildJson(const ChildResult& child) {
  return {
      {"id", child.id},
      {"kind", child.kind},
      {"subject", child.subject},
      {"step", child.step},
      {"state", StateName(child.state)},
      {"error", OrNull(child.error)},
  };
}

}  // namespace

std::string_view StateName(WorkflowState state) { return NameIn(kWorkflowStates, state); }
std::string_view StateName(StepState state) { return NameIn(kStepStates, state); }
WorkflowState ParseWorkflowState(std::string_view name) { return ParseIn(kWorkflowStates, name); }
StepState ParseStepState(std::string_view name) { return ParseIn(kStepStates, name); }

boost::json::object ToJson(const Workflow& workflow) {
  boost::json::array steps;
  boost::json::value waiting_for = nullptr;
  for (const Step& step : workflow.steps) {
    steps.push_back(StepJson(step));
    if (step.state == StepState::kWaiting && step.wait_signal) waiting_for = *step.wait_signal;
  }
  boost::json::array children;
  for (const ChildResult& child : workflow.children) children.push_back(ChildJson(child));
  return {
      {"id", workflow.id},
      {"kind", workflow.kind},
      {"subject", workflow.subject},
      {"state", StateName(workflow.state)},
      {"input", workflow.input},
      {"error", OrNull(workflow.error)},
      {"waiting_for", waiting_for},
      {"created_at", workflow.created_at},
      {"updated_at", workflow.updated_at},
      {"version", workflow.version},
      {"steps", std::move(steps)},
      {"parent_id", OrNull(workflow.parent_id)},
      {"children", std::move(children)},
  };
}

}  // namespace slipway::engine
