// The environment rules on the fake cluster: who may create, restart and
// delete; what a creation is checked against (env types, the application's
// state, clusters, one environment per type and cluster, approval); what
// holds a deletion back (the confirmation, the work above: DeleteHooks); who
// may replace the release policy and what a bad one leaves behind.
#include "services/environments/environment_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/kubernetes/fake.hpp"
#include "http/handlers/env_input.hpp"
#include "store/app_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
constexpr const char* kImage = "registry.test/slipway/shop:1";

class EnvironmentServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clusters_.EnsureSandboxCluster("registry.test");
    shop_ = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::App app;
      app.name = "shop";
      app.team = "trade";
      app.level = core::AppLevel::kCore;
      app.status = core::AppStatus::kOnline;
      auto id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, id, "alice", core::MemberRole::kOwner);
      app.name = "draft";
      app.status = core::AppStatus::kUnderReview;
      store::apps::PutMember(tx, store::apps::Insert(tx, app), "alice", core::MemberRole::kOwner);
      return id;
    });
  }

  static json::object Prod() {
    return {{"env_type", "prod"}, {"cluster", "sandbox"}, {"image", kImage}};
  }

  core::Result<EnvironmentView> Create(const RequestContext& ctx, json::object body = Prod(),
                                       const std::string& app = "shop") {
    return environments_.Create(ctx, app,
                                http::ParseCreateEnvironment(body, clusters_.settings().env_types));
  }

  core::Result<EnvironmentView> SetPolicy(const RequestContext& ctx, const std::string& env,
                                          const json::object& body) {
    return environments_.SetReleasePolicy(ctx, env, http::ParseSetReleasePolicy(body));
  }

  std::int64_t Created() {
    auto env = Create(alice_);
    EXPECT_TRUE(env.ok()) << (env.ok() ? "" : env.error().message);
    return env.ok() ? env->env.id : 0;
  }

  std::int64_t Count(const std::string& sql) {
    return store::InTx(*db_, store::TxMode::kRead,
                       [&](store::Tx& tx) { return tx.QueryOne(sql, {})->Int(0); });
  }

  bool DeploymentExists() {
    return kube_->Get(connectors::kube::kDeployments, "prod", "shop").ok();
  }

  static std::string Field(const core::Error& e) {
    return e.details.contains("field") ? std::string(e.details.at("field").as_string()) : "";
  }

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
  // What the work above says about a deletion, set by each test.
  std::optional<std::string> refusal_;
  core::Result<std::string> detached_ = std::string("; closed 2 open change(s)");
  EnvironmentService environments_{
      *db_,
      clock_,
      clusters_,
      {[this](store::Tx&, std::int64_t) { return refusal_; },
       [this](store::Tx&, const RequestContext&, const core::Environment&) { return detached_; }}};
  RequestContext alice_{{1, "alice", core::Role::kDeveloper}, "r-alice"};
  RequestContext bob_{{2, "bob", core::Role::kDeveloper}, "r-bob"};
  RequestContext root_{{3, "root", core::Role::kAdmin}, "r-root"};
  std::int64_t shop_ = 0;
};

TEST_F(EnvironmentServiceTest, OnlyAdminsAndTheApplicationsDevelopersCreateOne) {
  auto refused = Create(bob_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kForbidden);
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 0);
  EXPECT_FALSE(DeploymentExists());
  auto created = Create(root_);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(DeploymentExists());
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.create' AND result = 'ok'"), 1);
}

TEST_F(EnvironmentServiceTest, TheEnvTypeMustBeAConfiguredOne) {
  auto body = Prod();
  body["env_type"] = "staging";
  auto refused = Create(alice_, body);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "env_type must be one of: prod, test");
  EXPECT_EQ(Field(refused.error()), "env_type");
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 0);
}

TEST_F(EnvironmentServiceTest, AnApplicationUnderReviewHoldsNoEnvironment) {
  auto refused = Create(alice_, Prod(), "draft");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(std::string(refused.error().details.at("state").as_string()), "under_review");
}

TEST_F(EnvironmentServiceTest, TheClusterMustBeARegisteredOne) {
  auto body = Prod();
  body["cluster"] = "elsewhere";
  auto refused = Create(alice_, body);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kInvalid);
  EXPECT_EQ(Field(refused.error()), "cluster");
}

TEST_F(EnvironmentServiceTest, OneEnvironmentPerTypeAndCluster) {
  auto first = Created();
  auto again = Create(alice_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_EQ(again.error().details.at("environment_id").as_int64(), first);
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 1);
}

TEST_F(EnvironmentServiceTest, OnlyAdminsTurnApprovalOffWhereTheDefaultRuleAsksForIt) {
  auto body = Prod();
  body["release_policy"] = json::object{{"approval_required", false}};
  auto refused = Create(alice_, body);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kForbidden)
      << "a core application's prod environment";
  auto created = Create(root_, body);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->env.release_policy.approval_required, false);
}

