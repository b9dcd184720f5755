// Contract tests of notification targets and deliveries; run on SQLite and PostgreSQL.
#include "store/notification_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class NotificationRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  static NotificationTarget Target(const std::string& scope, const std::string& key,
                                   const std::string& name) {
    NotificationTarget t;
    t.scope = scope;
    t.scope_key = key;
    t.name = name;
    t.type = "dingtalk";
    t.url_sealed = "v1:sealed-url";
    t.url_shown = "https://robot.example/send?access_token=…";
    t.secret_sealed = "v1:sealed-secret";
    t.kinds = {"approval_requested", "release_failed"};
    t.updated_by = "alice";
    t.created_at = t.updated_at = 10;
    return t;
  }

  static NotificationDelivery Delivery(std::int64_t app_id, const NotificationTarget& t,
                                       const std::string& workflow) {
    NotificationDelivery d;
    d.app_id = app_id;
    d.target_id = t.id;
    d.target_name = t.name;
    d.target_scope = t.scope;
    d.target_key = t.scope_key;
    d.kind = "approval_requested";
    d.title = "approve change 1";
    d.workflow_id = workflow;
    d.created_at = d.updated_at = 20;
    return d;
  }

  // A workflows row in `state`, as the engine would leave it.
  void Workflow(Tx& tx, const std::string& id, const std::string& state, const std::string& error) {
    tx.Exec(
        "INSERT INTO workflows (id, kind, subject, state, input, error, created_at, updated_at) "
        "VALUES (?, 'notify', 'app:1', ?, '{}', ?, 0, 0)",
        {id, state, error.empty() ? Param(nullptr) : Param(error)});
  }
};

TEST_F(NotificationRepositoryTest, TargetsRoundTripByScopeAndNameIsUniquePerScope) {
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto b = Target("app", "1", "b-robot");
    b.id = notifications::InsertTarget(tx, b);
    notifications::InsertTarget(tx, Target("app", "1", "a-hook"));
    notifications::InsertTarget(tx, Target("team", "trade", "b-robot"));  // same name, other scope
    auto listed = notifications::Targets(tx, "app", "1");
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].name, "a-hook");  // by name
    EXPECT_EQ(listed[1].kinds, (std::vector<std::string>{"approval_requested", "release_failed"}));
    EXPECT_EQ(listed[1].secret_sealed, "v1:sealed-secret");
    b.kinds = {"release_completed"};
    b.secret_sealed.clear();
    b.updated_at = 30;
    notifications::UpdateTarget(tx, b);
    auto read = notifications::Target(tx, b.id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->kinds, std::vector<std::string>{"release_completed"});
    EXPECT_EQ(read->secret_sealed, "");
    EXPECT_EQ(read->updated_at, 30);
    notifications::DeleteTarget(tx, b.id);
    EXPECT_FALSE(notifications::Target(tx, b.id));
    EXPECT_EQ(notifications::Targets(tx, "team", "trade").size(), 1u);
  });
  EXPECT_THROW(
      InTx(*db_, TxMode::kWrite,
           [&](Tx& tx) { return notifications::InsertTarget(tx, Target("app", "1", "a-hook")); }),
      UniqueViolation);
}

TEST_F(NotificationRepositoryTest, DeliveryAttemptsAndTheWorkflowDecidePendingOnes) {
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto app_target = Target("app", "1", "robot");
    app_target.id = notifications::InsertTarget(tx, app_target);
    auto team_target = Target("team", "trade", "hook");
    team_target.id = notifications::InsertTarget(tx, team_target);
    Workflow(tx, "wf-ok", "succeeded", "");
    Workflow(tx, "wf-gone", "failed", "retries exhausted: HTTP 503");
    Workflow(tx, "wf-running", "running", "");
    notifications::InsertDelivery(tx, Delivery(1, app_target, "wf-ok"));
    notifications::InsertDelivery(tx, Delivery(1, team_target, "wf-gone"));
    notifications::InsertDelivery(tx, Delivery(2, team_target, "wf-running"));

    EXPECT_TRUE(notifications::RecordAttempt(tx, "wf-ok", "delivered", "", 25));
    EXPECT_TRUE(notifications::RecordAttempt(tx, "wf-gone", "pending", "HTTP 503", 26));
    EXPECT_TRUE(notifications::RecordAttempt(tx, "wf-running", "pending", "timeout", 27));
    EXPECT_FALSE(notifications::RecordAttempt(tx, "wf-unknown", "delivered", "", 28));

    auto ok = notifications::DeliveryOf(tx, "wf-ok");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->state, "delivered");
    EXPECT_EQ(ok->attempts, 1);
    EXPECT_EQ(ok->updated_at, 25);
    auto gone = notifications::DeliveryOf(tx, "wf-gone");
    EXPECT_EQ(gone->state, "failed");
    EXPECT_EQ(gone->error, "retries exhausted: HTTP 503");
    auto running = notifications::DeliveryOf(tx, "wf-running");
    EXPECT_EQ(running->state, "pending");
    EXPECT_EQ(running->error, "timeout");

    auto of_app = notifications::DeliveriesOfApp(tx, 1, 10);
    ASSERT_EQ(of_app.size(), 2u);
    EXPECT_EQ(of_app[0].workflow_id, "wf-gone");  // newest first
    auto of_team = notifications::DeliveriesOfScope(tx, "team", "trade", 1);
    ASSERT_EQ(of_team.size(), 1u);
    EXPECT_EQ(of_team[0].workflow_id, "wf-running");
  });
}

}  // namespace
}  // namespace slipway::store
