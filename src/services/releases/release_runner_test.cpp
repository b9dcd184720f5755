// The release workflow on the in-memory cluster (instant controllers), the
// engine driven by hand with a simulated clock: one-shot, canary with
// promotions, abort, failure and rollback, cluster outages, stopped workflows.
#include "services/releases/release_test_fixture.hpp"

namespace slipway::services {
namespace {

TEST_F(ReleaseRunnerTest, OneShotScaleCompletesWritesABaselineAndTakesTheAppOnline) {
  auto env = CreateEnv(2);
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_TRUE(scaled.ok()) << scaled.error().message;
  auto r = Drive(scaled->release.id);
  EXPECT_EQ(r.state, core::ReleaseState::kCompleted) << r.error;
  EXPECT_EQ(r.image_before, kV1);
  EXPECT_EQ(Deployment("shop").at("spec").at("replicas").as_int64(), 3);
  store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
    EXPECT_EQ(store::baselines::Latest(tx, env)->version, 1);
    EXPECT_EQ(store::environments::Get(tx, env)->spec.replicas, 3);
    EXPECT_EQ(store::changes::Get(tx, scaled->change.id)->state, core::ChangeState::kReleased);
    EXPECT_EQ(store::apps::Get(tx, app_id_)->status, core::AppStatus::kOnline);
    return 0;
  });
}

TEST_F(ReleaseRunnerTest, AnAppAskedToGoOfflineDuringItsFirstReleaseReturnsOnlineOnCancel) {
  auto env = CreateEnv(2);
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_TRUE(scaled.ok()) << scaled.error().message;
  ASSERT_TRUE(
      apps_.Transition(alice_, "shop", core::AppEvent::kRequestOffline, AppTransitionCommand{})
          .ok());
  EXPECT_EQ(Drive(scaled->release.id).state, core::ReleaseState::kCompleted);
  auto cancelled =
      apps_.Transition(alice_, "shop", core::AppEvent::kCancelOffline, AppTransitionCommand{});
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->app.status, core::AppStatus::kOnline)
      << "it has released successfully: no longer pending online";
}

TEST_F(ReleaseRunnerTest, CanaryKeepsTheTotalAndWaitsForEachPromotion) {
  auto env = CreateEnv(4, {{"strategy", "canary"},
                           {"canary",
                            {{"steps", json::array{{{"pods", 1}}, {{"percent", 50}}}},
                             {"stability_window_seconds", 2}}}});
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok()) << started.error().message;
  const auto id = started->release.id;
  for (auto [canary, stable] : {std::pair{1, 3}, std::pair{2, 2}}) {
    auto r = Drive(id);
    ASSERT_EQ(r.state, core::ReleaseState::kCanary) << r.error;
    EXPECT_EQ(Deployment("shop-canary").at("spec").at("replicas").as_int64(), canary);
    EXPECT_EQ(ImageOf(Deployment("shop-canary")), kV2);
    EXPECT_EQ(Deployment("shop").at("spec").at("replicas").as_int64(), stable);
    EXPECT_EQ(ImageOf(Deployment("shop")), kV1);
    // Nothing moves without a person.
    clock_.Advance(60'000);
    EXPECT_EQ(Drive(id, 3).state, core::ReleaseState::kCanary);
    ASSERT_TRUE(releases_->Act(alice_, std::to_string(id), "promote").ok());
  }
  auto r = Drive(id);
  EXPECT_EQ(r.state, core::ReleaseState::kCompleted) << r.error;
  EXPECT_EQ(ImageOf(Deployment("shop")), kV2);
  EXPECT_EQ(Deployment("shop").at("spec").at("replicas").as_int64(), 4);
  EXPECT_TRUE(Deployment("shop-canary").empty()) << "the canary is removed";
  for (const auto& step : store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
         return store::releases::Steps(tx, id);
       })) {
    EXPECT_EQ(step.state, "succeeded") << step.name;
  }
}

