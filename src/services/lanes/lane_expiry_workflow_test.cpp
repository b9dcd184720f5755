// lane.expiry on the simulated clock (R-LANE-13): a lane idle for 6 days is
// listed for deletion with a notice carrying the renew link; a renew takes
// it off the list and moves the dates; a lane idle through day 7 is deleted
// by the delete workflow, its artefacts removed from every system.
#include <algorithm>

#include "core/common/rfc3339.hpp"
#include "core/lane/lane_names.hpp"
#include "services/lanes/lane_test_fixture.hpp"

namespace slipway::services {
namespace {

class LaneExpiryWorkflowTest : public LaneTest {
 protected:
  int ExpiryEvents(std::int64_t id) {
    auto events = Events(id);
    return static_cast<int>(
        std::count_if(events.begin(), events.end(),
                      [](const store::LaneEvent& e) { return e.kind == "expiry"; }));
  }
  bool NamespaceExists(const std::string& ns) { return kube_->NamespacePhase(ns).ok(); }
};

TEST_F(LaneExpiryWorkflowTest, AnIdleLaneIsListedWithANoticeThenDeletedOnDaySeven) {
  AddApp("order", {"web"});
  const auto t0 = clock_.Now();
  const auto id = CreateLane("pay-q3", {"order"});
  ASSERT_NE(id, 0);
  const std::string host = "web-pay-q3." + settings_.domain_suffix;
  ASSERT_EQ(dns_->Query(host, connectors::DnsType::kA)->size(), 1u);
  const auto created_at = Lane(id).last_activity_at;
  ASSERT_GE(created_at, t0);

  // A minute before day 6: nothing happens.
  At(created_at + 6 * kDay - kMinute);
  EXPECT_FALSE(Lane(id).pending_deletion_at.has_value());
  EXPECT_TRUE(notifier_->notices().empty());

  // Day 6: listed for deletion, with one notice naming the day and the renew link.
  At(created_at + 6 * kDay);
  auto listed = Lane(id);
  ASSERT_TRUE(listed.pending_deletion_at.has_value()) << "not listed after 6 idle days";
  EXPECT_EQ(*listed.pending_deletion_at, created_at + 6 * kDay);
  EXPECT_EQ(listed.state, core::LaneState::kActive);
  ASSERT_EQ(notifier_->notices().size(), 1u);
  const auto notice = notifier_->notices().front();
  const std::string renew = std::string(kServerUrl) + "/lanes/" + std::to_string(id);
  EXPECT_EQ(notice.event, "lane.expiring");
  EXPECT_EQ(notice.fields.at("renew_url"), renew);
  EXPECT_NE(notice.text.find(renew), std::string::npos) << notice.text;
  EXPECT_NE(notice.text.find(core::Rfc3339Seconds(created_at + 7 * kDay)), std::string::npos)
      << notice.text;
  ASSERT_EQ(channels_.size(), 1u);
  EXPECT_EQ(channels_[0].url, "https://hooks.example.com/lanes");
  EXPECT_EQ(ExpiryEvents(id), 1);
  auto view = lanes_->Get(alice_, std::to_string(id));
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->expiry.stage, core::LaneExpiryStage::kPendingDeletion);

  // Still idle through day 7: the delete workflow removes it everywhere.
  At(created_at + 7 * kDay - kMinute);
  EXPECT_EQ(Lane(id).state, core::LaneState::kActive);
  At(created_at + 7 * kDay);
  ASSERT_TRUE(Drive([&] { return Lane(id).state == core::LaneState::kDeleted; }, 400, 100))
      << "the lane was not deleted on day 7";
  EXPECT_GE(clock_.Now(), created_at + 7 * kDay);
  EXPECT_TRUE(dns_->Query(host, connectors::DnsType::kA)->empty());
  EXPECT_FALSE(NamespaceExists("pay-q3"));
  EXPECT_FALSE(jenkins_->GetItem(core::LaneJenkinsFolder("pay-q3")).ok());
  EXPECT_TRUE(gitlab_->ListHooks("trade/order")->empty());
  EXPECT_EQ(notifier_->notices().size(), 1u) << "one notice only";
  EXPECT_EQ(ExpiryEvents(id), 2) << "listed, then deleted";
  // The expiry workflow ended with the lane.
  RunDue();
  clock_.Advance(30 * kDay);
  RunDue();
  EXPECT_EQ(notifier_->notices().size(), 1u);
}

TEST_F(LaneExpiryWorkflowTest, ARenewTakesTheLaneOffTheListAndMovesTheDates) {
  AddApp("order");
  const auto id = CreateLane("renewed", {"order"});
  ASSERT_NE(id, 0);
  const auto created_at = Lane(id).last_activity_at;

  At(created_at + 6 * kDay + kHour);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());
  ASSERT_EQ(notifier_->notices().size(), 1u);

