// The simulated controllers, driven round by round (no waiting): every test
// runs twice, with rounds over every object and with rounds over what changed
// (what the emulator's thread runs), which must come to the same.
#include "connectors/kubernetes/model/controllers.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/kubernetes/rollout_math.hpp"
#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::DeploymentManifest;
using testing::ManualSettings;

constexpr const char* kDeployments = "/apis/apps/v1/namespaces/default/deployments";

class ControllersTest : public ::testing::TestWithParam<bool> {
 protected:
  json::value Deployment(const std::string& name) {
    return Call(emu, "GET", std::string(kDeployments) + "/" + name).body;
  }
  json::array Items(const std::string& url) {
    return Call(emu, "GET", url).body.at("items").as_array();
  }
  json::array ReplicaSets() { return Items("/apis/apps/v1/namespaces/default/replicasets"); }
  json::array Pods(const std::string& selector) {
    return Items("/api/v1/namespaces/default/pods?labelSelector=" + selector);
  }
  const json::value* Condition(const json::value& d, const std::string& type) {
    for (const auto& c : d.at("status").at("conditions").as_array()) {
      if (core::StringAt(c, {"type"}) == type) return &c;
    }
    return nullptr;
  }
  // kubectl's rollout-status verdict (protocols/kubernetes.md §5).
  bool RolledOut(const json::value& d) {
    int64_t replicas = core::IntAt(d, {"spec", "replicas"}, 1);
    return core::IntAt(d, {"metadata", "generation"}) <=
               core::IntAt(d, {"status", "observedGeneration"}) &&
           core::IntAt(d, {"status", "updatedReplicas"}) >= replicas &&
           core::IntAt(d, {"status", "replicas"}) <=
               core::IntAt(d, {"status", "updatedReplicas"}) &&
           core::IntAt(d, {"status", "availableReplicas"}) >=
               core::IntAt(d, {"status", "updatedReplicas"});
  }
  void Rounds(int n) {
    for (int i = 0; i < n; ++i) {
      if (GetParam()) {
        emu.RunControllersOnce();
      } else {
        emu.RunChangedControllersOnce();
      }
    }
  }

  KubernetesEmulator emu{ManualSettings()};
};

TEST_P(ControllersTest, DeploymentCreatesReplicaSetAndReadyPods) {
  ASSERT_EQ(Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 3)).status, 201);
  Rounds(1);
  auto rses = ReplicaSets();
  ASSERT_EQ(rses.size(), 1u);
  const auto& rs = rses[0];
  std::string hash = core::StringAt(rs, {"metadata", "labels", "pod-template-hash"});
  EXPECT_FALSE(hash.empty());
  EXPECT_EQ(core::StringAt(rs, {"metadata", "name"}), "web-" + hash);
  EXPECT_EQ(core::StringAt(rs, {"spec", "selector", "matchLabels", "pod-template-hash"}), hash);
  EXPECT_EQ(core::StringAt(rs, {"spec", "template", "metadata", "labels", "pod-template-hash"}),
            hash);
  EXPECT_EQ(core::StringAt(rs.at("metadata").at("ownerReferences").at(0), {"kind"}), "Deployment");
  EXPECT_EQ(rs.at("metadata").at("annotations").at("deployment.kubernetes.io/revision"), "1");
  auto pods = Pods("app%3Dweb");
  ASSERT_EQ(pods.size(), 3u);
  EXPECT_EQ(core::StringAt(pods[0], {"metadata", "name"}).rfind("web-" + hash + "-", 0), 0u);
  EXPECT_EQ(core::StringAt(pods[0].at("status").at("containerStatuses").at(0),
                           {"state", "waiting", "reason"}),
            "ContainerCreating");
  Rounds(3);
  pods = Pods("app%3Dweb");
  for (const auto& p : pods) {
    EXPECT_EQ(core::StringAt(p, {"status", "phase"}), "Running");
    EXPECT_FALSE(core::StringAt(p, {"status", "podIP"}).empty());
    EXPECT_EQ(core::StringAt(p, {"spec", "nodeName"}), "sandbox-node-1");
    const auto& cs = p.at("status").at("containerStatuses").at(0);
    EXPECT_EQ(cs.at("ready"), true);
    EXPECT_FALSE(core::StringAt(cs, {"imageID"}).empty());
    EXPECT_TRUE(core::Find(cs, {"state", "running", "startedAt"}));
  }
  auto d = Deployment("web");
  EXPECT_EQ(core::IntAt(d, {"status", "readyReplicas"}), 3);
  EXPECT_EQ(core::IntAt(d, {"status", "availableReplicas"}), 3);
  EXPECT_EQ(core::IntAt(d, {"status", "updatedReplicas"}), 3);
  EXPECT_EQ(core::IntAt(d, {"status", "observedGeneration"}), 1);
  EXPECT_EQ(core::StringAt(*Condition(d, "Available"), {"reason"}), "MinimumReplicasAvailable");
  EXPECT_EQ(core::StringAt(*Condition(d, "Progressing"), {"reason"}), "NewReplicaSetAvailable");
  EXPECT_EQ(core::StringAt(*Condition(d, "Progressing"), {"message"}),
            "ReplicaSet \"web-" + hash + "\" has successfully progressed.");
  EXPECT_TRUE(RolledOut(d));
  // Quiet once settled: no rewrites, so watches see no noise.
  std::string rv =
      core::StringAt(Call(emu, "GET", kDeployments).body, {"metadata", "resourceVersion"});
  Rounds(3);
  EXPECT_EQ(core::StringAt(Call(emu, "GET", kDeployments).body, {"metadata", "resourceVersion"}),
            rv);
}

