#include "core/lane/lane_expiry.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

constexpr Millis kDay = 24LL * 3600 * 1000;

TEST(LaneExpiry, ActiveThenPendingThenDue) {
  LaneExpirySettings s;
  EXPECT_EQ(ComputeLaneExpiry(0, 6 * kDay - 1, s).stage, LaneExpiryStage::kActive);
  EXPECT_EQ(ComputeLaneExpiry(0, 6 * kDay, s).stage, LaneExpiryStage::kPendingDeletion);
  EXPECT_EQ(ComputeLaneExpiry(0, 7 * kDay - 1, s).stage, LaneExpiryStage::kPendingDeletion);
  auto due = ComputeLaneExpiry(0, 7 * kDay, s);
  EXPECT_EQ(due.stage, LaneExpiryStage::kDue);
  EXPECT_EQ(due.pending_at, 6 * kDay);
  EXPECT_EQ(due.delete_at, 7 * kDay);
}

TEST(LaneExpiry, ActivityMovesTheDates) {
  LaneExpirySettings s{.pending_after = 2 * kDay, .delete_after = 3 * kDay};
  auto e = ComputeLaneExpiry(10 * kDay, 11 * kDay, s);
  EXPECT_EQ(e.stage, LaneExpiryStage::kActive);
  EXPECT_EQ(e.pending_at, 12 * kDay);
  EXPECT_EQ(e.delete_at, 13 * kDay);
}

}  // namespace
}  // namespace slipway::core
