#include "core/lane/lane.hpp"

#include <array>
#include <utility>

#include "core/common/names.hpp"

namespace slipway::core {
namespace {

constexpr std::array<std::pair<LaneState, std::string_view>, 5> kStateNames{{
    {LaneState::kCreating, "creating"},
    {LaneState::kActive, "active"},
    {LaneState::kFailed, "failed"},
    {LaneState::kDeleting, "deleting"},
    {LaneState::kDeleted, "deleted"},
}};

}  // namespace

std::string_view LaneStateName(LaneState state) {
  for (auto [s, name] : kStateNames) {
    if (s == state) return name;
  }
  return "unknown";
}

std::optional<LaneState> ParseLaneState(std::string_view name) {
  for (auto [s, n] : kStateNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

const LaneApp* FindLaneApp(const Lane& lane, std::string_view app) {
  for (const auto& a : lane.apps) {
    if (a.spec.app == app) return &a;
  }
  return nullptr;
}

bool IsLaneMember(const Lane& lane, std::string_view user) {
  std::string key = NameKey(user);
  if (NameKey(lane.owner) == key) return true;
  for (const auto& m : lane.members) {
    if (NameKey(m) == key) return true;
  }
  return false;
}

}  // namespace slipway::core