TEST_P(ControllersTest, RollingUpdateHonoursSurgeAndUnavailable) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 4));
  Rounds(4);
  ASSERT_TRUE(RolledOut(Deployment("web")));
  auto patch =
      Call(emu, "PATCH", std::string(kDeployments) + "/web",
           json::parse(
               R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"web:2"}]}}}})"),
           "application/strategic-merge-patch+json");
  ASSERT_EQ(patch.status, 200);
  // 4 replicas, 25%/25%: at most 5 pods, at least 3 available at every step.
  bool saw_new_rs_created = false;
  for (int round = 0; round < 30 && !RolledOut(Deployment("web")); ++round) {
    Rounds(1);
    auto pods = Pods("app%3Dweb");
    EXPECT_LE(pods.size(), 5u) << "round " << round;
    int ready = 0;
    for (const auto& p : pods) ready += core::StringAt(p, {"status", "phase"}) == "Running" ? 1 : 0;
    EXPECT_GE(ready, 3) << "round " << round;
    auto d = Deployment("web");
    saw_new_rs_created =
        saw_new_rs_created ||
        core::StringAt(*Condition(d, "Progressing"), {"reason"}) == "NewReplicaSetCreated" ||
        core::StringAt(*Condition(d, "Progressing"), {"reason"}) == "ReplicaSetUpdated";
  }
  auto d = Deployment("web");
  EXPECT_TRUE(RolledOut(d));
  EXPECT_TRUE(saw_new_rs_created);
  EXPECT_EQ(d.at("metadata").at("annotations").at("deployment.kubernetes.io/revision"), "2");
  auto rses = ReplicaSets();
  ASSERT_EQ(rses.size(), 2u);  // the old one is kept, scaled to 0, for rollback
  int zero = 0;
  for (const auto& rs : rses) zero += core::IntAt(rs, {"spec", "replicas"}) == 0 ? 1 : 0;
  EXPECT_EQ(zero, 1);
  for (const auto& p : Pods("app%3Dweb")) {
    EXPECT_EQ(core::StringAt(p.at("spec").at("containers").at(0), {"image"}), "web:2");
  }
}

TEST_P(ControllersTest, RestartedAtAnnotationRollsOutANewReplicaSet) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 1));
  Rounds(3);
  Call(
      emu, "PATCH", std::string(kDeployments) + "/web",
      json::parse(
          R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-05-01T10:00:00Z"}}}}})"),
      "application/strategic-merge-patch+json");
  Rounds(8);
  EXPECT_EQ(ReplicaSets().size(), 2u);
  EXPECT_TRUE(RolledOut(Deployment("web")));
}

TEST_P(ControllersTest, PodsTurningReadyAreLoggedWithAMillisecondStamp) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 2));
  Call(emu, "POST", kDeployments, DeploymentManifest("bad", "registry.local/missing:1", 1));
  const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  Rounds(4);
  const auto state = emu.State();
  const auto& ready = state.at("pods_ready").as_array();
  ASSERT_EQ(ready.size(), 2u) << ready;  // once per pod, and never for a pod that cannot pull
  for (const auto& r : ready) {
    EXPECT_EQ(core::StringAt(r, {"namespace"}), "default");
    EXPECT_EQ(core::StringAt(r, {"labels", "app"}), "web");
    EXPECT_GE(r.at("ready_at_ms").as_int64(), before);
  }
}

TEST_P(ControllersTest, MissingImageGivesImagePullBackOff) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "registry.local/missing:1", 1));
  Rounds(2);
  auto pod = Pods("app%3Dweb").at(0);
  const auto& cs = pod.at("status").at("containerStatuses").at(0);
  EXPECT_EQ(core::StringAt(cs, {"state", "waiting", "reason"}), "ErrImagePull");
  EXPECT_EQ(core::StringAt(pod, {"status", "phase"}), "Pending");
  Rounds(1);
  pod = Pods("app%3Dweb").at(0);
  EXPECT_EQ(core::StringAt(pod.at("status").at("containerStatuses").at(0),
                           {"state", "waiting", "reason"}),
            "ImagePullBackOff");
  auto d = Deployment("web");
  EXPECT_FALSE(RolledOut(d));
  EXPECT_EQ(core::StringAt(*Condition(d, "Available"), {"status"}), "False");
  EXPECT_EQ(core::StringAt(*Condition(d, "Available"), {"reason"}), "MinimumReplicasUnavailable");
}

