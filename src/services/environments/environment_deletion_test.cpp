// Deleting an environment closes or detaches what refers to it: its open
// changes are closed with the reason, its drafts removed; what happened on
// it (releases, operations) stays readable under its id. A creation the
// cluster refused is undone without a trace but the audit's.
#include "services/releases/release_test_fixture.hpp"
#include "store/config_repository.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {
namespace {

class EnvironmentDeletionTest : public ReleaseRunnerTest {
 protected:
  void Draft(std::int64_t env, const std::string& file) {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      store::ConfigDraft d;
      d.env_id = env;
      d.file_name = file;
      d.content = "a=1";
      d.created_by = d.updated_by = "alice";
      return store::config_files::InsertDraft(tx, d);
    });
  }

  std::vector<std::string> EventKinds(std::int64_t change) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      std::vector<std::string> out;
      for (const auto& e : store::changes::Events(tx, change)) out.push_back(e.kind);
      return out;
    });
  }
};

TEST_F(EnvironmentDeletionTest, ClosesTheOpenChangesWithTheReasonAndRemovesTheDrafts) {
  auto env = CreateEnv(2);
  auto released =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(released.ok());
  ASSERT_EQ(Drive(released->release.id).state, core::ReleaseState::kCompleted);
  auto developing = CodeChange(env, kV1, core::ChangeState::kDeveloping);
  auto approving = CodeChange(env, kV1, core::ChangeState::kApproving);
  auto pending = CodeChange(env, kV1);
  Draft(env, "application.properties");

  ASSERT_TRUE(environments_.Delete(alice_, std::to_string(env), "shop").ok());

  for (auto id : {developing, approving, pending}) {
    auto c = Change(id);
    EXPECT_EQ(c.state, core::ChangeState::kClosed) << id;
    EXPECT_EQ(c.close_reason,
              "environment " + std::to_string(env) + " (prod) was deleted by alice");
    EXPECT_EQ(EventKinds(id).back(), "environment_deleted");
  }
  EXPECT_EQ(Change(released->change.id).state, core::ChangeState::kReleased)
      << "history stays as it was";
  EXPECT_EQ(Count("SELECT count(*) FROM config_drafts WHERE env_id = ?", {env}), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'change.environment_deleted'"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM releases WHERE env_id = ?", {env}), 1);
  // A closed change goes nowhere, even if asked to.
  EXPECT_EQ(releases_->Start(alice_, std::to_string(pending), StartReleaseCommand{}).error().code,
            core::Code::kConflict);
}

TEST_F(EnvironmentDeletionTest, IsRefusedWhileAReleaseRunsAndClosesNothingThen) {
  auto env = CreateEnv(2);
  auto running =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(running.ok());
  auto open = CodeChange(env, kV1, core::ChangeState::kDeveloping);
  auto refused = environments_.Delete(alice_, std::to_string(env), "shop");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(Change(open).state, core::ChangeState::kDeveloping);
}

TEST_F(EnvironmentDeletionTest, ARunningReleaseWithoutAWorkflowDoesNotHoldTheEnvironment) {
  auto env = CreateEnv(2);
  auto change = CodeChange(env, kV2, core::ChangeState::kDeveloping);
  auto orphan = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    core::Release r;
    r.change_id = change;
    r.app_id = app_id_;
    r.env_id = env;
    r.image = kV2;
    r.spec = "{}";
    r.started_by = "alice";
    return store::releases::Insert(tx, r);
  });
  auto deleted = environments_.Delete(alice_, std::to_string(env), "shop");
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(Release(orphan).state, core::ReleaseState::kFailed);
}

TEST_F(EnvironmentDeletionTest, ACreationTheClusterRefusedLeavesNoEnvironmentAndNoOperation) {
  kube_->InjectFailure(
      "Create", "deployments",
      core::Error{core::Code::kInvalid, "admission webhook denied the request", {}});
  auto refused = environments_.Create(
      alice_, "shop",
      http::ParseCreateEnvironment({{"env_type", "prod"}, {"cluster", "sandbox"}, {"image", kV1}},
                                   clusters_.settings().env_types));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM env_operations"), 0)
      << "the refused creation left its operation record";
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.create' AND result <> 'ok'"), 1);
}

}  // namespace
}  // namespace slipway::services
