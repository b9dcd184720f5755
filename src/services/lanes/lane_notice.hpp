#pragma once
// Where a lane's notices go (R-LANE-13): the lane's own channel (`--notify`),
// else the lanes' default one (`lanes.notify`), looked up by the `notify`
// workflow when each delivery attempt runs.
#include <cstdint>
#include <vector>

#include "services/lanes/lane_settings.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "services/platform/secret_box.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services {

/// The ChannelNotice scope of lanes; the key is the lane's id.
inline constexpr const char* kLaneNoticeScope = "lane";

/// The lane's own channel opened, else `fallback` (none when its url is "");
/// nullopt for a lane that has neither, or is gone. kInternal when the
/// lane's sealed channel cannot be opened (was the secret key changed?).
/// `secrets` must outlive the lookup.
ChannelLookup LaneNoticeChannel(const SecretBox& secrets, LaneSettings::NoticeChannel fallback);

/// The lane's notice deliveries as events of kind `notice` (newest first, at
/// most `limit`): what was sent where, and how it stands now (pending,
/// delivered, skipped, or failed with the reason once retries ran out).
std::vector<store::LaneEvent> LaneNoticeEvents(store::Tx& tx, std::int64_t lane_id, int limit);

}  // namespace slipway::services
