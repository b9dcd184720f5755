#pragma once
// Releases (R-REL-1): one change executed on its environment, step by step.
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

/// What a person may do with a release in `state` (the API's "actions"):
/// canary: promote, promote_all, abort; pending/releasing: abort;
/// completed/failed: rollback.
std::vector<std::string> ReleaseActions(ReleaseState state);

}  // namespace slipway::core
