// Contract tests of the build repository; run on SQLite and PostgreSQL.
#include "store/build_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

using core::BuildState;

class BuildRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  std::int64_t app_id_ = 0;

  void SetUp() override {
    core::App app;
    app.name = "order-svc";
    app.team = "trade";
    app.owner = "alice";
    app_id_ = InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::Insert(tx, app); });
  }

  core::Build NewBuild(const std::string& version) const {
    core::Build b;
    b.app_id = app_id_;
    b.branch = "feature/x";
    b.version = version;
    b.note = "说明";
    b.image = "registry.local/slipway/order-svc:" + version;
    b.job_path = "trade/order-svc";
    b.created_by = "alice";
    b.created_at = b.updated_at = 1000;
    return b;
  }

  std::int64_t Insert(const core::Build& b) {
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return builds::Insert(tx, b); });
  }
  core::Build Get(std::int64_t id) {
    auto b = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::Get(tx, id); });
    EXPECT_TRUE(b.has_value());
    return b.value_or(core::Build{});
  }
  template <class Fn>
  auto Write(Fn&& fn) {
    return InTx(*db_, TxMode::kWrite, std::forward<Fn>(fn));
  }
};

TEST_F(BuildRepositoryTest, InsertAndReadBack) {
  auto b = NewBuild("1.0.0");
  b.env_id = 7;
  auto id = Insert(b);
  auto got = Get(id);
  EXPECT_EQ(got.app_id, app_id_);
  EXPECT_EQ(got.env_id, 7);
  EXPECT_EQ(got.branch, "feature/x");
  EXPECT_EQ(got.version, "1.0.0");
  EXPECT_EQ(got.note, "说明");
  EXPECT_EQ(got.state, BuildState::kQueued);
  EXPECT_EQ(got.image, b.image);
  EXPECT_FALSE(got.queue_id.has_value());
  EXPECT_FALSE(got.trigger_sent_at.has_value());
  EXPECT_FALSE(got.started_at.has_value());
  EXPECT_EQ(got.row_version, 1);
  EXPECT_FALSE(
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::Get(tx, id + 100); }).has_value());
}

TEST_F(BuildRepositoryTest, AVersionIsUniquePerApplication) {
  Insert(NewBuild("1.0.0"));
  EXPECT_THROW(Insert(NewBuild("1.0.0")), UniqueViolation);
  core::App other;
  other.name = "other-svc";
  other.team = "trade";
  other.owner = "bob";
  auto other_id = InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::Insert(tx, other); });
  auto b = NewBuild("1.0.0");
  b.app_id = other_id;
  EXPECT_GT(Insert(b), 0);
}

TEST_F(BuildRepositoryTest, TheTriggerIsRecordedOnce) {
  auto id = Insert(NewBuild("1"));
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::MarkTriggerSent(tx, id, 2000, 41); }));
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::MarkTriggerSent(tx, id, 3000, 99); }));
  auto got = Get(id);
  EXPECT_EQ(got.trigger_sent_at, 2000);
  EXPECT_EQ(got.last_build_before, 41);
}

TEST_F(BuildRepositoryTest, StartThenEndFollowTheStoredState) {
  auto id = Insert(NewBuild("1"));
  Write([&](Tx& tx) { builds::SetQueueId(tx, id, 17, 1500); });
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::MarkStarted(tx, id, 5, 2000); }));
  EXPECT_FALSE(
      Write([&](Tx& tx) { return builds::MarkStarted(tx, id, 6, 2100); }));  // not queued any more
  Write([&](Tx& tx) {
    builds::SetCommit(tx, id, "abcdef1", 2200);
    builds::SetJenkinsResult(tx, id, "SUCCESS", 2300);
  });
  builds::Ending wrong{BuildState::kQueued, BuildState::kCancelled, "x", "", 2400};
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::End(tx, id, wrong); }));
  builds::Ending done{BuildState::kRunning, BuildState::kSucceeded, "",
                      "sha256:" + std::string(64, 'a'), 2500};
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::End(tx, id, done); }));
  auto got = Get(id);
  EXPECT_EQ(got.state, BuildState::kSucceeded);
  EXPECT_EQ(got.queue_id, 17);
  EXPECT_EQ(got.build_number, 5);
  EXPECT_EQ(got.commit, "abcdef1");
  EXPECT_EQ(got.jenkins_result, "SUCCESS");
  EXPECT_EQ(got.digest, done.digest);
  EXPECT_EQ(got.started_at, 2000);
  EXPECT_EQ(got.finished_at, 2500);
  EXPECT_GT(got.row_version, 1);
  auto same =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::WithDigest(tx, done.digest); });
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].id, id);
}

