// Lanes under real crashes (R-LANE-4, 10, 11): `slipway serve` exits at an
// engine fail point while a lane is being created (a child's step ran but did
// not commit; the parent's fan-out committed), edited (its applications or its
// message coloring) or deleted, is started again on
// the same database, and the workflow finishes with nothing made twice in the
// emulators (one push hook per project, one Jenkins job per app, one DNS
// record, one Consul copy, one Deployment per app) and, after the delete,
// nothing of the lane left in any of them. The emulators run in a
// `slipway sandbox` process of their own, so they outlive the server.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "lane_rig.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

enum class Phase { kCreate, kEdit, kRecolor, kDelete };

struct LaneCrashCase {
  std::string failpoint;  ///< SLIPWAY_FAILPOINTS of the first server
  Phase phase;            ///< the request the crash interrupts
  std::string where;      ///< for the test's name
};

void PrintTo(const LaneCrashCase& c, std::ostream* out) {
  *out << c.failpoint << " (" << c.where << ")";
}

std::string CaseName(const ::testing::TestParamInfo<LaneCrashCase>& info) {
  return info.param.where;
}

class LaneCrashTest : public ::testing::TestWithParam<LaneCrashCase> {
 protected:
  // The first server ended at the fail point (exit 86, named in its stderr); starts it again.
  void ExpectCrashedAndRestart(const LaneCrashCase& c) {
    auto exit = rig_.WaitForExit(90s);
    ASSERT_TRUE(exit) << "the fail point " << c.failpoint << " was never hit";
    EXPECT_EQ(exit->code, 86) << exit->Describe() << "; stderr: " << rig_.server().ReadStderr();
    const std::string name = c.failpoint.substr(0, c.failpoint.find('@'));
    EXPECT_NE(rig_.server().ReadStderr().find("failpoint " + name + " hit"), std::string::npos)
        << rig_.server().ReadStderr();
    rig_.StartServer();
  }

  std::int64_t LaneId(const std::string& name) {
    auto list = rig_.Admin().Get("/api/v1/lanes");
    for (const auto& item : list.Object().at("items").as_array()) {
      if (Text(item.at("name")) == name) return item.at("id").as_int64();
    }
    return 0;
  }

  // Every artefact of the active lane exists, and exactly once.
  // `deployments`: how many the lane's namespace saw created in all (one per app it ever had).
  void ExpectCreatedOnce(const std::string& lane, const std::vector<LaneRigApp>& apps,
                         int deployments = 0) {
    const auto ns = LaneNamespace(lane);
    EXPECT_EQ(rig_.KubeStatus("/api/v1/namespaces/" + ns), 200);
    EXPECT_EQ(rig_.JobStatus(lane), 200) << "the lane's Jenkins folder";
    for (const auto& app : apps) {
      SCOPED_TRACE(app.name);
      EXPECT_EQ(rig_.BranchStatus(app.project, "feature/" + lane), 200);
      EXPECT_EQ(rig_.HookCount(app.project, ns), 1u) << "one push hook per project";
      EXPECT_EQ(rig_.HooksCreated(app.project), 1) << "a hook was created twice (and one removed?)";
      EXPECT_EQ(rig_.JobStatus(lane + "/" + app.name), 200);
      EXPECT_EQ(rig_.JobsCreated(lane, app.name), 1) << "one Jenkins job";
      EXPECT_EQ(rig_.KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + app.name),
                200);
      EXPECT_EQ(rig_.KubeCreated("/apis/apps/v1/namespaces/" + ns + "/deployments"),
                deployments ? deployments : static_cast<int>(apps.size()))
          << "one Deployment per app";
      const auto dir = "slipway/config/" + app.name + "/feature-" + ns + "/";
      const auto keys = rig_.ConsulKeys(dir);
      ASSERT_EQ(keys.size(), 1u) << "one Consul copy";
      EXPECT_EQ(rig_.ConsulValue(keys[0]), "greeting=hello\n");
      if (!app.domain.empty()) {
        const auto host = app.domain + "-" + ns + ".sandbox.test";
        EXPECT_EQ(rig_.DnsA(host), std::vector<std::string>{"127.0.0.1"}) << host;
        EXPECT_EQ(rig_.KubeStatus("/apis/networking.k8s.io/v1/namespaces/" + ns + "/ingresses/" +
                                  app.name + "-" + app.domain),
                  200);
      }
    }
  }

  // Nothing of the lane is left in any emulator (branches are kept by default).
  void ExpectNothingLeft(const std::string& lane, const std::vector<LaneRigApp>& apps) {
    const auto ns = LaneNamespace(lane);
    EXPECT_EQ(rig_.KubeStatus("/api/v1/namespaces/" + ns), 404);
    EXPECT_EQ(rig_.JobStatus(lane), 404) << "the lane's Jenkins folder";
    for (const auto& app : apps) {
      SCOPED_TRACE(app.name);
      EXPECT_EQ(rig_.HookCount(app.project, ns), 0u);
      EXPECT_EQ(rig_.JobStatus(lane + "/" + app.name), 404);
      EXPECT_TRUE(rig_.ConsulKeys("slipway/config/" + app.name + "/feature-" + ns + "/").empty());
      if (!app.domain.empty()) {
        EXPECT_TRUE(rig_.DnsA(app.domain + "-" + ns + ".sandbox.test").empty());
      }
    }
  }

  LaneRig rig_;
};