TEST_F(EnvironmentServiceTest, OwnersAndAdminsReplaceTheReleasePolicy) {
  const auto env = std::to_string(Created());
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    store::apps::PutMember(tx, shop_, "bob", core::MemberRole::kDeveloper);
    return 0;
  });
  // A developer member may release but not decide how: 403, even for a bad body.
  auto refused = SetPolicy(bob_, env, {{"strategy", "blue"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kForbidden);
  json::object policy{{"strategy", "canary"},
                      {"canary",
                       {{"steps", json::array{{{"percent", 25}, {"pause", {{"seconds", 60}}}}}},
                        {"stability_window_seconds", 30}}},
                      {"auto_rollback", true}};
  auto set = SetPolicy(alice_, env, policy);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->env.version, 2);
  const auto& p = set->env.release_policy;
  EXPECT_EQ(p.strategy, core::ReleaseStrategy::kCanary);
  ASSERT_EQ(p.canary.steps.size(), 1u);
  EXPECT_EQ(p.canary.steps[0].percent, 25);
  EXPECT_EQ(p.canary.steps[0].pause_ms, 60'000);
  EXPECT_EQ(p.canary.stability_window_ms, 30'000);
  EXPECT_TRUE(p.auto_rollback);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.release_policy'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM env_operations WHERE kind = 'release_policy'"), 1);
  // The same policy again changes nothing and records nothing.
  policy["version"] = 2;
  auto again = SetPolicy(root_, env, policy);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->env.version, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.release_policy'"), 1);
  // The whole policy is replaced: what is left out takes its default.
  auto reset = SetPolicy(alice_, env, json::object{});
  ASSERT_TRUE(reset.ok()) << reset.error().message;
  EXPECT_EQ(reset->env.release_policy.strategy, core::ReleaseStrategy::kOneShot);
  EXPECT_EQ(reset->env.release_policy.canary.steps.size(), 2u);
  EXPECT_FALSE(reset->env.release_policy.auto_rollback);
}

TEST_F(EnvironmentServiceTest, ABadReleasePolicyIsRefusedNamingTheFieldAndChangesNothing) {
  const auto env = std::to_string(Created());
  const std::vector<std::pair<json::object, std::string>> cases = {
      {{{"strategy", "blue"}}, "strategy"},
      {{{"canary", {{"steps", json::array{}}}}}, "canary.steps"},
      {{{"canary", {{"steps", json::array{{{"pods", 1}, {"percent", 5}}}}}}},
       "canary.steps[0].pods"},
      {{{"canary", {{"steps", json::array{{{"pods", 1}}}}, {"stability_window_seconds", 3601}}}},
       "canary.stability_window_seconds"},
      {{{"auto_rollback", "yes"}}, "auto_rollback"},
      {{{"surprise", 1}}, "surprise"},
      {{{"version", 0}}, "version"},
  };
  for (const auto& [body, field] : cases) {
    auto refused = SetPolicy(alice_, env, body);
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().code, core::Code::kInvalid) << field;
    EXPECT_EQ(Field(refused.error()), field);
  }
  EXPECT_EQ(Count("SELECT version FROM environments"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.release_policy'"), 0);
  auto stale = SetPolicy(alice_, env, {{"version", 7}, {"auto_rollback", true}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(stale.error().details.at("current_version").as_int64(), 1);
}

TEST_F(EnvironmentServiceTest, OnlyAdminsTurnApprovalOffInALaterPolicyToo) {
  const auto env = std::to_string(Created());  // a core application's prod environment
  auto refused = SetPolicy(alice_, env, {{"approval_required", false}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kForbidden);
  EXPECT_TRUE(SetPolicy(alice_, env, {{"approval_required", true}}).ok());
  auto set = SetPolicy(root_, env, {{"approval_required", false}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->env.release_policy.approval_required, false);
}

TEST_F(EnvironmentServiceTest, ADeletionRepeatsTheApplicationsName) {
  auto env = Created();
  auto refused = environments_.Delete(alice_, std::to_string(env), "shop2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Field(refused.error()), "confirm");
  EXPECT_TRUE(DeploymentExists());
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 1);
}

TEST_F(EnvironmentServiceTest, OnlyAdminsAndTheApplicationsDevelopersDeleteOrRestartOne) {
  auto env = std::to_string(Created());
  EXPECT_EQ(environments_.Delete(bob_, env, "shop").error().code, core::Code::kForbidden);
  EXPECT_EQ(environments_.Restart(bob_, env).error().code, core::Code::kForbidden);
  EXPECT_TRUE(DeploymentExists());
  EXPECT_EQ(Count("SELECT count(*) FROM env_operations WHERE kind <> 'create'"), 0);
}

TEST_F(EnvironmentServiceTest, TheWorkAboveCanHoldADeletionBack) {
  auto env = Created();
  refusal_ = "release 9 of this environment is deploying: wait for it or abort it first";
  auto refused = environments_.Delete(alice_, std::to_string(env), "shop");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().message, *refusal_);
  EXPECT_TRUE(DeploymentExists()) << "refused before the cluster was touched";
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 1);
}

TEST_F(EnvironmentServiceTest, WhatCannotBeDetachedKeepsTheEnvironment) {
  auto env = Created();
  detached_ = core::Conflict("change 4 moved meanwhile");
  auto refused = environments_.Delete(alice_, std::to_string(env), "shop");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "change 4 moved meanwhile");
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.delete'"), 0);
}

TEST_F(EnvironmentServiceTest, ADeletionRemovesTheObjectsAndSaysWhatWasDetached) {
  auto env = Created();
  ASSERT_TRUE(environments_.Delete(alice_, std::to_string(env), "shop").ok());
  EXPECT_FALSE(DeploymentExists());
  EXPECT_EQ(Count("SELECT count(*) FROM environments"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'env.delete' AND summary LIKE "
                  "'%closed 2 open change(s)'"),
            1);
}

}  // namespace
}  // namespace slipway::services
