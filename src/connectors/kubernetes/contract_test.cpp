// The Kubernetes port's contract: the same assertions against the in-memory
// fake and against the real client talking to the sandbox emulator (see
// contract_backends.cpp for how each is set up and steered).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <thread>

#include "connectors/kubernetes/contract_backends.hpp"
#include "connectors/kubernetes/errors.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {
namespace {

using namespace std::chrono_literals;

KubeObject Deploy(const std::string& name, const std::string& image, int replicas = 1) {
  return boost::json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":")" +
                            name + R"(","labels":{"app":")" + name + R"("}},"spec":{"replicas":)" +
                            std::to_string(replicas) + R"(,"selector":{"matchLabels":{"app":")" +
                            name + R"(","track":"stable"}},
        "template":{"metadata":{"labels":{"app":")" +
                            name + R"(","track":"stable"}},
          "spec":{"containers":[{"name":"main","image":")" +
                            image + R"(","ports":[{"containerPort":8080}]}]}}}})")
      .as_object();
}

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout = 15s) {
  for (auto until = std::chrono::steady_clock::now() + timeout;
       std::chrono::steady_clock::now() < until;) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

class KubernetesContract : public ::testing::TestWithParam<kube_testing::BackendFactory> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_TRUE(k().EnsureNamespace("team-a").ok());
  }
  Kubernetes& k() { return backend_->k8s(); }

  RolloutStatus WaitForRollout(const std::string& name) {
    RolloutStatus status;
    Eventually([&] {
      auto d = k().Get(kube::kDeployments, "team-a", name);
      status = d.ok() ? EvaluateRollout(*d) : RolloutStatus{};
      return status.done || status.failed;
    });
    return status;
  }

  std::unique_ptr<kube_testing::Backend> backend_;
};

