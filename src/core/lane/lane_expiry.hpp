#pragma once
// When an idle lane is listed for deletion and when it is deleted
// (R-LANE-13). Pure.
#include "core/common/clock.hpp"

namespace slipway::core {

struct LaneExpirySettings {
  Millis pending_after = 6LL * 24 * 3600 * 1000;  ///< idle this long → pending deletion
  Millis delete_after = 7LL * 24 * 3600 * 1000;   ///< idle this long → deleted
};

enum class LaneExpiryStage { kActive, kPendingDeletion, kDue };

struct LaneExpiry {
  LaneExpiryStage stage = LaneExpiryStage::kActive;
  Millis pending_at = 0;  ///< when it enters (or entered) the pending-deletion list
  Millis delete_at = 0;   ///< when it is deleted unless renewed
};

LaneExpiry ComputeLaneExpiry(Millis last_activity_at, Millis now,
                             const LaneExpirySettings& settings);

}  // namespace slipway::core
