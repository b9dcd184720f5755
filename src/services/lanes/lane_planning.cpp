#include "services/lanes/lane_planning.hpp"

#include "core/config/config_file.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/lanes/lane_artefacts.hpp"

namespace slipway::services::lanes {

std::vector<core::PlannedArtefact> PlanLaneArtefacts(const PlanSources& sources, const core::Lane& lane,
                                                     const std::vector<ResolvedApp>& apps,
                                                     const std::vector<std::pair<std::string, std::string>>& fallbacks) {
  core::LanePlanInput input;
  input.lane = lane.name;
  input.suffix = sources.lanes.domain_suffix;
  input.hook_url = LaneHookUrl(sources.lanes, sources.address, lane);
  input.fallbacks = fallbacks;
  std::vector<core::PlannedArtefact> unreadable;
  const core::RewriteContext rewrite{lane.namespace_name, sources.lanes.domain_suffix};
  for (const auto& app : apps) {
    auto planned = PlanApp(app, BuildJobPath(app.app, sources.builds));
    if (sources.connections.gitlab) {
      auto project = sources.connections.gitlab->GetProject(planned.project);
      if (project.ok()) planned.default_branch = project->default_branch;
    }
    auto files = OpenConfigFiles(sources.connections, sources.config, BaseConfigTarget(app));
    auto listed = files.ok() ? (*files)->List() : core::Result<std::vector<LiveFile>>(files.error());
    if (!listed.ok()) {
      unreadable.push_back({planned.config_backend, "config-unreadable", planned.base_config, app.app.name,
                            listed.error().message});
    } else {
      for (const auto& file : *listed) {
        const bool properties = core::ConfigFormatOf(file.name) == core::ConfigFormat::kProperties;
        core::RewriteFile(file.name, file.content, properties, sources.lanes.rewrite_rules, rewrite, &planned.rewrites);
      }
    }
    input.apps.push_back(std::move(planned));
  }
  auto plan = core::PlanLane(input);
  plan.insert(plan.end(), unreadable.begin(), unreadable.end());
  return plan;
}

}  // namespace slipway::services::lanes
