#include "core/changes/change_actions.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

using Actions = std::vector<std::string>;

TEST(ChangeActions, FollowTheTableAndTheCallersRights) {
  const ChangeRights writer{true, false}, approver{false, true}, both{true, true}, none{};
  EXPECT_EQ(ChangeActionsFor(ChangeState::kDeveloping, writer),
            (Actions{"edit", "submit", "close"}));
  EXPECT_EQ(ChangeActionsFor(ChangeState::kDeveloping, approver), Actions{});
  EXPECT_EQ(ChangeActionsFor(ChangeState::kApproving, writer), Actions{});
  EXPECT_EQ(ChangeActionsFor(ChangeState::kApproving, approver), (Actions{"approve", "reject"}));
  EXPECT_EQ(ChangeActionsFor(ChangeState::kPendingRelease, both), (Actions{"withdraw", "release"}));
  // The release work finishes a release; people never see succeed or fail.
  EXPECT_EQ(ChangeActionsFor(ChangeState::kReleasing, both), Actions{});
  for (auto final_state : {ChangeState::kReleased, ChangeState::kClosed, ChangeState::kFailed}) {
    EXPECT_EQ(ChangeActionsFor(final_state, both), Actions{}) << ChangeStateName(final_state);
  }
  EXPECT_EQ(ChangeActionsFor(ChangeState::kDeveloping, none), Actions{});
}

TEST(ChangeActions, RightsComeFromMembershipOrAdmin) {
  const Caller admin{1, "root", Role::kAdmin}, developer{2, "dev", Role::kDeveloper},
      global_approver{3, "lead", Role::kApprover}, viewer{4, "vic", Role::kViewer};
  EXPECT_TRUE(ChangeRightsOf(admin, std::nullopt).write);
  EXPECT_TRUE(ChangeRightsOf(admin, std::nullopt).approve);
  EXPECT_TRUE(ChangeRightsOf(developer, MemberRole::kDeveloper).write);
  EXPECT_FALSE(ChangeRightsOf(developer, MemberRole::kDeveloper).approve);
  EXPECT_FALSE(ChangeRightsOf(global_approver, MemberRole::kApprover).write);
  EXPECT_TRUE(ChangeRightsOf(global_approver, MemberRole::kApprover).approve);
  // An approver membership approves only with the approver role held now…
  EXPECT_FALSE(ChangeRightsOf(developer, MemberRole::kApprover).approve);
  EXPECT_FALSE(ChangeRightsOf(viewer, MemberRole::kApprover).approve);
  // …and a global approver approves only where they are an approver member.
  EXPECT_FALSE(ChangeRightsOf(global_approver, std::nullopt).approve);
  EXPECT_FALSE(ChangeRightsOf(global_approver, MemberRole::kDeveloper).approve);
  EXPECT_FALSE(ChangeRightsOf(viewer, MemberRole::kOwner).write);
}

TEST(ChangeActions, OnlyReleasesDriveReleaseSucceedAndFailAndOnlyDeletionEnvironmentDeleted) {
  for (auto e : {ChangeEvent::kSubmit, ChangeEvent::kApprove, ChangeEvent::kReject,
                 ChangeEvent::kClose, ChangeEvent::kWithdraw}) {
    EXPECT_TRUE(IsPersonalChangeEvent(e)) << ChangeEventName(e);
  }
  for (auto e : {ChangeEvent::kRelease, ChangeEvent::kSucceed, ChangeEvent::kFail,
                 ChangeEvent::kEnvironmentDeleted}) {
    EXPECT_FALSE(IsPersonalChangeEvent(e)) << ChangeEventName(e);
  }
}

}  // namespace
}  // namespace slipway::core
