// Replicas on one PostgreSQL (R-OPS-1, R-REL-7): three `slipway serve`
// processes share a database and one `slipway sandbox`; a canary release and
// a build are in the middle of a step when the replica running them is
// killed (SIGKILL). Another replica takes the steps over once their lease
// runs out and finishes both, with nothing done twice: one canary Deployment
// created, one Jenkins build, one new baseline, one release.start and one
// release.complete in the audit.
//
// "In the middle of a step" without depending on timing: the emulators hold
// one call each (a fault rule that answers after two minutes), the canary's
// scaling after the first promotion and the build's first look at its queue
// item, so the replica that made the call is running the step (its claim is
// the step's lease_owner) when it is killed; the test waits until both
// calls arrived. The rules hold one call each: the replica that takes over
// is answered at once. The recheck deadline is
// ten minutes, so only a takeover on lease expiry can finish within the
// test's timeouts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "release_rig.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using std::chrono::seconds;

constexpr int kLeaseMs = 2000;

int CountAudit(const std::vector<json::object>& records, const std::string& action) {
  int n = 0;
  for (const auto& r : records) n += Text(r.at("action")) == action && Text(r.at("result")) == "ok";
  return n;
}

// The pid in a lease owner "host:pid:random" (0 when there is none).
int OwnerPid(const json::value& owner) {
  if (!owner.is_string()) return 0;
  const std::string text(owner.as_string());
  const auto first = text.find(':');
  const auto second = text.find(':', first + 1);
  if (first == std::string::npos || second == std::string::npos) return 0;
  return std::stoi(text.substr(first + 1, second - first - 1));
}

// The pid of the process running the workflow's step `step` (0 when it does not run).
int RunnerOf(ReleaseRig& rig, const std::string& workflow_id, const std::string& step) {
  auto workflow = rig.Workflow(workflow_id);
  if (workflow.status != 200) return 0;
  for (const auto& s : workflow.Object().at("steps").as_array()) {
    if (Text(s.at("name")) == step && Text(s.at("state")) == "running")
      return OwnerPid(s.at("lease_owner"));
  }
  return 0;
}

std::int64_t StepIndexWaiting(const Reply& release) {
  std::int64_t paused_at = 0;
  for (const auto& step : release.Object().at("steps").as_array()) {
    if (Text(step.at("state")) == "waiting") paused_at = step.at("index").as_int64();
  }
  return paused_at;
}

