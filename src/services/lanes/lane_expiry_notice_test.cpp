// The day-6 expiry notice (R-LANE-13) goes through the `notify` delivery
// queue: to the lane's own channel or else the lanes' default one, retried
// when a delivery fails, and enqueued exactly once, in the commit that lists
// the lane for deletion.
#include <algorithm>

#include "services/lanes/lane_test_fixture.hpp"
#include "store/notification_repository.hpp"

namespace slipway::services {
namespace {

constexpr const char* kRobotUrl =
    "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123";

class LaneExpiryNoticeTest : public LaneTest {
 protected:
  std::vector<store::NotificationDelivery> Deliveries(std::int64_t id) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      return store::notifications::DeliveriesOfScope(tx, kLaneNoticeScope, std::to_string(id), 10);
    });
  }

  std::vector<std::string> ExpiryEvents(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : Events(id)) {
      if (e.kind == "expiry") out.push_back(e.detail);
    }
    return out;
  }

  std::vector<std::string> NoticeEvents(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : Events(id)) {
      if (e.kind == "notice") out.push_back(e.detail);
    }
    return out;
  }

  /// Makes every commit recording an expiry event fail (true) or succeed again.
  void FailExpiryEvents(bool fail) {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      if (db_.dialect() == store::Dialect::kSqlite) {
        tx.Exec(fail ? "CREATE TRIGGER fail_expiry BEFORE INSERT ON lane_events "
                       "WHEN NEW.kind = 'expiry' BEGIN SELECT RAISE(ABORT, 'injected'); END"
                     : "DROP TRIGGER fail_expiry",
                {});
      } else if (fail) {
        tx.Exec(
            "CREATE FUNCTION fail_expiry() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql",
            {});
        tx.Exec(
            "CREATE TRIGGER fail_expiry BEFORE INSERT ON lane_events FOR EACH ROW "
            "WHEN (NEW.kind = 'expiry') EXECUTE FUNCTION fail_expiry()",
            {});
      } else {
        tx.Exec("DROP TRIGGER fail_expiry ON lane_events", {});
      }
      return 0;
    });
  }
};

TEST_F(LaneExpiryNoticeTest, ALaneWithoutAChannelOfItsOwnNotifiesTheDefaultChannel) {
  auto settings = settings_;
  settings.notify = {"dingtalk", kRobotUrl, "SECdefault"};
  Wire(settings);
  AddApp("order");
  const auto id = CreateLane("quiet", {"order"}, std::nullopt);
  ASSERT_NE(id, 0);
  const auto created_at = Lane(id).last_activity_at;

  At(created_at + 6 * kDay);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());
  ASSERT_EQ(notifier_->notices().size(), 1u) << "the default channel was not notified";
  EXPECT_EQ(notifier_->notices()[0].event, "lane.expiring");
  EXPECT_EQ(notifier_->notices()[0].fields.at("lane"), "quiet");
  ASSERT_EQ(channels_.size(), 1u);
  EXPECT_EQ(channels_[0].type, "dingtalk");
  EXPECT_EQ(channels_[0].url, kRobotUrl);
  EXPECT_EQ(channels_[0].secret, "SECdefault");
  auto deliveries = Deliveries(id);
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].state, "delivered");
  EXPECT_EQ(deliveries[0].kind, "lane_expiring");
  ASSERT_EQ(ExpiryEvents(id).size(), 1u);
  EXPECT_NE(ExpiryEvents(id)[0].find("default channel"), std::string::npos) << ExpiryEvents(id)[0];
}

TEST_F(LaneExpiryNoticeTest, ALaneWithNoChannelAndNoDefaultIsListedWithoutANotice) {
  AddApp("order");
  const auto id = CreateLane("silent", {"order"}, std::nullopt);
  ASSERT_NE(id, 0);
  At(Lane(id).last_activity_at + 6 * kDay);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());
  EXPECT_TRUE(notifier_->notices().empty());
  EXPECT_TRUE(Deliveries(id).empty());
  ASSERT_EQ(ExpiryEvents(id).size(), 1u);
  EXPECT_NE(ExpiryEvents(id)[0].find("no notice channel"), std::string::npos);
}

TEST_F(LaneExpiryNoticeTest, AFailedDeliveryIsTriedAgain) {
  AddApp("order");
  const auto id = CreateLane("flaky-hook", {"order"});
  ASSERT_NE(id, 0);
  const auto created_at = Lane(id).last_activity_at;

  notifier_->FailNext(core::Error{core::Code::kTransient, "webhook: 503 Service Unavailable", {}});
  At(created_at + 6 * kDay);
  ASSERT_TRUE(Lane(id).pending_deletion_at.has_value());
  EXPECT_TRUE(notifier_->notices().empty()) << "the first delivery failed";
  ASSERT_TRUE(Drive([&] { return !notifier_->notices().empty(); }, 30))
      << "a failed expiry notice is never tried again";
  EXPECT_EQ(notifier_->notices().size(), 1u);
  auto deliveries = Deliveries(id);
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].state, "delivered");
  EXPECT_EQ(deliveries[0].attempts, 2);
  ASSERT_EQ(channels_.size(), 2u);
  EXPECT_EQ(channels_[1].url, "https://hooks.example.com/lanes") << "the lane's own channel";
  EXPECT_EQ(NoticeEvents(id), std::vector<std::string>{"Lane flaky-hook will be deleted → the "
                                                       "lane's channel: delivered, 2 attempts"});
}

TEST_F(LaneExpiryNoticeTest, ADeliveryThatFailsForGoodShowsInTheLanesEvents) {
  AddApp("order");
  const auto id = CreateLane("refused", {"order"});
  ASSERT_NE(id, 0);
  notifier_->FailNext(core::Error{core::Code::kInvalid, "webhook: HTTP 410: gone", {}});
  At(Lane(id).last_activity_at + 6 * kDay);
  Drive([] { return false; }, 10);
  EXPECT_TRUE(notifier_->notices().empty());
  auto events = NoticeEvents(id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].find("failed"), std::string::npos) << events[0];
  EXPECT_NE(events[0].find("HTTP 410"), std::string::npos) << events[0];
  EXPECT_EQ(Events(id).front().kind, "notice") << "the newest event";
}

TEST_F(LaneExpiryNoticeTest, TheNoticeIsEnqueuedOnceWhenTheListingCommitsOnlyOnTheSecondTry) {
  AddApp("order");
  const auto id = CreateLane("retried", {"order"});
  ASSERT_NE(id, 0);
  const auto created_at = Lane(id).last_activity_at;

  // Day 6: the watch decides to list the lane, but its commit fails (as a
  // crash before the commit would lose it): nothing is listed, nothing sent.
  FailExpiryEvents(true);
  At(created_at + 6 * kDay);
  EXPECT_FALSE(Lane(id).pending_deletion_at.has_value());
  EXPECT_TRUE(notifier_->notices().empty()) << "a notice left before its listing committed";
  EXPECT_TRUE(Deliveries(id).empty());

  // The step runs again and commits: one listing, one notice.
  FailExpiryEvents(false);
  ASSERT_TRUE(Drive([&] { return Lane(id).pending_deletion_at.has_value(); }, 30));
  Drive([] { return false; }, 10);
  EXPECT_EQ(notifier_->notices().size(), 1u);
  EXPECT_EQ(Deliveries(id).size(), 1u);
  EXPECT_EQ(ExpiryEvents(id).size(), 1u);
}

}  // namespace
}  // namespace slipway::services
