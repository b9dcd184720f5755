#pragma once
// Internal to lanes: turning a lane's request and rows into what its plan
// and its workflows work with (applications, base environments, config
// locations, fallbacks). Shared by LaneService and the lane workflows.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/apps/app.hpp"
#include "core/environments/cluster.hpp"
#include "core/environments/environment.hpp"
#include "core/identity/roles.hpp"
#include "core/lane/lane.hpp"
#include "core/lane/lane_plan.hpp"
#include "services/config/config_backend.hpp"
#include "services/lanes/lane_commands.hpp"
#include "services/lanes/lane_settings.hpp"
#include "store/database.hpp"

namespace slipway::services::lanes {

/// One application of a lane with what it copies from.
struct ResolvedApp {
  core::App app;
  core::Environment base;
  std::string base_cluster;   ///< the base environment's cluster name
  std::string base_registry;  ///< and its registry (placeholder images)
  core::ConfigBackend backend = core::ConfigBackend::kConsul;
  core::LaneAppSpec spec;
};

/// The cluster lanes run on: `requested`, else settings.cluster, else the
/// only registered cluster. Invalid naming the field otherwise.
core::Result<core::Cluster> ResolveCluster(store::Tx& tx,
                                           const std::optional<std::string>& requested,
                                           const LaneSettings& settings);

/// Checks every requested application (exists, the caller may change it —
/// admins, its owners and developers: a lane makes branches, jobs and hooks
/// in it —, not twice, self-developed, online or pending online, has a
/// repository and a base environment, domains among its business domains).
/// Errors name `apps[i].<field>`; a foreign application is forbidden.
core::Result<std::vector<ResolvedApp>> ResolveApps(store::Tx& tx, const core::Caller& caller,
                                                   const std::vector<LaneAppRequest>& requests,
                                                   const std::string& base_env_type);

/// The lane's applications as stored, with their base environments; an
/// application whose base environment is gone is an error naming it.
core::Result<std::vector<ResolvedApp>> LoadApps(store::Tx& tx, const core::Lane& lane);

/// Services of base-env-type environments whose application is not in the
/// lane: service name → the QA service's cluster DNS name.
std::vector<std::pair<std::string, std::string>> Fallbacks(
    store::Tx& tx, const std::string& base_env_type, const std::vector<std::int64_t>& lane_app_ids);

/// The Service names an environment's objects have (its spec's, or the app's).
std::vector<std::string> ServiceNames(const core::Environment& env, const std::string& app);

/// Where the base environment's files are, and where the lane's copy goes
/// (Consul: env type = the config branch; Apollo: cluster = the config branch).
ConfigTarget BaseConfigTarget(const ResolvedApp& app);
ConfigTarget LaneConfigTarget(const core::Lane& lane, const ResolvedApp& app);
/// Who a lane's config writes act as (the portal user in Apollo, which must
/// exist there): the configured apollo_operator, else the lane's owner, as a
/// publish acts as its user.
std::string LaneConfigActor(const ConfigFileSettings& settings, const std::string& lane_owner);
/// What the application is told about its config: variable name and value.
std::pair<std::string, std::string> ConfigVariable(const core::Lane& lane, const ResolvedApp& app,
                                                   const ConfigFileSettings& settings);

/// What the plan shows for the application (without rewrites).
core::LanePlanApp PlanApp(const ResolvedApp& app, const std::string& base_job);

}  // namespace slipway::services::lanes
