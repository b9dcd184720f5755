#include "core/releases/release.hpp"

namespace slipway::core {

std::string_view ReleaseStateName(ReleaseState s) {
  switch (s) {
    case ReleaseState::kPending:
      return "pending";
    case ReleaseState::kReleasing:
      return "releasing";
    case ReleaseState::kCanary:
      return "canary";
    case ReleaseState::kCompleted:
      return "completed";
    case ReleaseState::kFailed:
      return "failed";
  }
  return "pending";
}

std::optional<ReleaseState> ParseReleaseState(std::string_view s) {
  for (auto state : {ReleaseState::kPending, ReleaseState::kReleasing, ReleaseState::kCanary,
                     ReleaseState::kCompleted, ReleaseState::kFailed}) {
    if (ReleaseStateName(state) == s) return state;
  }
  return std::nullopt;
}

std::string_view ReleaseStrategyName(ReleaseStrategy s) {
  return s == ReleaseStrategy::kCanary ? "canary" : "one_shot";
}

std::optional<ReleaseStrategy> ParseReleaseStrategy(std::string_view s) {
  if (s == "one_shot") return ReleaseStrategy::kOneShot;
  if (s == "canary") return ReleaseStrategy::kCanary;
  return std::nullopt;
}

std::vector<std::string> ReleaseActions(ReleaseState state, ReleaseStrategy strategy) {
  switch (state) {
    case ReleaseState::kCanary:
      if (strategy == ReleaseStrategy::kCanary) return {"promote", "promote_all", "abort"};
      return {"abort"};
    case ReleaseState::kPending:
    case ReleaseState::kReleasing:
      return {"abort"};
    case ReleaseState::kCompleted:
    case ReleaseState::kFailed:
      return {"rollback"};
  }
  return {};
}

}  // namespace slipway::core