TEST_P(KubernetesContract, NamespaceLifecycleThroughTerminating) {
  auto again = k().EnsureNamespace("team-a");  // exists: fine
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(k().NamespacePhase("team-a").value(), "Active");
  ASSERT_TRUE(k().Create(kube::kConfigMaps, "team-a",
                         {{"metadata", {{"name", "cfg"}}}, {"data", {{"k", "v"}}}})
                  .ok());

  auto deleted = k().Delete(kube::kNamespaces, "", "team-a", PropagationPolicy::kBackground);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  ASSERT_TRUE(deleted->has_value());  // a namespace survives its DELETE, terminating
  EXPECT_EQ(core::StringAt(**deleted, {"status", "phase"}), "Terminating");
  auto phase = k().NamespacePhase("team-a");
  ASSERT_TRUE(phase.ok()) << phase.error().message;
  EXPECT_EQ(*phase, "Terminating");

  auto refused = k().Create(kube::kConfigMaps, "team-a", {{"metadata", {{"name", "late"}}}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kForbidden) << refused.error().message;
  EXPECT_NE(refused.error().message.find("being terminated"), std::string::npos)
      << refused.error().message;

  EXPECT_TRUE(Eventually([&] {
    auto p = k().NamespacePhase("team-a");
    return !p.ok() && p.error().code == core::Code::kNotFound;
  }));
  auto recreated = k().EnsureNamespace("team-a");
  ASSERT_TRUE(recreated.ok());
  EXPECT_EQ(k().NamespacePhase("team-a").value(), "Active");
  EXPECT_FALSE(k().Get(kube::kConfigMaps, "team-a", "cfg").ok());  // the content went with it
}

TEST_P(KubernetesContract, DeploymentCreateGetReplaceConflictPatchScaleDelete) {
  auto created = k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(core::StringAt(*created, {"metadata", "namespace"}), "team-a");
  EXPECT_FALSE(core::StringAt(*created, {"metadata", "uid"}).empty());
  EXPECT_EQ(core::IntAt(*created, {"metadata", "generation"}), 1);

  auto duplicate = k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, core::Code::kConflict);
  EXPECT_EQ(kube::Reason(duplicate.error()), "AlreadyExists");
  EXPECT_EQ(duplicate.error().message, "kubernetes: deployments.apps \"web\" already exists");

  // A cluster's controllers write the Deployment's status when they get to it,
  // each time with a new resourceVersion, so a read-modify-replace may meet
  // a conflict it did not cause: read and replace again, as client-go's
  // RetryOnConflict does. (Seen on the emulator under load.)
  auto current = k().Get(kube::kDeployments, "team-a", "web");
  ASSERT_TRUE(current.ok());
  KubeObject stale = *current;
  core::Result<KubeObject> replaced = core::Error{core::Code::kConflict, "not tried", {}};
  for (int attempt = 0;
       attempt < 10 && !replaced.ok() && replaced.error().code == core::Code::kConflict;
       ++attempt) {
    auto latest = k().Get(kube::kDeployments, "team-a", "web");
    ASSERT_TRUE(latest.ok());
    KubeObject edited = *latest;
    edited["spec"].as_object()["replicas"] = 2;
    replaced = k().Replace(kube::kDeployments, "team-a", edited);
  }
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(core::IntAt(*replaced, {"metadata", "generation"}), 2);
  stale["spec"].as_object()["replicas"] = 5;
  auto conflict = k().Replace(kube::kDeployments, "team-a", stale);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, core::Code::kConflict);
  EXPECT_EQ(kube::Reason(conflict.error()), "Conflict");
  EXPECT_NE(conflict.error().message.find("the object has been modified"), std::string::npos);

  auto merged = k().Patch(kube::kDeployments, "team-a", "web", PatchType::kMerge,
                          boost::json::parse(R"({"metadata":{"labels":{"team":"a"}}})"));
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(core::StringAt(*merged, {"metadata", "labels", "team"}), "a");
  EXPECT_EQ(core::StringAt(*merged, {"metadata", "labels", "app"}), "web");

  auto strategic = k().Patch(
      kube::kDeployments, "team-a", "web", PatchType::kStrategicMerge,
      boost::json::parse(
          R"({"spec":{"template":{"spec":{"containers":[{"name":"main","image":"registry.local/web:2"}]}}}})"));
  ASSERT_TRUE(strategic.ok()) << strategic.error().message;
  const auto& container =
      core::Find(*strategic, {"spec", "template", "spec", "containers"})->as_array()[0].as_object();
  EXPECT_EQ(core::StringAt(container, {"image"}), "registry.local/web:2");
  EXPECT_EQ(container.at("ports").as_array().size(), 1u);  // merged by name: ports kept

  auto scaled = k().Scale(kube::kDeployments, "team-a", "web", 3);
  ASSERT_TRUE(scaled.ok()) << scaled.error().message;
  EXPECT_EQ(core::StringAt(*scaled, {"kind"}), "Scale");
  EXPECT_EQ(core::IntAt(*scaled, {"spec", "replicas"}), 3);
  EXPECT_EQ(core::IntAt(k().Get(kube::kDeployments, "team-a", "web").value(), {"spec", "replicas"}),
            3);

  auto invalid =
      k().Create(kube::kDeployments, "team-a",
                 boost::json::parse(
                     R"({"metadata":{"name":"bad"},"spec":{"selector":{"matchLabels":{"app":"x"}},
                              "template":{"metadata":{"labels":{"app":"y"}},"spec":{"containers":[{"name":"c","image":"i:1"}]}}}})")
                     .as_object());
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, core::Code::kInvalid);

  auto gone = k().Delete(kube::kDeployments, "team-a", "web", PropagationPolicy::kForeground);
  ASSERT_TRUE(gone.ok()) << gone.error().message;
  EXPECT_TRUE(Eventually([&] { return !k().Get(kube::kDeployments, "team-a", "web").ok(); }));
  auto missing = k().Get(kube::kDeployments, "team-a", "web");
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
  EXPECT_EQ(missing.error().message, "kubernetes: deployments.apps \"web\" not found");
  EXPECT_EQ(kube::Reason(missing.error()), "NotFound");
}