TEST_F(BuildRepositoryTest, ACancelIsAskedOnceAndOnlyOfActiveBuilds) {
  auto id = Insert(NewBuild("1"));
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::RequestCancel(tx, id, "alice", 2000); }));
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::RequestCancel(tx, id, "bob", 2001); }));
  EXPECT_EQ(Get(id).cancel_requested_by, "alice");
  auto ended = Insert(NewBuild("2"));
  Write([&](Tx& tx) {
    builds::End(tx, ended, {BuildState::kQueued, BuildState::kFailed, "no job", "", 1});
  });
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::RequestCancel(tx, ended, "alice", 2000); }));
}

TEST_F(BuildRepositoryTest, ABuildWhoseWorkflowFailedReadsAsFailed) {
  auto id = Insert(NewBuild("1"));
  Write([&](Tx& tx) {
    tx.Exec(
        "INSERT INTO workflows (id, kind, subject, state, input, error, created_at, updated_at) "
        "VALUES ('wf-1', 'build', 'build:1', 'failed', '{}', 'step follow failed 5 times', 1, "
        "4242)");
    builds::SetWorkflow(tx, id, "wf-1");
  });
  auto got = Get(id);
  EXPECT_EQ(got.state, BuildState::kFailed);
  EXPECT_NE(got.reason.find("step follow failed 5 times"), std::string::npos);
  EXPECT_EQ(got.finished_at, 4242);
  EXPECT_EQ(got.workflow_id, "wf-1");
}

TEST_F(BuildRepositoryTest, ListIsNewestFirstWithAKeysetCursorAndAStateFilter) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(Insert(NewBuild("v" + std::to_string(i))));
  Write([&](Tx& tx) { builds::MarkStarted(tx, ids[1], 1, 1); });
  auto first = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
    return builds::List(tx, {app_id_, std::nullopt, 2, std::nullopt});
  });
  ASSERT_EQ(first.size(), 3u);  // one more than asked: another page follows
  EXPECT_EQ(first[0].id, ids[4]);
  EXPECT_EQ(first[1].id, ids[3]);
  auto next = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
    return builds::List(tx, {app_id_, std::nullopt, 2, ids[3]});
  });
  ASSERT_EQ(next.size(), 3u);
  EXPECT_EQ(next[0].id, ids[2]);
  auto running = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
    return builds::List(tx, {app_id_, BuildState::kRunning, 50, std::nullopt});
  });
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].id, ids[1]);
}

TEST_F(BuildRepositoryTest, TheLogGrowsOnlyAtItsEnd) {
  auto id = Insert(NewBuild("1"));
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::AppendLog(tx, id, 0, 6, "hello\n"); }));
  EXPECT_FALSE(Write(
      [&](Tx& tx) { return builds::AppendLog(tx, id, 0, 6, "hello\n"); }));  // a repeated read
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::AppendLog(tx, id, 9, 12, "gap"); }));
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::AppendLog(tx, id, 6, 13, "構建\n"); }));
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::LogEnd(tx, id); }), 13);
  auto all = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::ReadLog(tx, id, 0); });
  EXPECT_EQ(all.text, "hello\n構建\n");
  EXPECT_EQ(all.end, 13);
  auto rest = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::ReadLog(tx, id, 6); });
  EXPECT_EQ(rest.text, "構建\n");
  auto none = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::ReadLog(tx, id, 13); });
  EXPECT_EQ(none.text, "");
  EXPECT_EQ(none.end, 13);
}

TEST_F(BuildRepositoryTest, DeleteRemovesTheBuildAndItsLogAndFreesTheVersion) {
  auto id = Insert(NewBuild("1"));
  Write([&](Tx& tx) { builds::AppendLog(tx, id, 0, 3, "ab\n"); });
  EXPECT_TRUE(Write([&](Tx& tx) { return builds::Delete(tx, id); }));
  EXPECT_FALSE(Write([&](Tx& tx) { return builds::Delete(tx, id); }));
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return builds::ReadLog(tx, id, 0); }).text, "");
  EXPECT_GT(Insert(NewBuild("1")), id);
}

}  // namespace
}  // namespace slipway::store
