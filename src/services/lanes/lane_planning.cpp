#include "services/lanes/lane_planning.hpp"

#include "core/config/config_file.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_parallel.hpp"

namespace slipway::services::lanes {

namespace {
// The create request waits for the plan: 40 reads for a lane of 20
// applications in two rounds rather than five.
constexpr std::size_t kPlanWidth = 32;
}  // namespace

std::vector<core::PlannedArtefact> PlanLaneArtefacts(
    const PlanSources& sources, const core::Lane& lane, const std::vector<ResolvedApp>& apps,
    const std::vector<std::pair<std::string, std::string>>& fallbacks) {
  core::LanePlanInput input;
  input.lane = lane.name;
  input.suffix = sources.lanes.domain_suffix;
  input.hook_url = LaneHookUrl(sources.lanes, sources.address, lane);
  input.fallbacks = fallbacks;
  std::vector<core::PlannedArtefact> unreadable;
  const core::RewriteContext rewrite{lane.namespace_name, sources.lanes.domain_suffix};
  // Each application's project (default branch) and base config files are
  // read side by side: 2 calls per application, all independent.
  std::vector<core::LanePlanApp> planned;
  for (const auto& app : apps)
    planned.push_back(PlanApp(app, BuildJobPath(app.app, sources.builds)));
  std::vector<core::Result<std::vector<LiveFile>>> listed(
      apps.size(), core::Result<std::vector<LiveFile>>(std::vector<LiveFile>{}));
  ParallelFor(
      2 * apps.size(),
      [&](std::size_t task) {
        const std::size_t i = task % apps.size();
        if (task < apps.size()) {
          if (!Configured(sources.connections.gitlab)) return;
          auto project = sources.connections.gitlab->GetProject(planned[i].project);
          if (project.ok()) planned[i].default_branch = project->default_branch;
          return;
        }
        auto files =
            OpenConfigFiles(sources.connections, sources.config, BaseConfigTarget(apps[i]));
        listed[i] =
            files.ok() ? (*files)->List() : core::Result<std::vector<LiveFile>>(files.error());
      },
      kPlanWidth);
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const auto& app = apps[i];
    if (!listed[i].ok()) {
      unreadable.push_back({planned[i].config_backend, "config-unreadable", planned[i].base_config,
                            app.app.name, listed[i].error().message});
    } else {
      for (const auto& file : *listed[i]) {
        const bool properties = core::ConfigFormatOf(file.name) == core::ConfigFormat::kProperties;
        core::RewriteFile(file.name, file.content, properties, sources.lanes.rewrite_rules, rewrite,
                          &planned[i].rewrites);
      }
    }
    input.apps.push_back(std::move(planned[i]));
  }
  auto plan = core::PlanLane(input);
  plan.insert(plan.end(), unreadable.begin(), unreadable.end());
  return plan;
}

}  // namespace slipway::services::lanes
