// Watch: initial events, resume from a resourceVersion, selectors,
// bookmarks, 410 Expired for versions older than the kept history, timeouts.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::DeploymentManifest;
using testing::Drain;
using testing::ManualSettings;

constexpr const char* kDeployments = "/apis/apps/v1/namespaces/default/deployments";

std::vector<std::string> Types(const json::array& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(core::StringAt(e, {"type"}));
  return out;
}

TEST(Watch, ResumesFromAResourceVersion) {
  KubernetesEmulator emu(ManualSettings());
  Call(emu, "POST", kDeployments, DeploymentManifest("before", "web:1"));
  std::string rv =
      core::StringAt(Call(emu, "GET", kDeployments).body, {"metadata", "resourceVersion"});
  auto watch = Call(emu, "GET", std::string(kDeployments) + "?watch=1&resourceVersion=" + rv);
  ASSERT_EQ(watch.status, 200);
  ASSERT_TRUE(watch.raw.stream);
  EXPECT_TRUE(Drain(*watch.raw.stream).empty());  // nothing after rv yet
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  Call(emu, "PATCH", std::string(kDeployments) + "/web", json::parse(R"({"spec":{"replicas":2}})"),
       "application/merge-patch+json");
  Call(emu, "DELETE", std::string(kDeployments) + "/web");
  auto events = Drain(*watch.raw.stream);
  ASSERT_EQ(Types(events), (std::vector<std::string>{"ADDED", "MODIFIED", "DELETED"}));
  EXPECT_EQ(core::StringAt(events[0], {"object", "kind"}), "Deployment");
  EXPECT_EQ(core::StringAt(events[0], {"object", "apiVersion"}), "apps/v1");
  EXPECT_EQ(core::IntAt(events[1], {"object", "spec", "replicas"}), 2);
  // A second watch from the first event's version replays the rest.
  std::string first = core::StringAt(events[0], {"object", "metadata", "resourceVersion"});
  auto resumed =
      Call(emu, "GET", std::string(kDeployments) + "?watch=true&resourceVersion=" + first);
  EXPECT_EQ(Types(Drain(*resumed.raw.stream)), (std::vector<std::string>{"MODIFIED", "DELETED"}));
}

TEST(Watch, WithoutVersionStartsWithSyntheticAdds) {
  KubernetesEmulator emu(ManualSettings());
  Call(emu, "POST", kDeployments, DeploymentManifest("a", "web:1"));
  Call(emu, "POST", kDeployments, DeploymentManifest("b", "web:1"));
  auto watch = Call(emu, "GET", "/apis/apps/v1/deployments?watch=1");  // all namespaces
  auto events = Drain(*watch.raw.stream);
  ASSERT_EQ(Types(events), (std::vector<std::string>{"ADDED", "ADDED"}));
  EXPECT_EQ(core::StringAt(events[1], {"object", "metadata", "name"}), "b");
}

TEST(Watch, SelectorsFilterEvents) {
  KubernetesEmulator emu(ManualSettings());
  auto by_name = Call(
      emu, "GET",
      std::string(kDeployments) + "?watch=1&resourceVersion=1&fieldSelector=metadata.name%3Dweb");
  auto by_label =
      Call(emu, "GET",
           std::string(kDeployments) + "?watch=1&resourceVersion=1&labelSelector=app%3Dother");
  auto other_ns = Call(
      emu, "GET", "/apis/apps/v1/namespaces/kube-system/deployments?watch=1&resourceVersion=1");
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  Call(emu, "POST", kDeployments, DeploymentManifest("other", "web:1"));
  auto named = Drain(*by_name.raw.stream);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(core::StringAt(named[0], {"object", "metadata", "name"}), "web");
  auto labelled = Drain(*by_label.raw.stream);
  ASSERT_EQ(labelled.size(), 1u);
  EXPECT_EQ(core::StringAt(labelled[0], {"object", "metadata", "name"}), "other");
  EXPECT_TRUE(Drain(*other_ns.raw.stream).empty());
  EXPECT_EQ(
      Call(emu, "GET", std::string(kDeployments) + "?watch=1&fieldSelector=spec.foo%3Dx").status,
      400);
}

