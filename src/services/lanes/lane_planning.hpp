#pragma once
// Internal to lanes: the plan of a lane with the config rewrites it makes,
// read from the base environments' config (R-LANE-7: users see the
// rewritten keys before anything happens).
#include <string>
#include <utility>
#include <vector>

#include "core/lane/lane.hpp"
#include "core/lane/lane_plan.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/server_address.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services::lanes {

struct PlanSources {
  const Connections& connections;
  const ConfigFileSettings& config;
  const LaneSettings& lanes;
  const ServerAddress& address;
  const BuildSettings& builds;
};

/// Every artefact of the lane, with the config rewrites. A base config that
/// cannot be read is named in the plan ("config-unreadable") rather than
/// failing the plan: the workflow retries it.
std::vector<core::PlannedArtefact> PlanLaneArtefacts(
    const PlanSources& sources, const core::Lane& lane, const std::vector<ResolvedApp>& apps,
    const std::vector<std::pair<std::string, std::string>>& fallbacks);

}  // namespace slipway::services::lanes
