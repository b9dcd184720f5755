#include "services/notices.hpp"

namespace slipway::services {

std::string_view NoticeKindName(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kApprovalRequested: return "approval_requested";
    case NoticeKind::kReleaseCompleted: return "release_completed";
    case NoticeKind::kReleaseFailed: return "release_failed";
    case NoticeKind::kReleaseRolledBack: return "release_rolled_back";
  }
  return "release_completed";
}

}  // namespace slipway::services
