// The release workflow on the in-memory cluster (instant controllers), the
// engine driven by hand with a simulated clock: one-shot, canary with
// promotions, abort, failure and rollback, cluster outages, stopped workflows.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/kubernetes/fake.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_service.hpp"
#include "services/changes/change_service.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "services/environments/environment_service.hpp"
#include "services/releases/release_runner.hpp"
#include "services/releases/release_service.hpp"
#include "store/app_repository.hpp"
#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
constexpr const char* kV1 = "registry.test/slipway/shop:1";
constexpr const char* kV2 = "registry.test/slipway/shop:2";

class ReleaseRunnerTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::shared_ptr<connectors::FakeKubernetes> kube_ = std::make_shared<connectors::FakeKubernetes>(&clock_);
  Connections connections_ = [this] {
    Connections c;
    c.kubernetes = [this](const core::Cluster&) -> core::Result<std::shared_ptr<connectors::Kubernetes>> {
      return std::shared_ptr<connectors::Kubernetes>(kube_);
    };
    return c;
  }();
  SecretBox secrets_{SecretBox::Key{}};
  ClusterService clusters_{*db_, clock_, secrets_, connections_, {}};
  AppService apps_{*db_, clock_};
  EnvironmentService environments_{*db_, clock_, clusters_};
  ReleaseRunner runner_{*db_, clock_, clusters_, apps_, {5'000, 60'000}};
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<EngineNotices> notices_;
  std::unique_ptr<ChangeService> changes_;
  std::unique_ptr<ReleaseService> releases_;
  RequestContext alice_{{1, "alice", core::Role::kDeveloper}, "r-alice"};
  std::int64_t app_id_ = 0;

  void SetUp() override {
    engine::Registry registry;
    runner_.Register(registry);
    engine::EngineSettings settings;
    settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), settings);
    notices_ = std::make_unique<EngineNotices>(*engine_, clock_, secrets_);
    changes_ = std::make_unique<ChangeService>(*db_, clock_, *notices_);
    runner_.Attach(*engine_, *changes_);
    releases_ = std::make_unique<ReleaseService>(*db_, clock_, *engine_, *changes_);
    clusters_.EnsureSandboxCluster("registry.test");
    app_id_ = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::App app;
      app.name = "shop";
      app.team = "trade";
      app.owner = "alice";
      app.status = core::AppStatus::kPendingOnline;
      auto id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, id, "alice", core::MemberRole::kOwner);
      return id;
    });
  }
  void TearDown() override { runner_.Shutdown(); }

  std::int64_t CreateEnv(int replicas, json::object policy = {}) {
    json::object body{{"env_type", "prod"}, {"cluster", "sandbox"}, {"image", kV1}, {"replicas", replicas}};
    if (!policy.empty()) body["release_policy"] = policy;
    auto env = environments_.Create(alice_, "shop", body);
    EXPECT_TRUE(env.ok()) << (env.ok() ? "" : env.error().message);
    return env.ok() ? env->env.id : 0;
  }

  std::int64_t CodeChange(std::int64_t env_id, const std::string& image) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::Change c;
      c.app_id = app_id_;
      c.env_id = env_id;
      c.state = core::ChangeState::kPendingRelease;
      c.title = "ship " + image;
      c.image = image;
      c.created_by = "alice";
      return store::changes::Insert(tx, c);
    });
  }

  /// Runs due steps, moving the clock on by a second whenever nothing is due,
  /// until the release ends or waits for a person (or `rounds` pass).
  core::Release Drive(std::int64_t release_id, int rounds = 120) {
    core::Release r;
    for (int i = 0; i < rounds; ++i) {
      while (engine_->RunOnce()) {
      }
      r = Release(release_id);
      if (!core::ReleaseActive(r.state) || r.state == core::ReleaseState::kCanary) return r;
      clock_.Advance(1000);
    }
    return r;
  }

  core::Release Release(std::int64_t id) {
    return *store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) { return store::releases::Get(tx, id); });
  }

  json::object Deployment(const std::string& name) {
    auto d = kube_->Get(connectors::kube::kDeployments, "prod", name);
    return d.ok() ? *d : json::object{};
  }

  std::string ImageOf(const json::object& d) {
    return std::string(d.at("spec").at("template").at("spec").at("containers").at(0).at("image").as_string());
  }
};

