// The controller thread reacts to writes and to due delays, not to a tick:
// every test here sets a tick of an hour, so only a write or a pod's or
// namespace's due time can make anything happen. Waits poll with a generous
// deadline (the thread is real).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::DeploymentManifest;
using testing::NamespaceManifest;

constexpr const char* kDeployments = "/apis/apps/v1/namespaces/default/deployments";

KubernetesSettings HourTick(std::chrono::milliseconds pod_ready_delay) {
  KubernetesSettings s;
  s.tick = std::chrono::hours(1);
  s.pod_ready_delay = pod_ready_delay;
  s.namespace_delete_delay = std::chrono::milliseconds(200);
  return s;
}

bool Eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

int64_t ReadyReplicas(KubernetesEmulator& emu, const std::string& name) {
  return core::IntAt(Call(emu, "GET", std::string(kDeployments) + "/" + name).body,
                     {"status", "readyReplicas"});
}

TEST(ControllerReaction, AWriteRollsADeploymentOutWithoutWaitingForTheTick) {
  KubernetesEmulator emu{HourTick(std::chrono::milliseconds(0))};
  ASSERT_EQ(Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 2)).status, 201);
  EXPECT_TRUE(Eventually([&] { return ReadyReplicas(emu, "web") == 2; }));
}

TEST(ControllerReaction, PodsTurnReadyWhenTheirDelayRunsOut) {
  KubernetesEmulator emu{HourTick(std::chrono::milliseconds(300))};
  ASSERT_EQ(Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 1)).status, 201);
  EXPECT_TRUE(Eventually([&] { return ReadyReplicas(emu, "web") == 1; }));
}

TEST(ControllerReaction, ADeletedNamespaceDisappearsWhenItsDelayRunsOut) {
  KubernetesEmulator emu{HourTick(std::chrono::milliseconds(0))};
  ASSERT_EQ(Call(emu, "POST", "/api/v1/namespaces", NamespaceManifest("team")).status, 201);
  ASSERT_EQ(Call(emu, "DELETE", "/api/v1/namespaces/team").status, 200);
  EXPECT_TRUE(
      Eventually([&] { return Call(emu, "GET", "/api/v1/namespaces/team").status == 404; }));
}

// Time alone changes these; the controllers look again when it is due, as
// the real ones' AddAfter does.
TEST(ControllerReaction, AStuckRolloutTimesOutAtItsProgressDeadline) {
  KubernetesEmulator emu{HourTick(std::chrono::milliseconds(0))};
  auto manifest = DeploymentManifest("web", "web:missing", 1);
  manifest["spec"].as_object()["progressDeadlineSeconds"] = 1;
  ASSERT_EQ(Call(emu, "POST", kDeployments, manifest).status, 201);
  EXPECT_TRUE(Eventually([&] {
    auto d = Call(emu, "GET", std::string(kDeployments) + "/web").body;
    const auto* conditions = core::Find(d, {"status", "conditions"});
    if (!conditions || !conditions->is_array()) return false;  // not synced yet
    for (const auto& c : conditions->as_array()) {
      if (core::StringAt(c, {"type"}) == "Progressing")
        return core::StringAt(c, {"reason"}) == "ProgressDeadlineExceeded";
    }
    return false;
  })) << Call(emu, "GET", std::string(kDeployments) + "/web").raw.body;
}

TEST(ControllerReaction, AReadyPodTurnsAvailableAfterMinReadySeconds) {
  KubernetesEmulator emu{HourTick(std::chrono::milliseconds(0))};
  auto manifest = DeploymentManifest("web", "web:1", 1);
  manifest["spec"].as_object()["minReadySeconds"] = 1;
  ASSERT_EQ(Call(emu, "POST", kDeployments, manifest).status, 201);
  EXPECT_TRUE(Eventually([&] { return ReadyReplicas(emu, "web") == 1; }));
  EXPECT_TRUE(Eventually([&] {
    return core::IntAt(Call(emu, "GET", std::string(kDeployments) + "/web").body,
                       {"status", "availableReplicas"}) == 1;
  }));
}

TEST(ControllerReaction, WithoutReactAtOnceNothingHappensBeforeTheTick) {
  auto settings = HourTick(std::chrono::milliseconds(0));
  settings.react_at_once = false;
  KubernetesEmulator emu{settings};
  ASSERT_EQ(Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 1)).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(Call(emu, "GET", "/apis/apps/v1/namespaces/default/replicasets")
                  .body.at("items")
                  .as_array()
                  .empty());
}

}  // namespace
}  // namespace slipway::sandbox::kube
