#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace slipway::connectors {

/// What makes a loaded YAML document ambiguous, and the line (1-based) where.
struct YamlKeyProblem {
  std::string message;
  int line = 1;
};

/// Finds a mapping, anywhere under `node`, that names a key twice. YAML
/// requires keys to be unique, but yaml-cpp keeps both entries and its
/// lookups answer the first, so what a check reads and what another reader
/// (kubectl, the application reading its config file) uses could differ.
/// Also refuses documents whose aliases expand beyond a million nodes,
/// which the walk would otherwise follow.
std::optional<YamlKeyProblem> FindRepeatedKey(const YAML::Node& node);

}  // namespace slipway::connectors
