#include "services/notifications/notices.hpp"

namespace slipway::services {

std::string_view NoticeKindName(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kApprovalRequested:
      return "approval_requested";
    case NoticeKind::kReleaseCompleted:
      return "release_completed";
    case NoticeKind::kReleaseFailed:
      return "release_failed";
    case NoticeKind::kReleaseRolledBack:
      return "release_rolled_back";
  }
  return "release_completed";
}

const std::vector<NoticeKind>& AllNoticeKinds() {
  static const std::vector<NoticeKind> kinds = {
      NoticeKind::kApprovalRequested, NoticeKind::kReleaseCompleted, NoticeKind::kReleaseFailed,
      NoticeKind::kReleaseRolledBack};
  return kinds;
}

std::optional<NoticeKind> ParseNoticeKind(std::string_view name) {
  for (auto kind : AllNoticeKinds()) {
    if (NoticeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace slipway::services
