#pragma once
// A swimlane (R-LANE-1..13): one iteration's isolated copy of the services
// it changes. The model only; names are in lane_names.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "core/environments/environment.hpp"

namespace slipway::core {

/// creating → active ⇄ (syncing) ; any → deleting → deleted. `failed` when
/// the create workflow failed: sync or delete continue from there.
enum class LaneState { kCreating, kActive, kFailed, kDeleting, kDeleted };
std::string_view LaneStateName(LaneState state);
std::optional<LaneState> ParseLaneState(std::string_view name);

/// A consumer that reads the lane's own messages (R-LANE-12): the app gets
/// the consumer group `<group>-<lane>` for `topic`.
struct LaneConsumer {
  std::string app{};
  std::string topic{};
  std::string group{};
};

struct LaneColoring {
  std::vector<std::string> producers{};  ///< apps whose messages carry the lane's color
  std::vector<LaneConsumer> consumers{};
};

/// One application in a lane, as asked for.
struct LaneAppSpec {
  std::string app{};
  std::int64_t app_id = 0;
  std::int64_t base_env_id = 0;        ///< the environment it copies from
  std::optional<int> replicas{};       ///< override of the base's replicas
  std::vector<EnvVar> env{};           ///< added to / replacing the base's variables
  std::vector<std::string> domains{};  ///< business domains given an external name
};

/// What Slipway last saw of an application in its lane.
struct LaneAppLive {
  std::string branch_head{};  ///< commit sha at the head of feature/<lane>
  std::int64_t last_build_id = 0;
  std::string deployed_image{};  ///< "" until deployed (then the base image, later lane builds)
  int pods_ready = 0;
  std::int64_t hook_id = 0;  ///< GitLab project hook
  Millis updated_at = 0;
};

struct LaneApp {
  LaneAppSpec spec;
  LaneAppLive live;
};

struct Lane {
  std::int64_t id = 0;
  std::string name;
  std::string namespace_name;
  std::string story_workspace;
  std::string story_id;
  std::string story_url;
  std::string description;  ///< the story's title (R-LANE-9)
  std::string owner;
  std::vector<std::string> members;
  std::string base_env_type;
  std::int64_t cluster_id = 0;
  std::vector<LaneApp> apps;
  LaneColoring coloring;
  LaneState state = LaneState::kCreating;
  /// Secrets, sealed by the service layer; opaque here.
  std::string hook_token_sealed;  ///< the token GitLab sends with the lane's push hooks
  std::string notify_sealed;      ///< the lane's notice channel ({"type","url","secret"}), or ""
  std::string workflow_id;        ///< the last create / sync / delete workflow
  Millis last_activity_at = 0;
  std::optional<Millis> pending_deletion_at;  ///< when it entered the pending-deletion list
  std::string created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::int64_t version = 1;
};

/// The application named `app` in the lane, or nullptr.
const LaneApp* FindLaneApp(const Lane& lane, std::string_view app);

/// Whether `user` owns or is a member of the lane (names without regard to case).
bool IsLaneMember(const Lane& lane, std::string_view user);

}  // namespace slipway::core