TEST_P(ControllersTest, ImageExistsHookDecides) {
  auto settings = ManualSettings();
  settings.image_exists = [](const std::string& image) { return image == "only:this"; };
  KubernetesEmulator custom(settings);
  Call(custom, "POST", kDeployments, DeploymentManifest("a", "only:this"));
  Call(custom, "POST", kDeployments, DeploymentManifest("b", "web:1"));
  for (int i = 0; i < 3; ++i) custom.RunControllersOnce();
  auto a = Call(custom, "GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Da").body;
  auto b = Call(custom, "GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Db").body;
  EXPECT_EQ(core::StringAt(a.at("items").at(0), {"status", "phase"}), "Running");
  EXPECT_EQ(core::StringAt(b.at("items").at(0), {"status", "phase"}), "Pending");
}

TEST_P(ControllersTest, CrashAnnotationGivesCrashLoopBackOff) {
  auto manifest = DeploymentManifest("web", "web:1", 1);
  manifest["spec"].as_object()["template"].as_object()["metadata"].as_object()["annotations"] =
      json::object{{connectors::kube::model::kCrashAnnotation, "true"}};
  Call(emu, "POST", kDeployments, manifest);
  Rounds(3);
  auto cs = Pods("app%3Dweb").at(0).at("status").at("containerStatuses").at(0);
  EXPECT_EQ(core::StringAt(cs, {"state", "waiting", "reason"}), "CrashLoopBackOff");
  EXPECT_EQ(core::IntAt(cs, {"lastState", "terminated", "exitCode"}), 1);
  int64_t restarts = core::IntAt(cs, {"restartCount"});
  EXPECT_GE(restarts, 1);
  Rounds(2);
  cs = Pods("app%3Dweb").at(0).at("status").at("containerStatuses").at(0);
  EXPECT_GT(core::IntAt(cs, {"restartCount"}), restarts);
  EXPECT_EQ(cs.at("ready"), false);
}

TEST_P(ControllersTest, ProgressDeadlineExceeded) {
  auto manifest = DeploymentManifest("web", "web:missing", 1);
  manifest["spec"].as_object()["progressDeadlineSeconds"] = 5;
  Call(emu, "POST", kDeployments, manifest);
  Rounds(3);
  // Pretend the last progress was long ago, through the status subresource.
  auto d = Deployment("web");
  for (auto& c : d.at("status").at("conditions").as_array()) {
    c.as_object()["lastUpdateTime"] = "2020-01-01T00:00:00Z";
  }
  ASSERT_EQ(Call(emu, "PUT", std::string(kDeployments) + "/web/status", d).status, 200);
  Rounds(1);
  d = Deployment("web");
  EXPECT_EQ(core::StringAt(*Condition(d, "Progressing"), {"status"}), "False");
  EXPECT_EQ(core::StringAt(*Condition(d, "Progressing"), {"reason"}), "ProgressDeadlineExceeded");
  EXPECT_NE(
      core::StringAt(*Condition(d, "Progressing"), {"message"}).find("has timed out progressing."),
      std::string::npos);
}

TEST_P(ControllersTest, DeletePropagation) {
  Call(emu, "POST", kDeployments, DeploymentManifest("bg", "web:1", 2));
  Call(emu, "POST", kDeployments, DeploymentManifest("orphan", "web:1", 1));
  Rounds(3);
  auto del =
      Call(emu, "DELETE", std::string(kDeployments) + "/bg",
           json::parse(
               R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"})"));
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(core::StringAt(del.body, {"status"}), "Success");
  Call(emu, "DELETE", std::string(kDeployments) + "/orphan?propagationPolicy=Orphan");
  Rounds(2);
  EXPECT_TRUE(Pods("app%3Dbg").empty());
  auto rses = ReplicaSets();
  ASSERT_EQ(rses.size(), 1u);
  EXPECT_EQ(core::StringAt(rses[0], {"metadata", "labels", "app"}), "orphan");
  EXPECT_FALSE(core::Find(rses[0], {"metadata", "ownerReferences"}));
  EXPECT_EQ(Pods("app%3Dorphan").size(), 1u);
}

TEST_P(ControllersTest, ScaleDownRemovesPods) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 3));
  Rounds(3);
  Call(emu, "PATCH", std::string(kDeployments) + "/web/scale",
       json::parse(R"({"spec":{"replicas":1}})"), "application/merge-patch+json");
  Rounds(3);
  EXPECT_EQ(Pods("app%3Dweb").size(), 1u);
  EXPECT_EQ(ReplicaSets().size(), 1u);  // scaling is not a new template
  EXPECT_TRUE(RolledOut(Deployment("web")));
}

INSTANTIATE_TEST_SUITE_P(Rounds, ControllersTest, ::testing::Values(true, false),
                         [](const auto& info) {
                           return info.param ? "OverEverything" : "OverWhatChanged";
                         });

}  // namespace
}  // namespace slipway::sandbox::kube
