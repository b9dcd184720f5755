// Contract tests of changes, releases and baselines; run on SQLite and PostgreSQL.
#include "store/release_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "store/change_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class ReleaseRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
      core::App app;
      app.name = "shop";
      app.team = "trade";
      app.owner = "alice";
      app_id_ = apps::Insert(tx, app);
      return 0;
    });
  }

  std::int64_t NewChange(core::ChangeType type = core::ChangeType::kCode) {
    core::Change c;
    c.app_id = app_id_;
    c.env_id = 7;
    c.type = type;
    c.title = "ship 1.2";
    c.image = "r:5000/slipway/shop:1.2";
    c.build_id = 3;
    c.created_by = "alice";
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return changes::Insert(tx, c); });
  }

  core::Release NewRelease(std::int64_t change_id, std::int64_t env_id = 7) {
    core::Release r;
    r.change_id = change_id;
    r.app_id = app_id_;
    r.env_id = env_id;
    r.image = "r:5000/slipway/shop:1.2";
    r.spec = "{}";
    r.started_by = "alice";
    r.workflow_id =
        "wf-" + std::to_string(++workflows_);  // a release and its workflow begin together
    return r;
  }

  std::int64_t app_id_ = 0;
  int workflows_ = 0;
};

TEST_F(ReleaseRepositoryTest, ChangeRoundTripUpdateAndHistory) {
  auto id = NewChange();
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto c = *changes::Get(tx, id);
    EXPECT_EQ(c.build_id, 3);
    EXPECT_FALSE(c.replicas);
    c.state = core::ChangeState::kApproving;
    c.needs_approval = true;
    c.version = 2;
    EXPECT_TRUE(changes::Update(tx, c));
    EXPECT_FALSE(changes::Update(tx, c));
    changes::AddEvent(tx, {0, id, "submit", "alice", "", "{}", 1});
    changes::AddEvent(tx, {0, id, "approve", "bob", "looks good", "", 2});
    return 0;
  });
  auto events = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return changes::Events(tx, id); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].comment, "looks good");
  auto listed = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
    ChangeQuery q;
    q.app_id = app_id_;
    q.state = "approving";
    return changes::List(tx, q);
  });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].needs_approval);
}

TEST_F(ReleaseRepositoryTest, OneActiveReleasePerEnvironmentAndOneReleasePerChange) {
  auto first = NewChange();
  auto second = NewChange();
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, NewRelease(first)); });
  EXPECT_THROW(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, NewRelease(second)); }),
      UniqueViolation);
  // Another environment is free.
  EXPECT_NO_THROW(InTx(*db_, TxMode::kWrite,
                       [&](Tx& tx) { return releases::Insert(tx, NewRelease(second, 8)); }));
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto r = *releases::Get(tx, id);
    EXPECT_EQ(releases::ActiveOn(tx, 7)->id, id);
    r.state = core::ReleaseState::kCompleted;
    r.finished_at = 5;
    r.version = 2;
    EXPECT_TRUE(releases::Update(tx, r));
    EXPECT_FALSE(releases::ActiveOn(tx, 7));
    return 0;
  });
  // The change was released once: a second release of it is refused, a rollback is not.
  EXPECT_THROW(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, NewRelease(first)); }),
      UniqueViolation);
  auto rollback = NewRelease(first);
  rollback.kind = "rollback";
  rollback.rollback_of = id;
  EXPECT_NO_THROW(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, rollback); }));
}

TEST_F(ReleaseRepositoryTest, AReleaseWithoutAWorkflowDoesNotUseUpItsChangesOneRelease) {
  // Left behind by a refused request before refusals rolled back, and settled
  // as failed since: it never ran.
  auto change = NewChange();
  auto orphan = NewRelease(change);
  orphan.workflow_id.clear();
  orphan.state = core::ReleaseState::kFailed;
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, orphan); });
  EXPECT_NO_THROW(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, NewRelease(change)); }));
  EXPECT_THROW(InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) { return releases::Insert(tx, NewRelease(change, 8)); }),
               UniqueViolation);
}

TEST_F(ReleaseRepositoryTest, StepsAndOperations) {
  auto release = NewRelease(NewChange());  // outside: NewChange has a transaction of its own
  auto id = InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return releases::Insert(tx, release); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    releases::PutSteps(
        tx, id, {{0, "record", "pending", "", {}, {}}, {1, "rollout", "pending", "", {}, {}}});
    releases::UpdateStep(tx, id, {1, "rollout", "running", "2 of 4 ready", 10, {}});
    releases::AddOperation(tx, {0, id, "start", "alice", "", 1});
    return 0;
  });
  auto steps = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return releases::Steps(tx, id); });
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].state, "running");
  EXPECT_EQ(steps[1].message, "2 of 4 ready");
  EXPECT_EQ(steps[1].started_at, 10);
  EXPECT_FALSE(steps[1].finished_at);
  auto ops = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return releases::Operations(tx, id); });
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].detail, "{}");
}

TEST_F(ReleaseRepositoryTest, BaselinesAreAppendedWithGrowingVersions) {
  core::Baseline b;
  b.env_id = 7;
  b.image = "r/shop:1";
  b.image_digest = "sha256:1";
  b.spec.replicas = 2;
  b.created_by = "alice";
  EXPECT_EQ(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return baselines::Append(tx, b); }), 1);
  b.image = "r/shop:2";
  b.image_digest = "sha256:2";
  EXPECT_EQ(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return baselines::Append(tx, b); }), 2);
  b.env_id = 8;
  EXPECT_EQ(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return baselines::Append(tx, b); }), 1);
  auto latest = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::Latest(tx, 7); });
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->spec.replicas, 2);
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::List(tx, 7); }).size(), 2u);
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::WithDigest(tx, "sha256:2"); })
                .size(),
            2u);
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::Get(tx, 7, 1); })->image,
            "r/shop:1");
}

}  // namespace
}  // namespace slipway::store
