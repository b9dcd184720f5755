#include "services/lanes/lane_notice.hpp"

#include <boost/json.hpp>

#include "store/lane_repository.hpp"
#include "store/notification_repository.hpp"

namespace slipway::services {

ChannelLookup LaneNoticeChannel(const SecretBox& secrets, LaneSettings::NoticeChannel fallback) {
  using Found = std::optional<NotifierChannel>;
  return [&secrets, fallback = std::move(fallback)](store::Tx& tx,
                                                    const std::string& key) -> core::Result<Found> {
    std::int64_t id = 0;
    try {
      id = std::stoll(key);
    } catch (const std::exception&) {
      return Found{};
    }
    auto lane = store::lanes::Get(tx, id);
    if (!lane) return Found{};
    if (!lane->notify_sealed.empty()) {
      auto opened = secrets.Open(lane->notify_sealed);
      if (!opened.ok()) {
        return core::Error{core::Code::kInternal,
                           "cannot open the lane's sealed channel (was the secret key changed?)",
                           {}};
      }
      auto channel = boost::json::parse(*opened).as_object();
      return Found{NotifierChannel{std::string(channel.at("type").as_string()),
                                   std::string(channel.at("url").as_string()),
                                   std::string(channel.at("secret").as_string())}};
    }
    if (fallback.url.empty()) return Found{};
    return Found{NotifierChannel{fallback.type, fallback.url, fallback.secret}};
  };
}

std::vector<store::LaneEvent> LaneNoticeEvents(store::Tx& tx, std::int64_t lane_id, int limit) {
  std::vector<store::LaneEvent> out;
  for (const auto& d : store::notifications::DeliveriesOfScope(tx, kLaneNoticeScope,
                                                               std::to_string(lane_id), limit)) {
    std::string detail = d.title + " → " + d.target_name + ": " + d.state;
    if (!d.error.empty() && d.state != "delivered") detail += " (" + d.error + ")";
    detail += ", " + std::to_string(d.attempts) + (d.attempts == 1 ? " attempt" : " attempts");
    out.push_back({.lane_id = lane_id,
                   .kind = "notice",
                   .detail = std::move(detail),
                   .actor = "slipway",
                   .created_at = d.created_at});
  }
  return out;
}

}  // namespace slipway::services