TEST_P(LaneCrashTest, TheLaneWorkflowFinishesAfterTheCrashWithNothingMadeTwice) {
  const LaneCrashCase& c = GetParam();
  rig_.StartServer(c.failpoint);
  rig_.RegisterCluster();
  const std::vector<LaneRigApp> apps{rig_.CreateApp("order", "web"), rig_.CreateApp("pay")};
  const std::string lane = UniqueName("lane");

  // Create (the server may be gone before it answers).
  auto created = rig_.TrySend("POST", "/api/v1/lanes", rig_.LaneBody(lane, apps));
  if (created) {
    ASSERT_EQ(created->status, 202) << *created;
  }
  if (c.phase == Phase::kCreate) {
    ASSERT_NO_FATAL_FAILURE(ExpectCrashedAndRestart(c));
  }
  const auto id = LaneId(lane);
  ASSERT_NE(id, 0) << "the lane was not recorded";
  auto active = rig_.WaitForLane(id, [](const Reply& r) { return r.Str("state") != "creating"; });
  ASSERT_EQ(active.Str("state"), "active") << active;
  ExpectCreatedOnce(lane, apps);

  // Edit (pay leaves, user joins): the crash lands in the edit's workflow.
  std::vector<LaneRigApp> all = apps;
  if (c.phase == Phase::kEdit) {
    const auto user = rig_.CreateApp("user");
    all.push_back(user);
    const auto version = rig_.Admin().Get("/api/v1/lanes/" + std::to_string(id)).Int("version");
    auto edited =
        rig_.TrySend("PATCH", "/api/v1/lanes/" + std::to_string(id),
                     json::object{{"version", version},
                                  {"apps", json::array{json::object{{"app", apps[0].name}},
                                                       json::object{{"app", user.name}}}}});
    if (edited) {
      ASSERT_EQ(edited->status, 200) << *edited;
    }
    ASSERT_NO_FATAL_FAILURE(ExpectCrashedAndRestart(c));
    auto after = rig_.WaitForLane(
        id, [](const Reply& r) { return Text(r.Object().at("workflow_state")) != "running"; });
    ASSERT_EQ(after.Str("state"), "active") << after;
    ExpectCreatedOnce(lane, {apps[0], user}, 3);
    const auto ns = LaneNamespace(lane);
    const auto& pay = apps[1];
    EXPECT_EQ(rig_.HookCount(pay.project, ns), 0u);
    EXPECT_EQ(rig_.JobStatus(lane + "/" + pay.name), 404);
    EXPECT_EQ(rig_.KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + pay.name), 404);
    EXPECT_TRUE(rig_.ConsulKeys("slipway/config/" + pay.name + "/feature-" + ns + "/").empty());
    // pay is reached in QA again, through its fallback service.
    auto fallback =
        rig_.Emulator("kubernetes").Get("/api/v1/namespaces/" + ns + "/services/" + pay.name);
    ASSERT_EQ(fallback.status, 200) << fallback;
    EXPECT_EQ(Text(fallback.Object().at("spec").at("type")), "ExternalName") << fallback;
  }

  // A coloring edit: order becomes a producer; the crash lands in its redeploy.
  if (c.phase == Phase::kRecolor) {
    const auto version = rig_.Admin().Get("/api/v1/lanes/" + std::to_string(id)).Int("version");
    auto edited = rig_.TrySend(
        "PATCH", "/api/v1/lanes/" + std::to_string(id),
        json::object{{"version", version},
                     {"coloring", {{"producers", json::array{json::value(apps[0].name)}}}}});
    if (edited) {
      ASSERT_EQ(edited->status, 200) << *edited;
    }
    ASSERT_NO_FATAL_FAILURE(ExpectCrashedAndRestart(c));
    auto after = rig_.WaitForLane(
        id, [](const Reply& r) { return Text(r.Object().at("workflow_state")) != "running"; });
    ASSERT_EQ(after.Str("state"), "active") << after;
    ExpectCreatedOnce(lane, apps);  // replaced, not created again
    const auto ns = LaneNamespace(lane);
    auto colored = [&](const std::string& app) {
      auto d =
          rig_.Emulator("kubernetes").Get("/apis/apps/v1/namespaces/" + ns + "/deployments/" + app);
      return json::serialize(d.Object().at("spec").at("template")).find("SLIPWAY_LANE_COLOR") !=
             std::string::npos;
    };
    EXPECT_TRUE(colored(apps[0].name)) << "the producer's pods carry the lane's color";
    EXPECT_FALSE(colored(apps[1].name));
  }

  // Delete: synchronous unless the server crashes under it; then the
  // restarted server finishes it, and a repeated delete answers 200.
  const std::string path = "/api/v1/lanes/" + std::to_string(id);
  auto deleted = rig_.TrySend("DELETE", path + "?confirm=" + lane);
  if (c.phase == Phase::kDelete) {
    EXPECT_FALSE(deleted && deleted->status == 200)
        << "the delete finished before the fail point: " << *deleted;
    ASSERT_NO_FATAL_FAILURE(ExpectCrashedAndRestart(c));
    auto gone = rig_.WaitForLane(id, [](const Reply& r) { return r.Str("state") == "deleted"; });
    ASSERT_EQ(gone.Str("state"), "deleted") << gone;
    auto again = rig_.Admin().Delete(path + "?confirm=" + lane);
    EXPECT_EQ(again.status, 200) << again;
  } else {
    ASSERT_TRUE(deleted);
    ASSERT_EQ(deleted->status, 200) << *deleted;
  }
  ExpectNothingLeft(lane, all);
  EXPECT_TRUE(rig_.server().running()) << "the restarted server runs without fail points";
}

