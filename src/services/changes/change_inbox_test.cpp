// The approval inbox: every application's approving changes that this
// caller may approve, newest first, with the count.
#include <gtest/gtest.h>

#include "services/changes/change_test_fixture.hpp"

namespace slipway::services {
namespace {

using core::ChangeEvent;
using Ids = std::vector<std::int64_t>;

Ids IdsOf(const AwaitingChanges& list) {
  Ids out;
  for (const auto& v : list.items) out.push_back(v.change.id);
  return out;
}

TEST_F(ChangeServiceTest, TheInboxHoldsWhatTheCallerMayApproveNow) {
  auto pay = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto shop = App("shop", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  const auto pay_prod = Env(pay, "prod");
  const auto shop_prod = Env(shop, "prod");
  auto first = CodeChange(pay, pay_prod).change;
  auto second = CodeChange(shop, shop_prod).change;
  CodeChange(pay, pay_prod);  // developing: never submitted, never in the inbox
  auto no_approval = CodeChange(pay, Env(pay, "test")).change;
  ASSERT_TRUE(Do(alice_, first.id, ChangeEvent::kSubmit).ok());
  ASSERT_TRUE(Do(alice_, second.id, ChangeEvent::kSubmit).ok());
  ASSERT_EQ(Do(alice_, no_approval.id, ChangeEvent::kSubmit)->change.state,
            core::ChangeState::kPendingRelease);

  // bob is an approver member of both; admins approve anything; newest first.
  auto bobs = changes_.AwaitingApproval(bob_, 50);
  ASSERT_TRUE(bobs.ok()) << bobs.error().message;
  EXPECT_EQ(IdsOf(*bobs), (Ids{second.id, first.id}));
  EXPECT_EQ(bobs->total, 2);
  EXPECT_EQ(bobs->items[0].app, "shop");
  EXPECT_EQ(bobs->items[0].env_type, "prod");
  EXPECT_EQ(bobs->items[0].actions, (std::vector<std::string>{"approve", "reject"}));
  EXPECT_EQ(IdsOf(*changes_.AwaitingApproval(admin_, 50)), (Ids{second.id, first.id}));

  // The author, a developer member, a global approver who is no member, a viewer: nothing.
  for (const auto* ctx : {&alice_, &dan_, &eve_, &vic_}) {
    auto list = changes_.AwaitingApproval(*ctx, 50);
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(list->items.empty()) << ctx->caller.username;
    EXPECT_EQ(list->total, 0) << ctx->caller.username;
  }

  // The limit cuts the items, not the count.
  auto one = changes_.AwaitingApproval(bob_, 1);
  EXPECT_EQ(IdsOf(*one), Ids{second.id});
  EXPECT_EQ(one->total, 2);

  // Approved or rejected, a change leaves the inbox.
  ASSERT_TRUE(Do(bob_, first.id, ChangeEvent::kApprove).ok());
  ASSERT_TRUE(Do(bob_, second.id, ChangeEvent::kReject, {{"comment", "not yet"}}).ok());
  EXPECT_EQ(changes_.AwaitingApproval(bob_, 50)->total, 0);
}

TEST_F(ChangeServiceTest, AnAuthorRefusedSelfApprovalDoesNotSeeTheirChange) {
  auto pay = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  const auto prod = Env(pay, "prod");
  // The admin writes a change in core/prod: another admin or bob approves it, not its author.
  auto mine =
      Create(admin_, "pay", {{"env_id", prod}, {"title", "mine"}, {"build_id", Build(pay)}});
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  ASSERT_TRUE(Do(admin_, mine->change.id, ChangeEvent::kSubmit).ok());
  EXPECT_EQ(changes_.AwaitingApproval(admin_, 50)->total, 0);
  EXPECT_EQ(changes_.AwaitingApproval(bob_, 50)->total, 1);
}

}  // namespace
}  // namespace slipway::services