TEST_P(KubernetesContract, RolloutReachesDoneWithReadyPods) {
  ASSERT_TRUE(
      k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1", 2)).ok());
  auto status = WaitForRollout("web");
  EXPECT_TRUE(status.done) << status.message;
  EXPECT_EQ(status.message, "deployment \"web\" successfully rolled out");
  std::vector<PodSummary> pods;
  ASSERT_TRUE(Eventually([&] {
    pods = k().ListPods("team-a", "app=web,track=stable").value();
    return pods.size() == 2 && pods[0].ready && pods[1].ready;
  }));
  for (const auto& p : pods) {
    EXPECT_EQ(p.phase, "Running");
    EXPECT_EQ(p.image, "registry.local/web:1");
    EXPECT_FALSE(p.pod_ip.empty());
    EXPECT_FALSE(p.node.empty());
    EXPECT_FALSE(p.pod_template_hash.empty());
    EXPECT_EQ(p.waiting_reason, "");
  }
  EXPECT_TRUE(k().ListPods("team-a", "app=web,track=canary")->empty());
}

TEST_P(KubernetesContract, RolloutRestartRollsANewReplicaSet) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1")).ok());
  ASSERT_TRUE(WaitForRollout("web").done);
  auto restarted = k().RolloutRestart("team-a", "web", "2026-05-01T10:00:00Z");
  ASSERT_TRUE(restarted.ok()) << restarted.error().message;
  EXPECT_EQ(core::StringAt(*restarted, {"spec", "template", "metadata", "annotations",
                                        "kubectl.kubernetes.io/restartedAt"}),
            "2026-05-01T10:00:00Z");
  EXPECT_TRUE(Eventually([&] { return k().ListReplicaSets("team-a", "app=web")->size() == 2; }));
  EXPECT_TRUE(WaitForRollout("web").done);
  std::set<std::string> hashes;
  auto listed = k().ListPods("team-a", "app=web").value();
  for (const auto& p : listed) {
    if (!p.terminating) hashes.insert(p.pod_template_hash);
  }
  EXPECT_EQ(hashes.size(), 1u);
}

TEST_P(KubernetesContract, MissingImageShowsImagePullBackOff) {
  const std::string image = "registry.local/web:missing-1";
  backend_->ImageWillFail(image);
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deploy("web", image)).ok());
  std::vector<PodSummary> pods;
  ASSERT_TRUE(Eventually([&] {
    pods = k().ListPods("team-a", "app=web").value();
    return !pods.empty() && pods[0].waiting_reason == "ImagePullBackOff";
  })) << (pods.empty() ? "no pods" : pods[0].waiting_reason);
  EXPECT_FALSE(pods[0].ready);
  EXPECT_EQ(pods[0].phase, "Pending");
  auto status = EvaluateRollout(k().Get(kube::kDeployments, "team-a", "web").value());
  EXPECT_FALSE(status.done);
  EXPECT_FALSE(status.failed);
}

