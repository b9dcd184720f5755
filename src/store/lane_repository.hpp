#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/lane/lane.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// Something that happened in a lane (push-to-deploy history, renewals…).
struct LaneEvent {
  std::int64_t id = 0;
  std::int64_t lane_id = 0;
  std::string app{};
  std::string kind{};  ///< push | build | deploy | renew | sync | edit | expiry | created | edited
                       ///< | deleted; `notice` (a delivery, id 0) in LaneService::Events
  std::string detail{};
  std::string actor{};
  core::Millis created_at = 0;
};

/// Lanes with their applications. All functions run inside the caller's
/// transaction.
namespace lanes {

/// Inserts the lane and its applications; returns the id. UniqueViolation
/// when a live lane already has the namespace.
std::int64_t Insert(Tx& tx, const core::Lane& lane);
std::optional<core::Lane> Get(Tx& tx, std::int64_t id);
/// The live (not deleted) lane with this name, compared without regard to case.
std::optional<core::Lane> GetLiveByName(Tx& tx, const std::string& name);
/// The newest lane with this name in any state (a deleted one included).
std::optional<core::Lane> GetNewestByName(Tx& tx, const std::string& name);
/// The live lane holding `namespace_name`.
std::optional<core::Lane> GetLiveByNamespace(Tx& tx, const std::string& namespace_name);
/// Live lanes, by id.
std::vector<core::Lane> ListLive(Tx& tx);
/// Writes the lane's own fields (not its applications) if the stored version
/// is `version - 1`; false when stale.
bool Update(Tx& tx, const core::Lane& lane);
/// Replaces the lane's application list (specs), keeping the live state of
/// applications that stay.
void ReplaceApps(Tx& tx, const core::Lane& lane);
/// Records what was last seen of one application of the lane.
void UpdateAppLive(Tx& tx, std::int64_t lane_id, std::int64_t app_id,
                   const core::LaneAppLive& live);
/// The live lanes holding the application.
std::vector<core::Lane> LiveWithApp(Tx& tx, std::int64_t app_id);

std::int64_t AddEvent(Tx& tx, const LaneEvent& event);
/// Newest first, at most `limit`.
std::vector<LaneEvent> Events(Tx& tx, std::int64_t lane_id, int limit);

}  // namespace lanes
}  // namespace slipway::store
