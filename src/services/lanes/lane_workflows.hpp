#pragma once
// The durable work behind lanes (R-LANE-4..8, 10..13). Every step reads
// the world first and only then acts, so a repeated run (retry, crash,
// sync) converges without making anything twice.
//
// lane.create {lane_id}            namespace+folder → apps (one lane.app.create child each,
//                                  concurrently) → fallbacks → finish
// lane.app.create {lane_id,app_id} branch → config → job → hook → deploy → domains
// lane.edit {lane_id,added,removed,redeployed} changes (children: lane.app.create for
//                                  added, lane.app.delete for removed, lane.app.redeploy
//                                  for apps whose message coloring changed) → fallbacks → finish
// lane.app.redeploy {lane_id,app_id} deploy: the app's objects applied again (its image kept)
// lane.delete {lane_id}            apps (lane.app.delete children) → namespace → folder → finish
// lane.app.delete {lane_id,app…}   domains → hook → job → config → objects → images → branch
// lane.deploy {lane_id,app_id,build_id}  build (the `build` workflow as a child) → deploy
// lane.follow {lane_id}            poll: notices builds started by hand in the lane's
//                                  jobs and deploys them (lane_follow_steps.cpp)
// lane.expiry {lane_id}            watch: sleeps until the lane goes idle, lists it for
//                                  deletion and enqueues its notice (a `notify` workflow)
//                                  in the same commit, deletes it when still idle
#include "engine/engine.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/lanes/lane_settings.hpp"
#include "services/notifications/notices.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/secret_box.hpp"
#include "services/platform/server_address.hpp"
#include "services/platform/settings.hpp"
#include "store/database.hpp"

namespace slipway::services {

inline constexpr const char* kLaneCreateWorkflow = "lane.create";
inline constexpr const char* kLaneAppCreateWorkflow = "lane.app.create";
inline constexpr const char* kLaneAppRedeployWorkflow = "lane.app.redeploy";
inline constexpr const char* kLaneEditWorkflow = "lane.edit";
inline constexpr const char* kLaneDeleteWorkflow = "lane.delete";
inline constexpr const char* kLaneAppDeleteWorkflow = "lane.app.delete";
inline constexpr const char* kLaneDeployWorkflow = "lane.deploy";
inline constexpr const char* kLaneExpiryWorkflow = "lane.expiry";
inline constexpr const char* kLaneFollowWorkflow = "lane.follow";

/// What the lane steps use; everything must outlive the engine.
struct LaneWorkflowDeps {
  store::Database& db;
  ClusterService& clusters;
  const Connections& connections;
  const SecretBox& secrets;
  const ServerAddress& address;
  ConfigFileSettings config;
  LaneSettings lanes;
  BuildSettings builds;
  /// Expiry notices leave through it (the `notify` workflow, lane_notice.hpp).
  Notices& notices;
};

/// Adds every lane workflow kind to `engine` (before it starts): after the
/// engine, because the notices the steps enqueue start workflows on it.
void RegisterLaneWorkflows(engine::Engine& engine, const LaneWorkflowDeps& deps);

}  // namespace slipway::services
