#include "connectors/yaml_keys.hpp"

#include <set>
#include <vector>

namespace slipway::connectors {

namespace {

constexpr std::size_t kMaxNodes = 1'000'000;
// Deeper than any configuration file or kubeconfig is nested; yaml-cpp
// parses up to about 2000 levels, but aliases can nest one anchored node in
// another, so the walk bounds its own depth (and with it its stack).
constexpr std::size_t kMaxDepth = 500;

class Walk {
 public:
  std::optional<YamlKeyProblem> Visit(const YAML::Node& node) {
    if (++visited_ > kMaxNodes) {
      return YamlKeyProblem{
          "its aliases expand to more than " + std::to_string(kMaxNodes) + " nodes",
          node.Mark().line + 1};
    }
    if (path_.size() >= kMaxDepth) return TooDeep(node);
    path_.push_back(node);
    auto problem = VisitChildren(node);
    path_.pop_back();
    return problem;
  }

 private:
  std::optional<YamlKeyProblem> VisitChildren(const YAML::Node& node) {
    if (node.IsSequence()) {
      for (const auto& item : node) {
        if (auto problem = Visit(item)) return problem;
      }
    } else if (node.IsMap()) {
      std::set<std::string> keys;
      for (const auto& kv : node) {
        // A key that is itself a mapping or sequence is walked before it is
        // printed: printing a node that contains itself would never end.
        if (!kv.first.IsScalar()) {
          if (auto problem = Visit(kv.first)) return problem;
        }
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : YAML::Dump(kv.first);
        if (!keys.insert(key).second) {
          return YamlKeyProblem{"the key \"" + key + "\" appears twice in one mapping",
                                kv.first.Mark().line + 1};
        }
        if (auto problem = Visit(kv.second)) return problem;
      }
    }
    return std::nullopt;
  }

  // An alias inside the very node it names (`a: &a {b: *a}`) nests it in
  // itself without end; say so rather than only "too deep".
  std::optional<YamlKeyProblem> TooDeep(const YAML::Node& node) const {
    for (std::size_t i = 0; i < path_.size(); ++i) {
      for (std::size_t j = i + 1; j < path_.size(); ++j) {
        if (path_[i].is(path_[j])) {
          return YamlKeyProblem{"an alias refers to a node that contains it",
                                path_[i].Mark().line + 1};
        }
      }
    }
    return YamlKeyProblem{"it is nested more than " + std::to_string(kMaxDepth) + " levels deep",
                          node.Mark().line + 1};
  }

  std::size_t visited_ = 0;
  std::vector<YAML::Node> path_;  ///< from the root to the node being visited
};

}  // namespace

std::optional<YamlKeyProblem> FindRepeatedKey(const YAML::Node& node) { return Walk().Visit(node); }

}  // namespace slipway::connectors