INSTANTIATE_TEST_SUITE_P(
    Lanes, LaneCrashTest,
    ::testing::Values(
        // lane.edit of the coloring
        LaneCrashCase{"engine.after_step_run:lane.app.redeploy.deploy@1", Phase::kRecolor,
                      "RecolorAfterRedeployRan"},
        // lane.create
        LaneCrashCase{"engine.after_step_run:lane.create.prepare@1", Phase::kCreate,
                      "CreateAfterNamespaceRan"},
        LaneCrashCase{"engine.after_step_commit:lane.create.apps@1", Phase::kCreate,
                      "CreateAfterFanOutCommit"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.branch@1", Phase::kCreate,
                      "CreateAfterBranchRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.config@1", Phase::kCreate,
                      "CreateAfterConfigRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.job@1", Phase::kCreate,
                      "CreateAfterJobRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.hook@1", Phase::kCreate,
                      "CreateAfterHookRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.deploy@1", Phase::kCreate,
                      "CreateAfterDeployRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.domains@1", Phase::kCreate,
                      "CreateAfterDomainsRan"},
        // lane.edit (two apps created with the lane: the edit's app.create is the third)
        LaneCrashCase{"engine.after_step_commit:lane.edit.changes@1", Phase::kEdit,
                      "EditAfterFanOutCommit"},
        LaneCrashCase{"engine.after_step_run:lane.app.create.hook@3", Phase::kEdit,
                      "EditAfterAddedHookRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.delete.hook@1", Phase::kEdit,
                      "EditAfterRemovedHookRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.delete.objects@1", Phase::kEdit,
                      "EditAfterRemovedObjectsRan"},
        // lane.delete
        LaneCrashCase{"engine.after_step_commit:lane.delete.apps@1", Phase::kDelete,
                      "DeleteAfterFanOutCommit"},
        LaneCrashCase{"engine.after_step_run:lane.app.delete.domains@1", Phase::kDelete,
                      "DeleteAfterDomainsRan"},
        LaneCrashCase{"engine.after_step_run:lane.app.delete.hook@1", Phase::kDelete,
                      "DeleteAfterHookRan"},
        LaneCrashCase{"engine.after_step_run:lane.delete.namespace@1", Phase::kDelete,
                      "DeleteAfterNamespaceRan"}),
    CaseName);

}  // namespace
}  // namespace slipway::testing
