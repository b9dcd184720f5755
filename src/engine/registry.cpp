#include "engine/registry.hpp"

#include <set>
#include <stdexcept>
#include <utility>

namespace slipway::engine {

void Registry::Add(WorkflowDefinition definition) {
  if (definition.kind.empty()) throw std::invalid_argument("workflow kind must not be empty");
  if (definition.steps.empty()) {
    throw std::invalid_argument("workflow kind " + definition.kind + " has no steps");
  }
  std::set<std::string> names;
  for (const StepDefinition& step : definition.steps) {
    if (!step.handler) {
      throw std::invalid_argument("step " + step.name + " of " + definition.kind +
                                  " has no handler");
    }
    if (!names.insert(step.name).second) {
      throw std::invalid_argument("workflow kind " + definition.kind + " repeats step " +
                                  step.name);
    }
  }
  std::string kind = definition.kind;
  if (!definitions_.emplace(kind, std::move(definition)).second) {
    throw std::invalid_argument("workflow kind " + kind + " is already registered");
  }
}

const WorkflowDefinition* Registry::Find(std::string_view kind) const {
  auto it = definitions_.find(kind);
  return it == definitions_.end() ? nullptr : &it->second;
}

}  // namespace slipway::engine
