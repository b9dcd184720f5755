#pragma once
// Internal to the lane workflows: making and removing one application's
// artefacts in each system. Every function is idempotent: what exists is
// kept (or, for removal, what is gone is fine).
#include <string>
#include <utility>
#include <vector>

#include "connectors/dns.hpp"
#include "connectors/kubernetes.hpp"
#include "core/lane/lane.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/lanes/lane_workflows.hpp"
#include "services/platform/server_address.hpp"

namespace slipway::services::lanes {

/// Where GitLab posts the lane's pushes: the hook URL with `?lane=<namespace>`,
/// so each lane's hook is told apart (and found again) by its URL.
std::string LaneHookUrl(const LaneSettings& settings, const ServerAddress& address,
                        const core::Lane& lane);

/// The image address a build started by hand in the lane's job pushes.
std::string LaneManualImage(const LaneWorkflowDeps& deps, const core::Lane& lane,
                            const ResolvedApp& app);

/// The image a lane app runs before its own build: the base environment's.
std::string LaneBaseImage(const ResolvedApp& app);

/// Copies the base environment's config files into the lane's config branch
/// (Consul keys / Apollo cluster), rewritten (R-LANE-7). Files the lane
/// already has are the lane's own and kept. Returns how many were copied.
core::Result<int> CopyConfig(const LaneWorkflowDeps& deps, const core::Lane& lane,
                             const ResolvedApp& app);

/// The app's Deployment and Services in the lane namespace, replacing an
/// ExternalName fallback of the same name.
core::Status DeployLaneApp(const LaneWorkflowDeps& deps, connectors::Kubernetes& kube,
                           const core::Lane& lane, const ResolvedApp& app,
                           const std::string& image);

/// An Ingress and a DNS A record (to lanes.ingress_address) per external domain.
core::Status ExposeLaneApp(const LaneWorkflowDeps& deps, connectors::Kubernetes& kube,
                           const core::Lane& lane, const ResolvedApp& app);

/// ExternalName Services for `fallbacks` (service → QA host) that no lane
/// app provides, and none for those a lane app now provides. Says how many
/// it created.
core::Result<int> ApplyFallbacks(connectors::Kubernetes& kube, const core::Lane& lane,
                                 const std::vector<std::pair<std::string, std::string>>& fallbacks);

/// What removing one application needs, kept in the workflow input since the
/// application may already have left the lane row.
struct AppTeardown {
  std::int64_t lane_id = 0;
  std::string lane_owner;  ///< acts in Apollo when no apollo_operator is set
  std::int64_t app_id = 0;
  std::string app;
  std::string project;
  std::string repo_url;
  std::vector<std::string> domains;
  ConfigTarget lane_config;
  std::vector<std::string> services;
  /// Put the app's ExternalName fallbacks back (an edit removing it); not
  /// when the whole lane goes.
  std::vector<std::pair<std::string, std::string>> restore;
};
boost::json::object TeardownToJson(const AppTeardown& teardown);
AppTeardown TeardownFromJson(const boost::json::value& input);
AppTeardown TeardownOf(const core::Lane& lane, const ResolvedApp& app,
                       std::vector<std::pair<std::string, std::string>> restore);

/// The teardown of every application of the lane. An application whose
/// base environment is gone still loses its branch-side artefacts (hook,
/// job, objects, images, domains); its config copy is looked for in Consul
/// under the lane's cluster.
std::vector<AppTeardown> LoadTeardownApps(store::Tx& tx, const core::Lane& lane);

}  // namespace slipway::services::lanes