TEST_F(ReleaseRunnerTest, OneShotScaleCompletesWritesABaselineAndTakesTheAppOnline) {
  auto env = CreateEnv(2);
  auto scaled = releases_->Scale(alice_, std::to_string(env), {{"replicas", 3}});
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

TEST_F(ReleaseRunnerTest, CanaryKeepsTheTotalAndWaitsForEachPromotion) {
  auto env = CreateEnv(4, {{"strategy", "canary"}, {"canary", {{"steps", json::array{{{"pods", 1}}, {{"percent", 50}}}},
                                                               {"stability_window_seconds", 2}}}});
  auto started = releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), {});
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
  for (const auto& step : store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) { return store::releases::Steps(tx, id); })) {
    EXPECT_EQ(step.state, "succeeded") << step.name;
  }
}

TEST_F(ReleaseRunnerTest, AbortPutsBackWhatRanBefore) {
  auto env = CreateEnv(4, {{"strategy", "canary"}, {"canary", {{"steps", json::array{{{"pods", 1}}}},
                                                               {"stability_window_seconds", 0}}}});
  auto started = releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), {});
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
  EXPECT_EQ(releases_->Act(alice_, std::to_string(r.id), "promote").error().code, core::Code::kConflict);
}

TEST_F(ReleaseRunnerTest, AnImagePullFailureFailsWithTheReasonAndRollbackRestores) {
  auto env = CreateEnv(2);
  kube_->FailImage(kV2, "ImagePullBackOff");
  auto started = releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), {});
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
  kube_->InjectFailure("Get", "deployments", core::Error{core::Code::kTransient, "503 Service Unavailable", {}}, 7);  // more than the engine's 5 attempts
  auto scaled = releases_->Scale(alice_, std::to_string(env), {{"replicas", 3}});
  ASSERT_TRUE(scaled.ok());
  EXPECT_EQ(Drive(scaled->release.id).state, core::ReleaseState::kCompleted);
}

TEST_F(ReleaseRunnerTest, AnOutageLongerThanTheLimitFailsTheRelease) {
  auto env = CreateEnv(2);
  kube_->InjectFailure("Get", "deployments", core::Error{core::Code::kTransient, "connection refused", {}}, 100000);
  auto scaled = releases_->Scale(alice_, std::to_string(env), {{"replicas", 3}});
  ASSERT_TRUE(scaled.ok());
  auto r = Drive(scaled->release.id, 200);
  EXPECT_EQ(r.state, core::ReleaseState::kFailed);
  EXPECT_NE(r.error.find("connection refused"), std::string::npos) << r.error;
}

TEST_F(ReleaseRunnerTest, AReleaseWhoseWorkflowStoppedIsSettledAndFreesTheEnvironment) {
  auto env = CreateEnv(2);
  auto scaled = releases_->Scale(alice_, std::to_string(env), {{"replicas", 3}});
  ASSERT_TRUE(scaled.ok());
  ASSERT_TRUE(engine_->Cancel(scaled->release.workflow_id, "cancelled by an admin").ok());
  auto view = releases_->Get(alice_, std::to_string(scaled->release.id));
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->release.state, core::ReleaseState::kFailed);
  EXPECT_NE(view->release.error.find("cancelled by an admin"), std::string::npos);
  EXPECT_EQ(view->change.state, core::ChangeState::kFailed);
  EXPECT_TRUE(releases_->Scale(alice_, std::to_string(env), {{"replicas", 4}}).ok());
}

}  // namespace
}  // namespace slipway::services
