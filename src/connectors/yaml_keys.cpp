#include "connectors/yaml_keys.hpp"

#include <set>

namespace slipway::connectors {

namespace {

constexpr std::size_t kMaxNodes = 1'000'000;

class Walk {
 public:
  std::optional<YamlKeyProblem> Visit(const YAML::Node& node) {
    if (++visited_ > kMaxNodes) {
      return YamlKeyProblem{"its aliases expand to more than " + std::to_string(kMaxNodes) + " nodes",
                            node.Mark().line + 1};
    }
    if (node.IsSequence()) {
      for (const auto& item : node) {
        if (auto problem = Visit(item)) return problem;
      }
    } else if (node.IsMap()) {
      std::set<std::string> keys;
      for (const auto& kv : node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : YAML::Dump(kv.first);
        if (!keys.insert(key).second) {
          return YamlKeyProblem{"the key \"" + key + "\" appears twice in one mapping", kv.first.Mark().line + 1};
        }
        if (auto problem = Visit(kv.second)) return problem;
      }
    }
    return std::nullopt;
  }

 private:
  std::size_t visited_ = 0;
};

}  // namespace

std::optional<YamlKeyProblem> FindRepeatedKey(const YAML::Node& node) { return Walk().Visit(node); }

}  // namespace slipway::connectors
