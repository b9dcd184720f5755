// A refused release (or scaling) leaves nothing behind; a change releases
// only into its own application's environment; a release left without a
// workflow is repaired (settled as failed) instead of holding its
// environment forever.
#include "services/releases/release_test_fixture.hpp"
#include "store/cluster_repository.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {
namespace {

class ReleaseRefusalsTest : public ReleaseRunnerTest {
 protected:
  std::int64_t Releases() { return Count("SELECT count(*) FROM releases"); }

  /// What a refused release used to leave: pending, tied to a change that
  /// never moved, with no workflow to run it.
  std::int64_t LeftBehindRelease(std::int64_t env, std::int64_t change) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::Release r;
      r.change_id = change;
      r.app_id = app_id_;
      r.env_id = env;
      r.image = kV2;
      r.spec = "{}";
      r.started_by = "alice";
      return store::releases::Insert(tx, r);
    });
  }
};

TEST_F(ReleaseRefusalsTest, ReleasingADevelopingChangeIsRefusedAndLeavesNothing) {
  auto env = CreateEnv(2);
  auto change = CodeChange(env, kV2, core::ChangeState::kDeveloping);
  auto refused = releases_->Start(alice_, std::to_string(change), StartReleaseCommand{});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("state").as_string(), "developing");
  EXPECT_EQ(Releases(), 0) << "a refused release left a row behind";
  EXPECT_EQ(Count("SELECT count(*) FROM release_operations"), 0);
  // The environment is free: the next release runs, and the environment can go afterwards.
  auto released =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(released.ok()) << released.error().message;
  EXPECT_EQ(Drive(released->release.id).state, core::ReleaseState::kCompleted);
  EXPECT_TRUE(environments_.Delete(alice_, std::to_string(env), "shop").ok());
}

TEST_F(ReleaseRefusalsTest, AChangeReleasesOnlyIntoAnEnvironmentOfItsOwnApplication) {
  // A change naming another application's environment (as one did when a
  // deleted environment's id was handed to another application's).
  auto foreign_env = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    core::App other;
    other.name = "other";
    other.team = "trade";
    other.owner = "bob";
    other.status = core::AppStatus::kOnline;
    core::Environment env;
    env.app_id = store::apps::Insert(tx, other);
    env.env_type = "prod";
    env.cluster_id = store::clusters::GetByRef(tx, "sandbox")->cluster.id;
    env.namespace_name = "prod";
    env.image = kV1;
    env.created_by = "bob";
    return store::environments::Insert(tx, env);
  });
  auto refused =
      releases_->Start(alice_, std::to_string(CodeChange(foreign_env, kV2)), StartReleaseCommand{});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_NE(refused.error().message.find("its own application"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Releases(), 0);
}

TEST_F(ReleaseRefusalsTest, ScalingWhileAReleaseRunsIsRefusedAndCreatesNoChange) {
  auto env = CreateEnv(2);
  auto running =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(running.ok());
  const auto changes = Count("SELECT count(*) FROM changes");
  auto refused = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(Count("SELECT count(*) FROM changes"), changes)
      << "the refused scaling left a change behind";
}

TEST_F(ReleaseRefusalsTest, AReleaseLeftWithoutAWorkflowIsSettledAsFailedAndAudited) {
  auto env = CreateEnv(2);
  auto change = CodeChange(env, kV2, core::ChangeState::kDeveloping);
  auto orphan = LeftBehindRelease(env, change);
  // Abort does not pretend: nothing could carry it out.
  auto abort = releases_->Act(alice_, std::to_string(orphan), "abort");
  ASSERT_FALSE(abort.ok());
  EXPECT_EQ(abort.error().code, core::Code::kConflict);
  EXPECT_EQ(abort.error().details.at("state").as_string(), "failed");
  auto r = Release(orphan);
  EXPECT_EQ(r.state, core::ReleaseState::kFailed);
  EXPECT_NE(r.error.find("no workflow"), std::string::npos) << r.error;
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'release.fail' AND object_id = ?",
                  {std::to_string(orphan)}),
            1);
  EXPECT_EQ(Change(change).state, core::ChangeState::kDeveloping);
  // Its change can still be released, once submitted; so can the environment.
  ASSERT_TRUE(
      changes_->Transition(alice_, std::to_string(change), core::ChangeEvent::kSubmit, {}).ok());
  auto released = releases_->Start(alice_, std::to_string(change), StartReleaseCommand{});
  ASSERT_TRUE(released.ok()) << released.error().message;
  EXPECT_EQ(Drive(released->release.id).state, core::ReleaseState::kCompleted);
}

TEST_F(ReleaseRefusalsTest, TheNextReleaseOfTheEnvironmentRepairsOneLeftWithoutAWorkflow) {
  auto env = CreateEnv(2);
  auto orphan = LeftBehindRelease(env, CodeChange(env, kV1, core::ChangeState::kDeveloping));
  auto released =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(released.ok()) << released.error().message;
  EXPECT_EQ(Release(orphan).state, core::ReleaseState::kFailed);
}

}  // namespace
}  // namespace slipway::services
