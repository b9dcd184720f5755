#pragma once
// Shared by the release work's unit tests: the release workflow on the
// in-memory cluster (instant controllers), the engine driven by hand with a
// simulated clock, one application "shop" owned by alice.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/kubernetes/fake.hpp"
#include "engine/engine.hpp"
#include "http/handlers/env_input.hpp"
#include "services/apps/app_service.hpp"
#include "services/changes/change_service.hpp"
#include "services/environments/environment_service.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "services/releases/environment_delete_hooks.hpp"
#include "services/releases/release_runner.hpp"
#include "services/releases/release_service.hpp"
#include "store/app_repository.hpp"
#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {

namespace json = boost::json;
inline constexpr const char* kV1 = "registry.test/slipway/shop:1";
inline constexpr const char* kV2 = "registry.test/slipway/shop:2";

class ReleaseRunnerTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::shared_ptr<connectors::FakeKubernetes> kube_ =
      std::make_shared<connectors::FakeKubernetes>(&clock_);
  Connections connections_ = [this] {
    Connections c;
    c.kubernetes =
        [this](const core::Cluster&) -> core::Result<std::shared_ptr<connectors::Kubernetes>> {
      return std::shared_ptr<connectors::Kubernetes>(kube_);
    };
    return c;
  }();
  SecretBox secrets_{SecretBox::Key{}};
  ClusterService clusters_{*db_, clock_, secrets_, connections_, {}};
  AppService apps_{*db_, clock_};
  EnvironmentService environments_{*db_, clock_, clusters_, HooksOfChanges()};
  // No config backend: baselines record no configuration (release_config_test has one).
  ReleaseConfig release_config_{connections_, {}, {}};
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<EngineNotices> notices_;
  std::unique_ptr<ChangeService> changes_;
  std::unique_ptr<ReleaseRunner> runner_;
  std::unique_ptr<ReleaseService> releases_;
  RequestContext alice_{{1, "alice", core::Role::kDeveloper}, "r-alice"};
  std::int64_t app_id_ = 0;

  void SetUp() override {
    engine::EngineSettings settings;
    settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, engine::Registry{}, settings);
    notices_ = std::make_unique<EngineNotices>(*engine_, clock_, secrets_);
    changes_ = std::make_unique<ChangeService>(*db_, clock_, *notices_);
    runner_ =
        std::make_unique<ReleaseRunner>(ReleaseRunnerDeps{*db_, clock_, clusters_, apps_, *engine_,
                                                          *changes_, *notices_, release_config_},
                                        ReleaseRunnerSettings{5'000, 60'000});
    releases_ =
        std::make_unique<ReleaseService>(*db_, clock_, *engine_, *changes_, release_config_);
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
  void TearDown() override { runner_->Shutdown(); }

  // changes_ is made in SetUp, after environments_: the hooks reach it when called.
  EnvironmentService::DeleteHooks HooksOfChanges() {
    return {[this](store::Tx& tx, std::int64_t env_id) {
              return EnvironmentDeleteHooks(clock_, *changes_).refusal(tx, env_id);
            },
            [this](store::Tx& tx, const RequestContext& ctx, const core::Environment& env) {
              return EnvironmentDeleteHooks(clock_, *changes_).detach(tx, ctx, env);
            }};
  }

  std::int64_t CreateEnv(int replicas, json::object policy = {}) {
    json::object body{
        {"env_type", "prod"}, {"cluster", "sandbox"}, {"image", kV1}, {"replicas", replicas}};
    if (!policy.empty()) body["release_policy"] = policy;
    auto env = environments_.Create(
        alice_, "shop", http::ParseCreateEnvironment(body, clusters_.settings().env_types));
    EXPECT_TRUE(env.ok()) << (env.ok() ? "" : env.error().message);
    return env.ok() ? env->env.id : 0;
  }

  std::int64_t CodeChange(std::int64_t env_id, const std::string& image,
                          core::ChangeState state = core::ChangeState::kPendingRelease) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::Change c;
      c.app_id = app_id_;
      c.env_id = env_id;
      c.state = state;
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

  /// How many rows `sql` (a SELECT count(*)) counts.
  std::int64_t Count(const std::string& sql, const store::Params& params = {}) {
    return store::InTx(*db_, store::TxMode::kRead,
                       [&](store::Tx& tx) { return tx.QueryOne(sql, params)->Int(0); });
  }

  core::Change Change(std::int64_t id) {
    return *store::InTx(*db_, store::TxMode::kRead,
                        [&](store::Tx& tx) { return store::changes::Get(tx, id); });
  }

  core::Release Release(std::int64_t id) {
    return *store::InTx(*db_, store::TxMode::kRead,
                        [&](store::Tx& tx) { return store::releases::Get(tx, id); });
  }

  json::object Deployment(const std::string& name) {
    auto d = kube_->Get(connectors::kube::kDeployments, "prod", name);
    return d.ok() ? *d : json::object{};
  }

  std::string ImageOf(const json::object& d) {
    return std::string(
        d.at("spec").at("template").at("spec").at("containers").at(0).at("image").as_string());
  }
};

}  // namespace slipway::services
