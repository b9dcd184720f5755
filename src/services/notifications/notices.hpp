#pragma once
// Notices to people (DingTalk robots, generic webhooks) about approvals and
// releases, configured per application or team.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace slipway::services {

enum class NoticeKind {
  kApprovalRequested,  ///< a change waits for an approver
  kReleaseCompleted,
  kReleaseFailed,
  kReleaseRolledBack,
};
std::string_view NoticeKindName(NoticeKind kind);
std::optional<NoticeKind> ParseNoticeKind(std::string_view name);
/// Every kind, in declaration order.
const std::vector<NoticeKind>& AllNoticeKinds();

struct Notice {
  NoticeKind kind = NoticeKind::kReleaseCompleted;
  std::int64_t app_id = 0;
  std::string title;     ///< one line
  std::string markdown;  ///< the body people read
  /// Machine-readable facts for webhooks (ids, states, images).
  boost::json::object data;
  /// Users to @-mention where the channel supports it (approvers).
  std::vector<std::string> mention;
};

/// A notice for one channel that is no application's or team's target (a
/// lane's own channel, or the lanes' default one). The channel is looked up
/// by `scope` and `key` when each delivery attempt runs (notice_delivery.hpp).
struct ChannelNotice {
  std::string kind;          ///< e.g. "lane_expiring" (webhooks: X-Slipway-Event lane.expiring)
  std::string scope;         ///< whose channel: "lane"
  std::string key;           ///< which one: the lane's id
  std::string channel_name;  ///< the delivery's name for it, e.g. "the lane's channel"
  std::string title;
  std::string markdown;
  boost::json::object data;
};

/// Sends notices. Enqueue runs inside the caller's transaction, so a notice
/// leaves if and only if the change it reports commits; delivery happens
/// afterwards, durably, with retries.
class Notices {
 public:
  virtual ~Notices() = default;
  virtual void Enqueue(store::Tx& tx, const Notice& notice) = 0;
  /// The same for one channel: one delivery, recorded under scope and key.
  virtual void EnqueueToChannel(store::Tx& tx, const ChannelNotice& notice) = 0;
};

}  // namespace slipway::services
