#include "core/releases/baseline_config.hpp"

#include <map>

#include "core/config/config_file.hpp"
#include "core/config/properties.hpp"

namespace slipway::core {

const char* ConfigChangeKind(const ConfigFileChange& change) {
  return !change.before ? "added" : !change.after ? "removed" : "changed";
}

ConfigFileChange DiffConfigFile(const std::string& name, const ConfigSide& before,
                                const ConfigSide& after) {
  ConfigFileChange c;
  c.name = name;
  c.before = before;
  c.after = after;
  if ((before && !before->content) || (after && !after->content))
    return c;  // over the cap: hashes only
  c.content_known = true;
  const std::string from = before ? *before->content : "";
  const std::string to = after ? *after->content : "";
  if (ConfigFormatOf(name) == ConfigFormat::kProperties) {
    auto parsed_from = ParseProperties(from);
    auto parsed_to = ParseProperties(to);
    if (parsed_from.ok() && parsed_to.ok()) {
      c.by_key = true;
      c.keys = DiffKeys(PropertiesMap(*parsed_from), PropertiesMap(*parsed_to));
      return c;
    }
  }
  c.lines = DiffLines(from, to);
  c.unified = UnifiedDiff(c.lines, before ? "before" : "/dev/null", after ? "after" : "/dev/null");
  return c;
}

std::vector<ConfigFileChange> DiffConfigFiles(const std::vector<BaselineConfigFile>& before,
                                              const std::vector<BaselineConfigFile>& after) {
  std::map<std::string, std::pair<ConfigSide, ConfigSide>> files;
  for (const auto& f : before) files[f.name].first = f;
  for (const auto& f : after) files[f.name].second = f;
  std::vector<ConfigFileChange> out;
  for (const auto& [name, sides] : files) {
    const auto& [a, b] = sides;
    if (a && b && a->hash == b->hash) continue;
    out.push_back(DiffConfigFile(name, a, b));
  }
  return out;
}

}  // namespace slipway::core