TEST_P(KubernetesContract, ApplyCreatesThenReplacesKeepingServerFields) {
  KubeObject service =
      boost::json::parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
      "spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080}]}})")
          .as_object();
  auto first = k().Apply("team-a", service);
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::string ip = core::StringAt(*first, {"spec", "clusterIP"});
  EXPECT_FALSE(ip.empty());
  service["metadata"].as_object()["labels"] = {{"env", "prod"}};
  auto second = k().Apply("team-a", service);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(core::StringAt(*second, {"spec", "clusterIP"}), ip);
  EXPECT_EQ(core::StringAt(*second, {"metadata", "labels", "env"}), "prod");

  ASSERT_TRUE(k().Apply("team-a", Deploy("web", "registry.local/web:1")).ok());
  auto bumped = k().Apply("team-a", Deploy("web", "registry.local/web:2"));
  ASSERT_TRUE(bumped.ok()) << bumped.error().message;
  EXPECT_EQ(core::IntAt(*bumped, {"metadata", "generation"}), 2);
  KubeObject ingress =
      boost::json::parse(
          R"({"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web"},
      "spec":{"rules":[{"host":"web.local","http":{"paths":[{"path":"/","pathType":"Prefix",
      "backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}})")
          .as_object();
  ASSERT_TRUE(k().Apply("team-a", ingress).ok());
  ASSERT_TRUE(k().Apply("team-a", ingress).ok());
  EXPECT_TRUE(k().Get(kube::kIngresses, "team-a", "web").ok());
  EXPECT_FALSE(
      k().Apply("team-a", {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", "s"}}}})
          .ok());
}

TEST_P(KubernetesContract, WatchResumesBookmarksAndRelistsAfterExpiry) {
  kube_testing::EventLog log;
  auto watch = k().Watch(kube::kDeployments, "team-a", {"app=web", "", ""}, log.Callback(), {});
  ASSERT_TRUE(watch.ok()) << watch.error().message;
  ASSERT_TRUE(log.WaitFor([](const WatchEvent& e) { return e.type == WatchEvent::Type::kResync; }));
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1")).ok());
  ASSERT_TRUE(
      k().Create(kube::kDeployments, "team-a", Deploy("other", "registry.local/other:1")).ok());
  ASSERT_TRUE(log.WaitFor([](const WatchEvent& e) { return e.type == WatchEvent::Type::kAdded; }));
  EXPECT_FALSE(log.Any([](const WatchEvent& e) {
    return core::StringAt(e.object, {"metadata", "name"}) == "other";
  }));
  (*watch)->Stop();
  const std::string resume_from = (*watch)->resource_version();
  ASSERT_FALSE(resume_from.empty());

  // Resume: what changed while nobody watched arrives after reconnecting.
  ASSERT_TRUE(k().Patch(kube::kDeployments, "team-a", "web", PatchType::kMerge,
                        boost::json::parse(R"({"metadata":{"annotations":{"note":"while away"}}})"))
                  .ok());
  kube_testing::EventLog resumed;
  auto again =
      k().Watch(kube::kDeployments, "team-a", {"app=web", "", resume_from}, resumed.Callback(), {});
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(resumed.WaitFor([](const WatchEvent& e) {
    return e.type == WatchEvent::Type::kModified &&
           core::StringAt(e.object, {"metadata", "annotations", "note"}) == "while away";
  }));
  EXPECT_FALSE(
      resumed.Any([](const WatchEvent& e) { return e.type == WatchEvent::Type::kResync; }));
  backend_->PromptBookmark();
  ASSERT_TRUE(
      resumed.WaitFor([](const WatchEvent& e) { return e.type == WatchEvent::Type::kBookmark; }));
  (*again)->Stop();

  // Expiry: the version is gone from the server's history: a re-list replaces it.
  backend_->ExpireHistory();
  kube_testing::EventLog relisted;
  auto third = k().Watch(kube::kDeployments, "team-a", {"app=web", "", resume_from},
                         relisted.Callback(), {});
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(relisted.WaitFor([](const WatchEvent& e) {
    return e.type == WatchEvent::Type::kResync && e.items.size() == 1 &&
           core::StringAt(e.items[0], {"metadata", "name"}) == "web";
  }));
  ASSERT_TRUE(k().Delete(kube::kDeployments, "team-a", "web", PropagationPolicy::kBackground).ok());
  EXPECT_TRUE(
      relisted.WaitFor([](const WatchEvent& e) { return e.type == WatchEvent::Type::kDeleted; }));
  EXPECT_NE((*third)->resource_version(), resume_from);
}

TEST_P(KubernetesContract, InjectedFaults) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deploy("web", "registry.local/web:1")).ok());
  // A 503 on a GET is retried by the client and the call succeeds.
  if (!backend_->InjectFault("GET", "/apis/apps/v1/namespaces/team-a/deployments/web", 503)) {
    GTEST_SKIP() << "this backend has no HTTP fault injection";
  }
  auto got = k().Get(kube::kDeployments, "team-a", "web");
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_TRUE(backend_->FaultsConsumed());  // the 503 was served, then the retry succeeded
  // A 409 on a replace is reported as a conflict, with the server's words.
  ASSERT_TRUE(backend_->InjectFault("PUT", "/apis/apps/v1/namespaces/team-a/deployments/web", 409));
  auto replaced = k().Replace(kube::kDeployments, "team-a", *got);
  ASSERT_FALSE(replaced.ok());
  EXPECT_EQ(replaced.error().code, core::Code::kConflict);
  // A wrong token: unauthenticated, with the server's message.
  auto stranger = backend_->WithToken("not-the-token");
  ASSERT_TRUE(stranger);
  auto refused = stranger->Get(kube::kDeployments, "team-a", "web");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kUnauthenticated);
  EXPECT_EQ(refused.error().message, "kubernetes: Unauthorized");
}

INSTANTIATE_TEST_SUITE_P(Backends, KubernetesContract,
                         ::testing::ValuesIn(kube_testing::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace slipway::connectors