// A step without a pause whose pods are ready at once is passed within the
// run that scaled it: its row shows done with that run, not at the end.
TEST_F(ReleaseRunnerTest, ACanaryStepPassedWithinOneRunShowsDoneAtOnce) {
  auto env =
      CreateEnv(4, {{"strategy", "canary"},
                    {"canary",
                     {{"steps", json::array{{{"pods", 1}, {"pause", "none"}}, {{"percent", 50}}}},
                      {"stability_window_seconds", 0}}}});
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok()) << started.error().message;
  const auto id = started->release.id;
  ASSERT_EQ(Drive(id).state, core::ReleaseState::kCanary);
  auto steps = store::InTx(*db_, store::TxMode::kRead,
                           [&](store::Tx& tx) { return store::releases::Steps(tx, id); });
  auto at = [&](int idx) {
    auto it = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.idx == idx; });
    EXPECT_NE(it, steps.end()) << idx;
    return *it;
  };
  const auto first = at(1);
  EXPECT_EQ(first.state, "succeeded") << first.message;
  EXPECT_TRUE(first.started_at && first.finished_at);
  EXPECT_EQ(at(2).state, "waiting") << at(2).message;

  clock_.Advance(5'000);
  ASSERT_TRUE(releases_->Act(alice_, std::to_string(id), "promote").ok());
  ASSERT_EQ(Drive(id).state, core::ReleaseState::kCompleted);
  auto finished = store::InTx(*db_, store::TxMode::kRead,
                              [&](store::Tx& tx) { return store::releases::Steps(tx, id); });
  for (const auto& s : finished) {
    if (s.idx == 1) {
      EXPECT_EQ(s.finished_at, first.finished_at) << "kept, not rewritten at the end";
    }
  }
}

TEST_F(ReleaseRunnerTest, AbortPutsBackWhatRanBefore) {
  auto env = CreateEnv(
      4, {{"strategy", "canary"},
          {"canary", {{"steps", json::array{{{"pods", 1}}}}, {"stability_window_seconds", 0}}}});
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok());
  ASSERT_EQ(Drive(started->release.id).state, core::ReleaseState::kCanary);
  ASSERT_TRUE(releases_->Act(alice_, std::to_string(started->release.id), "abort").ok());
  auto r = Drive(started->release.id);
  EXPECT_EQ(r.state, core::ReleaseState::kFailed);
  EXPECT_EQ(r.error, "aborted by alice");
  EXPECT_TRUE(Deployment("shop-canary").empty());
  EXPECT_EQ(ImageOf(Deployment("shop")), kV1);
  EXPECT_EQ(Deployment("shop").at("spec").at("replicas").as_int64(), 4);
  // Promotion is refused once it ended.
  EXPECT_EQ(releases_->Act(alice_, std::to_string(r.id), "promote").error().code,
            core::Code::kConflict);
}

TEST_F(ReleaseRunnerTest, AnImagePullFailureFailsWithTheReasonAndRollbackRestores) {
  auto env = CreateEnv(2);
  kube_->FailImage(kV2, "ImagePullBackOff");
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok());
  auto r = Drive(started->release.id);
  ASSERT_EQ(r.state, core::ReleaseState::kFailed);
  EXPECT_NE(r.error.find("ImagePullBackOff"), std::string::npos) << r.error;
  auto plan = releases_->PlanRollback(alice_, std::to_string(r.id), {});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->image, kV1);
  auto rollback = releases_->Rollback(alice_, std::to_string(r.id), {});
  ASSERT_TRUE(rollback.ok()) << rollback.error().message;
  EXPECT_EQ(Drive(rollback->release.id).state, core::ReleaseState::kCompleted);
  EXPECT_EQ(ImageOf(Deployment("shop")), kV1);
}

TEST_F(ReleaseRunnerTest, ACluster503OutageIsRiddenOutWithoutUsingUpEngineAttempts) {
  auto env = CreateEnv(2);
  kube_->InjectFailure("Get", "deployments",
                       core::Error{core::Code::kTransient, "503 Service Unavailable", {}},
                       7);  // more than the engine's 5 attempts
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_TRUE(scaled.ok());
  EXPECT_EQ(Drive(scaled->release.id).state, core::ReleaseState::kCompleted);
}

TEST_F(ReleaseRunnerTest, AnOutageLongerThanTheLimitFailsTheRelease) {
  auto env = CreateEnv(2);
  kube_->InjectFailure("Get", "deployments",
                       core::Error{core::Code::kTransient, "connection refused", {}}, 100000);
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_TRUE(scaled.ok());
  auto r = Drive(scaled->release.id, 200);
  EXPECT_EQ(r.state, core::ReleaseState::kFailed);
  EXPECT_NE(r.error.find("connection refused"), std::string::npos) << r.error;
}

TEST_F(ReleaseRunnerTest, AReleaseWhoseWorkflowStoppedIsSettledAndFreesTheEnvironment) {
  auto env = CreateEnv(2);
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{3});
  ASSERT_TRUE(scaled.ok());
  ASSERT_TRUE(engine_->Cancel(scaled->release.workflow_id, "cancelled by an admin").ok());
  auto view = releases_->Get(alice_, std::to_string(scaled->release.id));
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->release.state, core::ReleaseState::kFailed);
  EXPECT_NE(view->release.error.find("cancelled by an admin"), std::string::npos);
  EXPECT_EQ(view->change.state, core::ChangeState::kFailed);
  EXPECT_TRUE(releases_->Scale(alice_, std::to_string(env), ScaleCommand{4}).ok());
}

}  // namespace
}  // namespace slipway::services
