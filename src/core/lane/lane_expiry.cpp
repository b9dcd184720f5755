#include "core/lane/lane_expiry.hpp"

namespace slipway::core {

LaneExpiry ComputeLaneExpiry(Millis last_activity_at, Millis now,
                             const LaneExpirySettings& settings) {
  LaneExpiry out;
  out.pending_at = last_activity_at + settings.pending_after;
  out.delete_at = last_activity_at + settings.delete_after;
  if (now >= out.delete_at) {
    out.stage = LaneExpiryStage::kDue;
  } else if (now >= out.pending_at) {
    out.stage = LaneExpiryStage::kPendingDeletion;
  }
  return out;
}

}  // namespace slipway::core