  // Renewed on day 6: off the list, the dates move by the renew.
  const auto renewed_at = created_at + 6 * kDay + 2 * kHour;
  clock_.Set(renewed_at);
  auto renewed = lanes_->Renew(alice_, std::to_string(id));
  ASSERT_TRUE(renewed.ok()) << renewed.error().message;
  EXPECT_FALSE(renewed->lane.pending_deletion_at.has_value());
  EXPECT_EQ(renewed->expiry.stage, core::LaneExpiryStage::kActive);
  EXPECT_EQ(renewed->expiry.pending_at, renewed_at + 6 * kDay);
  EXPECT_EQ(renewed->expiry.delete_at, renewed_at + 7 * kDay);

  // Day 7 of the first idle spell passes: the lane stays, and is not listed again.
  At(created_at + 7 * kDay);
  At(created_at + 8 * kDay);
  EXPECT_EQ(Lane(id).state, core::LaneState::kActive);
  EXPECT_FALSE(Lane(id).pending_deletion_at.has_value());
  EXPECT_EQ(notifier_->notices().size(), 1u);
  EXPECT_TRUE(NamespaceExists("renewed"));

  // Idle again for 6 days after the renew: listed again, with a new notice.
  At(renewed_at + 6 * kDay);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());
  EXPECT_EQ(*Lane(id).pending_deletion_at, renewed_at + 6 * kDay);
  ASSERT_EQ(notifier_->notices().size(), 2u);
  EXPECT_NE(notifier_->notices()[1].text.find(core::Rfc3339Seconds(renewed_at + 7 * kDay)),
            std::string::npos);
  EXPECT_NE(notifier_->notices()[0].id, notifier_->notices()[1].id)
      << "a new notice, not a repeat of the first";

  // …and deleted on day 7 after the renew.
  At(renewed_at + 7 * kDay - kMinute);
  EXPECT_EQ(Lane(id).state, core::LaneState::kActive);
  At(renewed_at + 7 * kDay);
  ASSERT_TRUE(Drive([&] { return Lane(id).state == core::LaneState::kDeleted; }, 400, 100));
  EXPECT_FALSE(NamespaceExists("renewed"));
}

TEST_F(LaneExpiryWorkflowTest, AnExpiryDeletionThatFailsIsTriedAgainUntilTheLaneIsGone) {
  AddApp("order", {"web"});
  const auto id = CreateLane("flaky", {"order"});
  ASSERT_NE(id, 0);
  const auto created_at = Lane(id).last_activity_at;
  const std::string host = "web-flaky." + settings_.domain_suffix;
  At(created_at + 6 * kDay);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());

  // Day 7: the DNS server refuses the deletion of the lane's name once.
  dns_->FailNext("Delete", core::Error{core::Code::kForbidden, "dns: REFUSED", {}});
  At(created_at + 7 * kDay);
  ASSERT_TRUE(Drive(
      [&] {
        auto view = lanes_->Get(alice_, std::to_string(id));
        return view.ok() && view->state == core::LaneState::kFailed;
      },
      100, 10))
      << "the deletion did not fail";
  EXPECT_EQ(dns_->Query(host, connectors::DnsType::kA)->size(), 1u);

  // The watch tries again later by itself, and the lane goes.
  ASSERT_TRUE(Drive([&] { return Lane(id).state == core::LaneState::kDeleted; }, 200, 5 * kMinute))
      << "a failed expiry deletion is never tried again";
  EXPECT_TRUE(dns_->Query(host, connectors::DnsType::kA)->empty());
  EXPECT_FALSE(NamespaceExists("flaky"));
  auto events = Events(id);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const store::LaneEvent& e) {
    return e.kind == "expiry" && e.detail.find("failed") != std::string::npos;
  })) << "the failure is recorded in the lane's events";
}

}  // namespace
}  // namespace slipway::services
