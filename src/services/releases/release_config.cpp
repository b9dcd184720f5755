#include "services/releases/release_config.hpp"

#include <map>

#include "services/platform/crypto.hpp"

namespace slipway::services {

core::Result<std::unique_ptr<ConfigFiles>> ReleaseConfig::Open(const core::App& app,
                                                               const core::Environment& env,
                                                               const core::Cluster& cluster) const {
  return OpenConfigFiles(connections_, files_,
                         ConfigTarget{app.name, env.env_type, cluster.name,
                                      env.config_backend.value_or(cluster.config_backend)});
}

core::BaselineConfigFile ReleaseConfig::Record(const LiveFile& live) const {
  core::BaselineConfigFile f{live.name, live.version, Sha256Hex(live.content),
                             static_cast<std::int64_t>(live.content.size()), std::nullopt};
  if (f.size <= settings_.baseline_config_max_bytes) f.content = live.content;
  return f;
}

core::Result<std::vector<core::BaselineConfigFile>> ReleaseConfig::Snapshot(
    ConfigFiles& files) const {
  auto live = files.List();
  if (!live.ok()) return live.error();
  std::vector<core::BaselineConfigFile> out;
  for (const auto& file : *live) {
    if (file.exists)
      out.push_back(Record(file));  // an Apollo namespace never released holds nothing live
  }
  return out;
}

std::vector<ConfigRestorePlan> PlanConfigRestore(
    const std::vector<core::BaselineConfigFile>& live,
    const std::vector<core::BaselineConfigFile>& baseline) {
  std::map<std::string, ConfigRestorePlan> plans;
  for (const auto& f : live) plans[f.name].live = f;
  for (const auto& f : baseline) plans[f.name].target = f;
  std::vector<ConfigRestorePlan> out;
  for (auto& [name, p] : plans) {
    p.name = name;
    if (!p.target) {
      // Restoring would mean deleting it; a file someone added is left to them.
      p.action = "not_in_baseline";
    } else if (p.live && p.live->hash == p.target->hash) {
      p.action = "unchanged";
    } else {
      p.action = p.target->content ? "restore" : "not_restorable";
    }
    if (p.action != "unchanged") p.diff = core::DiffConfigFile(name, p.live, p.target);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace slipway::services
