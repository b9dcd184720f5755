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

/// Sends notices. Enqueue runs inside the caller's transaction, so a notice
/// leaves if and only if the change it reports commits; delivery happens
/// afterwards, durably, with retries.
class Notices {
 public:
  virtual ~Notices() = default;
  virtual void Enqueue(store::Tx& tx, const Notice& notice) = 0;
};

}  // namespace slipway::services
