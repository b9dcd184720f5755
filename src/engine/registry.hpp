#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/outcome.hpp"
#include "engine/step_context.hpp"

namespace slipway::engine {

/// A step's work. It may run more than once (retries, crashes, timer and
/// signal waits), so it must read the world first and only then act.
using StepHandler = std::function<StepOutcome(StepContext&)>;

struct StepDefinition {
  std::string name;
  StepHandler handler;
};

/// A workflow kind: its steps run one after another, in this order.
struct WorkflowDefinition {
  std::string kind;
  std::vector<StepDefinition> steps;
};

/// The workflow kinds a process knows. Filled once at start, then read-only.
class Registry {
 public:
  /// Adds a kind. Throws std::invalid_argument when the kind is already
  /// registered, has no steps, or repeats a step name (outputs are keyed by name).
  void Add(WorkflowDefinition definition);

  /// The definition of `kind`, or nullptr when this process does not know it.
  const WorkflowDefinition* Find(std::string_view kind) const;

 private:
  std::map<std::string, WorkflowDefinition, std::less<>> definitions_;
};

}  // namespace slipway::engine
