// Contract tests of the lane repository; run on SQLite and PostgreSQL.
#include "store/lane_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class LaneRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
      for (const char* name : {"order", "pay"}) {
        core::App app;
        app.name = name;
        app.team = "trade";
        app.owner = "alice";
        app_ids_.push_back(apps::Insert(tx, app));
      }
      core::Cluster c;
      c.name = "lanes";
      c.connection = core::ClusterConnection::kKubeconfig;
      c.registry = "registry.example.com:5000";
      cluster_id_ = clusters::Insert(tx, {c, "v1:sealed"});
      return 0;
    });
  }

  core::Lane NewLane(const std::string& name, const std::string& ns) {
    core::Lane l;
    l.name = name;
    l.namespace_name = ns;
    l.story_workspace = "20001";
    l.story_id = "1120001000000001";
    l.description = "支付改版";
    l.owner = "alice";
    l.members = {"bob"};
    l.base_env_type = "qa";
    l.cluster_id = cluster_id_;
    l.coloring.producers = {"order"};
    l.coloring.consumers = {{"pay", "orders", "pay-consumer"}};
    l.last_activity_at = l.created_at = l.updated_at = 1000;
    l.created_by = "alice";
    core::LaneApp a;
    a.spec = {.app = "order",
              .app_id = app_ids_[0],
              .base_env_id = 7,
              .replicas = 2,
              .env = {{"MODE", "lane"}},
              .domains = {"web"}};
    l.apps.push_back(a);
    return l;
  }

  std::vector<std::int64_t> app_ids_;
  std::int64_t cluster_id_ = 0;
};

TEST_F(LaneRepositoryTest, RoundTripKeepsEveryField) {
  auto id = InTx(*db_, TxMode::kWrite,
                 [&](Tx& tx) { return lanes::Insert(tx, NewLane("Pay_Q3", "pay-q3")); });
  auto lane = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return lanes::Get(tx, id); });
  ASSERT_TRUE(lane);
  EXPECT_EQ(lane->name, "Pay_Q3");
  EXPECT_EQ(lane->description, "支付改版");
  EXPECT_EQ(lane->members, std::vector<std::string>{"bob"});
  EXPECT_EQ(lane->coloring.consumers.at(0).group, "pay-consumer");
  ASSERT_EQ(lane->apps.size(), 1u);
  EXPECT_EQ(lane->apps[0].spec.app, "order");
  EXPECT_EQ(lane->apps[0].spec.replicas, 2);
  EXPECT_EQ(lane->apps[0].spec.env.at(0).value, "lane");
  EXPECT_EQ(lane->apps[0].spec.domains, std::vector<std::string>{"web"});
  EXPECT_EQ(lane->state, core::LaneState::kCreating);
  EXPECT_FALSE(lane->pending_deletion_at);
}

TEST_F(LaneRepositoryTest, ANamespaceBelongsToOneLiveLaneAtATime) {
  auto id = InTx(*db_, TxMode::kWrite,
                 [&](Tx& tx) { return lanes::Insert(tx, NewLane("Pay_Q3", "pay-q3")); });
  EXPECT_THROW(InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) { return lanes::Insert(tx, NewLane("pay-q3", "pay-q3")); }),
               UniqueViolation);
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto lane = *lanes::Get(tx, id);
    lane.state = core::LaneState::kDeleted;
    ++lane.version;
    return lanes::Update(tx, lane);
  });
  auto again = InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) { return lanes::Insert(tx, NewLane("pay-q3", "pay-q3")); });
  EXPECT_NE(again, id) << "ids are never reused";
  auto live = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return lanes::GetLiveByName(tx, "PAY-Q3"); });
  ASSERT_TRUE(live);
  EXPECT_EQ(live->id, again);
}

TEST_F(LaneRepositoryTest, ReplacingAppsKeepsTheLiveStateOfThoseThatStay) {
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return lanes::Insert(tx, NewLane("l1", "l1")); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    lanes::UpdateAppLive(tx, id, app_ids_[0],
                         {.branch_head = "abc", .deployed_image = "r/order:1", .hook_id = 9});
    auto lane = *lanes::Get(tx, id);
    core::LaneApp pay;
    pay.spec = {.app = "pay", .app_id = app_ids_[1], .base_env_id = 8};
    lane.apps.push_back(pay);
    lanes::ReplaceApps(tx, lane);
    return 0;
  });
  auto lane = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return lanes::Get(tx, id); });
  ASSERT_EQ(lane->apps.size(), 2u);
  EXPECT_EQ(lane->apps[0].live.hook_id, 9);
  EXPECT_EQ(lane->apps[0].live.branch_head, "abc");
  EXPECT_EQ(lane->apps[1].spec.app, "pay");
  auto with_pay =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return lanes::LiveWithApp(tx, app_ids_[1]); });
  EXPECT_EQ(with_pay.size(), 1u);
}

TEST_F(LaneRepositoryTest, EventsNewestFirst) {
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return lanes::Insert(tx, NewLane("l1", "l1")); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    lanes::AddEvent(
        tx, {.lane_id = id, .app = "order", .kind = "push", .detail = "abc", .created_at = 1});
    lanes::AddEvent(
        tx,
        {.lane_id = id, .app = "order", .kind = "deploy", .detail = "r/order:1", .created_at = 2});
    return 0;
  });
  auto events = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return lanes::Events(tx, id, 10); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "deploy");
}

}  // namespace
}  // namespace slipway::store