TEST(ReplicaFailoverTest, AnotherReplicaFinishesTheReleaseAndTheBuildOfAKilledOne) {
  ReleaseRig rig({.backend = Backend::kPostgres,
                  .lease_ms = kLeaseMs,
                  .extra_config = "releases:\n  recheck_ms: 600000\n"});
  rig.StartServer();
  rig.StartReplica();
  rig.StartReplica();
  rig.RegisterCluster();

  const auto canary_app = UniqueName("fo");
  const auto v1 = rig.PushImage("slipway/" + canary_app, "1.0.0");
  const auto v2 = rig.PushImage("slipway/" + canary_app, "2.0.0");
  const json::object policy{{"strategy", "canary"},
                            {"canary",
                             {{"steps", json::array{{{"pods", 1}, {"pause", "manual"}},
                                                    {{"percent", 50}, {"pause", "manual"}}}},
                              {"stability_window_seconds", 1}}}};
  const auto app_id = rig.CreateCommercialApp(canary_app);
  const auto env_id = rig.CreateEnv(app_id, v1, 4, policy);
  ASSERT_TRUE(rig.WaitForPods(env_id, 4, v1));
  const auto change = rig.SubmitChange(app_id, env_id, v2);
  const auto build_app = UniqueName("fob");
  const auto build_app_id = rig.CreateApp(build_app);

  rig.ClearCalls();
  auto started = rig.Admin().Post("/api/v1/changes/" + std::to_string(change) + "/release",
                                  {{"strategy", "canary"}});
  ASSERT_EQ(started.status, 202) << started;
  const auto release_id = rig.LatestRelease(env_id);
  const std::string release_path = "/api/v1/releases/" + std::to_string(release_id);
  const std::string release_workflow = rig.Admin().Get(release_path).Str("workflow_id");
  // The first canary pod is up and the release waits for its first promotion.
  ASSERT_TRUE(
      WaitUntil([&] { return StepIndexWaiting(rig.Admin().Get(release_path)) == 1; }, seconds(60)));
  ASSERT_TRUE(WaitUntil(
      [&] { return rig.Workflow(release_workflow).Str("waiting_for") == "event"; }, seconds(30)));

  // The next scaling of the stable Deployment, and the next look at a queue item, hang.
  const std::string stable_scale = std::string("/apis/apps/v1/namespaces/") + kRigNamespace +
                                   "/deployments/" + canary_app + "/scale";
  rig.AddFault("kubernetes", {{"method", "PATCH"},
                              {"path_prefix", stable_scale},
                              {"timeout", true},
                              {"timeout_ms", 120'000}});
  rig.AddFault("jenkins", {{"method", "GET"},
                           {"path_prefix", "/queue/item/"},
                           {"timeout", true},
                           {"timeout_ms", 120'000}});
  const auto build_id = rig.StartBuild(build_app_id, "1.0");
  const std::string build_workflow =
      rig.Admin().Get("/api/v1/builds/" + std::to_string(build_id)).Str("workflow_id");
  ASSERT_FALSE(build_workflow.empty());
  auto promoted = rig.Admin().Post(release_path + "/promote");
  ASSERT_EQ(promoted.status, 200) << promoted;

  // Both held calls arrived (each took its rule), so their steps are claimed
  // and stay so until the calls are answered: by whom is the lease owner.
  ASSERT_TRUE(WaitUntil(
      [&] { return rig.PendingFaults("kubernetes") == 0 && rig.PendingFaults("jenkins") == 0; },
      seconds(60)));
  const int release_runner = RunnerOf(rig, release_workflow, "deploy");
  const int build_runner = RunnerOf(rig, build_workflow, "queue");
  ASSERT_NE(release_runner, 0) << rig.Workflow(release_workflow);
  ASSERT_NE(build_runner, 0) << rig.Workflow(build_workflow);

  // Kill the replica (or the two) running them; talk to a survivor.
  std::set<std::size_t> killed;
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    const int pid = rig.replica(i).pid();
    if (pid == release_runner || pid == build_runner) {
      EXPECT_EQ(rig.replica(i).Kill().signal, 9);
      killed.insert(i);
    }
  }
  ASSERT_FALSE(killed.empty()) << "no replica of this test runs the steps";
  ASSERT_LT(killed.size(), rig.replicas());
  const auto killed_at = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    if (!killed.count(i)) rig.UseReplica(i);
  }

  // The release moves on to its second pause, the build ends: both only
  // after a survivor took the claimed steps over.
  ASSERT_TRUE(
      WaitUntil([&] { return StepIndexWaiting(rig.Admin().Get(release_path)) == 2; }, seconds(60)))
      << rig.Admin().Get(release_path);
  const auto release_took = std::chrono::steady_clock::now() - killed_at;
  ASSERT_TRUE(WaitUntil(
      [&] {
        const auto state =
            rig.Admin().Get("/api/v1/builds/" + std::to_string(build_id)).Str("state");
        return state == "succeeded" || state == "failed" || state == "cancelled";
      },
      seconds(60)));
  const auto build_took = std::chrono::steady_clock::now() - killed_at;
  auto build = rig.Admin().Get("/api/v1/builds/" + std::to_string(build_id));
  EXPECT_EQ(build.Str("state"), "succeeded") << build;
  auto end = rig.DriveToEnd(release_id);
  ASSERT_EQ(end.Str("state"), "completed") << end;
  std::cout << "[ figures ] lease " << kLeaseMs << " ms; " << killed.size()
            << " replica(s) killed; after the kill, the release went on in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(release_took).count()
            << " ms, the build ended in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(build_took).count() << " ms\n";

  // Nothing twice.
  EXPECT_TRUE(rig.WaitForPods(env_id, 4, v2));
  const auto calls = rig.Calls();
  EXPECT_LT(calls.total, 1000u) << "the emulator's call log overflowed";
  EXPECT_EQ(calls.deployments_created, 1) << "the canary Deployment, once";
  EXPECT_EQ(calls.services_created, 0);
  EXPECT_EQ(rig.JenkinsBuilds(build_app), 1) << "triggered once";
  auto baselines = rig.Admin().Get("/api/v1/environments/" + std::to_string(env_id) + "/baselines");
  ASSERT_EQ(baselines.Object().at("items").as_array().size(), 1u) << baselines;
  auto admin = rig.Admin();
  const auto release_audit = AuditOf(admin, "release:" + std::to_string(release_id));
  EXPECT_EQ(CountAudit(release_audit, "release.start"), 1);
  EXPECT_EQ(CountAudit(release_audit, "release.complete"), 1);
  const auto build_audit = AuditOf(admin, "build:" + std::to_string(build_id));
  EXPECT_EQ(CountAudit(build_audit, "build.start"), 1);
  EXPECT_EQ(CountAudit(build_audit, "build.succeeded"), 1);
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    if (!killed.count(i)) {
      EXPECT_EQ(rig.replica(i).Terminate().code, 0) << rig.replica(i).ReadStderr();
    }
  }
}

}  // namespace
}  // namespace slipway::testing