TEST(Watch, PodsAndReplicaSetsFromControllers) {
  KubernetesEmulator emu(ManualSettings());
  auto pods = Call(emu, "GET", "/api/v1/namespaces/default/pods?watch=1&resourceVersion=1");
  auto rses =
      Call(emu, "GET", "/apis/apps/v1/watch/namespaces/default/replicasets?resourceVersion=1");
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 2));
  for (int i = 0; i < 3; ++i) emu.RunControllersOnce();
  auto pod_events = Drain(*pods.raw.stream);
  auto rs_events = Drain(*rses.raw.stream);
  ASSERT_GE(pod_events.size(), 4u);  // 2 ADDED, then status changes
  EXPECT_EQ(core::StringAt(pod_events[0], {"type"}), "ADDED");
  EXPECT_EQ(core::StringAt(pod_events.back(), {"object", "status", "phase"}), "Running");
  ASSERT_FALSE(rs_events.empty());
  EXPECT_EQ(core::StringAt(rs_events[0], {"object", "kind"}), "ReplicaSet");
}

TEST(Watch, BookmarksWhenAllowed) {
  auto settings = ManualSettings();
  settings.bookmark_interval = std::chrono::milliseconds(0);
  KubernetesEmulator emu(settings);
  auto with =
      Call(emu, "GET",
           std::string(kDeployments) + "?watch=1&resourceVersion=1&allowWatchBookmarks=true");
  auto without = Call(emu, "GET", std::string(kDeployments) + "?watch=1&resourceVersion=1");
  emu.RunControllersOnce();
  auto events = Drain(*with.raw.stream);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(core::StringAt(events[0], {"type"}), "BOOKMARK");
  EXPECT_EQ(core::StringAt(events[0], {"object", "kind"}), "Deployment");
  std::string rv =
      core::StringAt(Call(emu, "GET", kDeployments).body, {"metadata", "resourceVersion"});
  EXPECT_EQ(core::StringAt(events[0], {"object", "metadata", "resourceVersion"}), rv);
  EXPECT_TRUE(Drain(*without.raw.stream).empty());
}

TEST(Watch, ExpiredVersionGivesOneErrorEvent) {
  auto settings = ManualSettings();
  settings.event_history = 3;
  KubernetesEmulator emu(settings);
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    Call(emu, "POST", "/api/v1/namespaces/default/configmaps",
         json::object{{"metadata", {{"name", name}}}});
  }
  auto watch = Call(emu, "GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=2");
  EXPECT_EQ(watch.status, 200);  // reported inside the stream, as the apiserver does
  bool done = false;
  auto events = Drain(*watch.raw.stream, &done);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(core::StringAt(events[0], {"type"}), "ERROR");
  EXPECT_EQ(core::StringAt(events[0], {"object", "kind"}), "Status");
  EXPECT_EQ(core::IntAt(events[0], {"object", "code"}), 410);
  EXPECT_EQ(core::StringAt(events[0], {"object", "reason"}), "Expired");
  EXPECT_NE(core::StringAt(events[0], {"object", "message"}).find("too old resource version: 2"),
            std::string::npos);
  EXPECT_TRUE(done);
  // A list with an old version does not fail; a recent version still resumes.
  EXPECT_EQ(Call(emu, "GET", "/api/v1/namespaces/default/configmaps?resourceVersion=2").status,
            200);
  std::string rv = core::StringAt(Call(emu, "GET", "/api/v1/namespaces/default/configmaps").body,
                                  {"metadata", "resourceVersion"});
  auto fresh =
      Call(emu, "GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + rv);
  EXPECT_TRUE(Drain(*fresh.raw.stream, &done).empty());
  EXPECT_FALSE(done);
}

TEST(Watch, TimeoutSecondsEndsTheStream) {
  KubernetesEmulator emu(ManualSettings());
  auto watch =
      Call(emu, "GET", std::string(kDeployments) + "?watch=1&resourceVersion=1&timeoutSeconds=0");
  emu.RunControllersOnce();
  bool done = false;
  Drain(*watch.raw.stream, &done);
  EXPECT_TRUE(done);
  auto state = emu.State();
  EXPECT_EQ(core::IntAt(state, {"watches"}), 0);
}

}  // namespace
}  // namespace slipway::sandbox::kube
