// What only the fake offers: recorded calls, injected failures, image
// failures of several kinds, and a clock tests control.

#include "connectors/kubernetes/fake.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "connectors/kubernetes/errors.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors {
namespace {

KubeObject Web(const std::string& image, int replicas) {
  return boost::json::
      parse(R"({"metadata":{"name":"web"},"spec":{"replicas":)" + std::to_string(replicas) +
            R"(,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
                            "spec":{"containers":[{"name":"web","image":")" +
            image + R"("}]}}}})")
          .as_object();
}

class FakeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fake_.EnsureNamespace("prod").ok()); }
  core::SimulatedClock clock_;
  FakeKubernetes fake_{&clock_};
};

TEST_F(FakeTest, RecordsCalls) {
  fake_.ClearCalls();
  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", Web("web:1", 1)).ok());
  ASSERT_TRUE(fake_.Scale(kube::kDeployments, "prod", "web", 2).ok());
  auto calls = fake_.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].method, "Create");
  EXPECT_EQ(calls[0].resource, "deployments");
  EXPECT_EQ(calls[0].ns, "prod");
  EXPECT_EQ(calls[0].name, "web");
  EXPECT_EQ(calls[1].method, "Scale");
}

TEST_F(FakeTest, InjectedFailuresHitTheNamedCallsOnly) {
  fake_.InjectFailure("Get", "deployments", kube::ErrorFromStatus(503, ""), 2);
  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", Web("web:1", 1)).ok());
  EXPECT_TRUE(fake_.Get(kube::kNamespaces, "", "prod").ok());
  EXPECT_EQ(fake_.Get(kube::kDeployments, "prod", "web").error().code, core::Code::kTransient);
  EXPECT_EQ(fake_.Get(kube::kDeployments, "prod", "web").error().code, core::Code::kTransient);
  EXPECT_TRUE(fake_.Get(kube::kDeployments, "prod", "web").ok());
}

TEST_F(FakeTest, CrashLoopBackOffAndRecovery) {
  fake_.FailImage("web:bad", "CrashLoopBackOff");
  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", Web("web:bad", 2)).ok());
  auto pods = fake_.ListPods("prod", "app=web");
  ASSERT_EQ(pods->size(), 2u);
  EXPECT_EQ((*pods)[0].waiting_reason, "CrashLoopBackOff");
  EXPECT_EQ((*pods)[0].phase, "Running");
  EXPECT_EQ((*pods)[0].restarts, 1);  // crashed as it started
  EXPECT_EQ((*pods)[0].terminated_reason, "Error");
  clock_.Advance(10'000);  // the kubelet's first back-off: it restarts, and crashes again
  EXPECT_EQ(fake_.ListPods("prod", "app=web")->at(0).restarts, 2);
  auto waiting = EvaluateRollout(fake_.Get(kube::kDeployments, "prod", "web").value());
  EXPECT_EQ(
      waiting.message,
      "Waiting for deployment \"web\" rollout to finish: 0 of 2 updated replicas are available...");

  // Rolling back to a good image replaces every pod and completes.
  ASSERT_TRUE(
      fake_
          .Patch(
              kube::kDeployments, "prod", "web", PatchType::kStrategicMerge,
              boost::json::parse(
                  R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:1"}]}}}})"))
          .ok());
  EXPECT_TRUE(EvaluateRollout(fake_.Get(kube::kDeployments, "prod", "web").value()).done);
  auto listed = fake_.ListPods("prod", "app=web").value();
  for (const auto& p : listed) EXPECT_TRUE(p.ready) << p.name;
  auto sets = fake_.ListReplicaSets("prod", "app=web");
  ASSERT_EQ(sets->size(), 2u);
  int with_pods = 0;
  for (const auto& rs : *sets) with_pods += core::IntAt(rs, {"spec", "replicas"}) > 0 ? 1 : 0;
  EXPECT_EQ(with_pods, 1);
}

TEST_F(FakeTest, NamespaceTerminationFollowsTheClock) {
  fake_.SetNamespaceTerminationDelay(5'000);
  ASSERT_TRUE(fake_.Delete(kube::kNamespaces, "", "prod", PropagationPolicy::kBackground).ok());
  clock_.Advance(4'999);
  EXPECT_EQ(fake_.NamespacePhase("prod").value(), "Terminating");
  auto twice = fake_.Delete(kube::kNamespaces, "", "prod", PropagationPolicy::kBackground);
  EXPECT_EQ(twice.error().code, core::Code::kConflict);
  clock_.Advance(1);
  EXPECT_EQ(fake_.NamespacePhase("prod").error().code, core::Code::kNotFound);
}

TEST_F(FakeTest, DeleteCascadesUnlessOrphaned) {
  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", Web("web:1", 2)).ok());
  ASSERT_EQ(fake_.ListPods("prod", "app=web")->size(), 2u);
  ASSERT_TRUE(fake_.Delete(kube::kDeployments, "prod", "web", PropagationPolicy::kBackground).ok());
  EXPECT_TRUE(fake_.ListPods("prod", "app=web")->empty());
  EXPECT_TRUE(fake_.ListReplicaSets("prod", "app=web")->empty());

  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", Web("web:1", 1)).ok());
  ASSERT_TRUE(fake_.Delete(kube::kDeployments, "prod", "web", PropagationPolicy::kOrphan).ok());
  EXPECT_EQ(fake_.ListPods("prod", "app=web")->size(), 1u);
}

TEST_F(FakeTest, RestartOfAPausedDeploymentIsRefused) {
  auto web = Web("web:1", 1);
  web["spec"].as_object()["paused"] = true;
  ASSERT_TRUE(fake_.Create(kube::kDeployments, "prod", web).ok());
  auto refused = fake_.RolloutRestart("prod", "web", core::Rfc3339Seconds(clock_.Now()));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_NE(refused.error().message.find("paused"), std::string::npos);
}

TEST_F(FakeTest, CreateInAMissingNamespaceIsNotFound) {
  auto missing = fake_.Create(kube::kConfigMaps, "nowhere", {{"metadata", {{"name", "c"}}}});
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
  EXPECT_EQ(missing.error().message, "kubernetes: namespaces \"nowhere\" not found");
}

}  // namespace
}  // namespace slipway::connectors
