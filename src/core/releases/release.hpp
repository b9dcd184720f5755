#pragma once
// Releases (R-REL-1): one change executed on its environment, step by step.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::core {

enum class ReleaseState {
  kPending,    ///< recorded, not started
  kReleasing,  ///< steps run
  kCanary,     ///< paused with part of the pods on the new version
  kCompleted,  ///< every step succeeded and the pods run
  kFailed,     ///< a step failed, the pods did not start, or it was aborted
};
std::string_view ReleaseStateName(ReleaseState s);
std::optional<ReleaseState> ParseReleaseState(std::string_view s);
inline bool ReleaseActive(ReleaseState s) {
  return s == ReleaseState::kPending || s == ReleaseState::kReleasing || s == ReleaseState::kCanary;
}

enum class ReleaseStrategy { kOneShot, kCanary };
std::string_view ReleaseStrategyName(ReleaseStrategy s);
std::optional<ReleaseStrategy> ParseReleaseStrategy(std::string_view s);

/// One release (R-REL-1..2). `image_before`/`digest_before`/`baseline_before`
/// record what ran before it executed.
struct Release {
  std::int64_t id = 0;
  std::int64_t change_id = 0;
  std::int64_t app_id = 0;
  std::int64_t env_id = 0;
  std::string kind = "release";  ///< release | rollback
  std::optional<std::int64_t> rollback_of;
  ReleaseStrategy strategy = ReleaseStrategy::kOneShot;
  ReleaseState state = ReleaseState::kPending;
  std::string image_before;
  std::string digest_before;
  std::int64_t baseline_before = 0;
  std::string image;
  std::string image_digest;
  std::string spec;         ///< the resources applied (EnvSpec JSON)
  std::string plan = "[]";  ///< canary: [{"canary":n,"stable":m,"pause":…},…]
  bool auto_rollback = false;
  std::string workflow_id;
  std::string error;
  std::string started_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> finished_at;
  std::int64_t updated_at = 0;
  std::int64_t version = 1;
};

/// A step as people see it.
struct ReleaseStep {
  int idx = 0;
  std::string name;
  std::string state = "pending";  ///< pending | running | waiting | succeeded | failed | skipped
  std::string message;
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> finished_at;
};

/// What a person may do with a release (the API's "actions"): paused
/// canaries: promote, promote_all, abort; pending/releasing: abort;
/// completed/failed: rollback. Only canary releases are ever promoted.
std::vector<std::string> ReleaseActions(ReleaseState state, ReleaseStrategy strategy);

}  // namespace slipway::core
