// Releases under real crashes (R-REL-7): `slipway serve` exits at an engine or
// release fail point in the middle of a release (in begin, in deploy, in
// finish), is started again on the same database, and the release must end
// completed with nothing done twice: no Kubernetes object created twice,
// exactly one new baseline version, and release.start / release.complete
// each audited once. The emulators run in a `slipway sandbox` process of
// their own, so the cluster outlives the server. Every case runs on SQLite
// and on PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "release_rig.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

struct CrashCase {
  std::string failpoint;  ///< SLIPWAY_FAILPOINTS of the first server
  std::string where;      ///< where the crash lands, for the test's name
};

void PrintTo(const CrashCase& c, std::ostream* out) {
  *out << c.failpoint << " (" << c.where << ")";
}

/// A crash case on one database.
using CrashParam = std::tuple<CrashCase, Backend>;

std::string CaseName(const ::testing::TestParamInfo<CrashParam>& info) {
  return std::get<0>(info.param).where + "_" + BackendName(std::get<1>(info.param));
}

const auto kBothBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);

int CountAudit(const std::vector<json::object>& records, const std::string& action) {
  int n = 0;
  for (const auto& r : records) n += Text(r.at("action")) == action && Text(r.at("result")) == "ok";
  return n;
}

// What every crash case checks once the release has ended after the restart.
void ExpectCompletedOnce(ReleaseRig& rig, const CrashCase& c, const CrashRun& run,
                         std::int64_t env_id) {
  ASSERT_TRUE(run.exit) << "the fail point " << c.failpoint << " was never hit";
  EXPECT_EQ(run.exit->code, 86) << run.exit->Describe() << "; stderr: " << run.stderr_text;
  EXPECT_NE(
      run.stderr_text.find("failpoint " + c.failpoint.substr(0, c.failpoint.find('@')) + " hit"),
      std::string::npos)
      << run.stderr_text;
  ASSERT_NE(run.release_id, 0) << "no release was started";
  ASSERT_EQ(run.end.Str("state"), "completed") << run.end;
  for (const auto& step : run.end.Object().at("steps").as_array()) {
    EXPECT_TRUE(Text(step.at("state")) == "succeeded" || Text(step.at("state")) == "skipped")
        << run.end;
  }
  EXPECT_EQ(Text(run.end.Object().at("change").at("state")), "released") << run.end;

  auto baselines = rig.Admin().Get("/api/v1/environments/" + std::to_string(env_id) + "/baselines");
  const auto& items = baselines.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << "one new baseline version: " << baselines;
  EXPECT_EQ(items.at(0).at("release_id").as_int64(), run.release_id) << baselines;

  auto admin = rig.Admin();
  const auto audit = AuditOf(admin, "release:" + std::to_string(run.release_id));
  EXPECT_EQ(CountAudit(audit, "release.start"), 1);
  EXPECT_EQ(CountAudit(audit, "release.complete"), 1);
  EXPECT_EQ(CountAudit(audit, "release.fail"), 0);
}

class OneShotCrashTest : public ::testing::TestWithParam<CrashParam> {};

// Scaling 2 → 3 pods: a one-shot release of the image the environment runs.
TEST_P(OneShotCrashTest, TheReleaseCompletesOnceAfterTheCrash) {
  const auto& [c, backend] = GetParam();
  ReleaseRig rig({.backend = backend});
  rig.StartServer(c.failpoint);
  rig.RegisterCluster();
  const auto app = UniqueName("one");
  const auto image = rig.PushImage("slipway/" + app, "1.0.0");
  const auto env_id = rig.CreateEnv(rig.CreateApp(app), image, 2);
  ASSERT_TRUE(rig.WaitForPods(env_id, 2, image));
  const std::string ns = std::string("/namespaces/") + kRigNamespace;
  const auto deployment_uid = rig.Uid("/apis/apps/v1" + ns + "/deployments/" + app);
  const auto service_uid = rig.Uid("/api/v1" + ns + "/services/" + app);
  ASSERT_FALSE(deployment_uid.empty());
  ASSERT_FALSE(service_uid.empty());

  rig.ClearCalls();
  // The answer may be lost when the crash comes first; the release is found by its environment.
  (void)rig.TryPost("/api/v1/environments/" + std::to_string(env_id) + "/scale", {{"replicas", 3}});
  const auto run = rig.DriveThroughCrash(env_id, 0);

  ExpectCompletedOnce(rig, c, run, env_id);
  EXPECT_TRUE(rig.WaitForPods(env_id, 3, image));
  const auto calls = rig.Calls();
  EXPECT_LT(calls.total, 1000u) << "the emulator's call log overflowed";
  EXPECT_EQ(calls.deployments_created, 0);
  EXPECT_EQ(calls.services_created, 0);
  EXPECT_EQ(rig.Uid("/apis/apps/v1" + ns + "/deployments/" + app), deployment_uid);
  EXPECT_EQ(rig.Uid("/api/v1" + ns + "/services/" + app), service_uid);
  EXPECT_EQ(rig.StopServer().code, 0) << rig.server().ReadStderr();
}

INSTANTIATE_TEST_SUITE_P(
    FailPoints, OneShotCrashTest,
    ::testing::Combine(
        ::testing::Values(
            CrashCase{"engine.after_claim:release.begin", "claimed_begin"},
            CrashCase{"engine.after_step_run:release.begin", "ran_begin"},
            CrashCase{"engine.after_step_commit:release.begin", "committed_begin"},
            CrashCase{"engine.after_claim:release.deploy", "claimed_deploy"},
            CrashCase{"engine.after_step_run:release.deploy", "applied_not_committed"},
            CrashCase{"release.after_apply", "right_after_apply"},
            CrashCase{"engine.after_step_commit:release.deploy", "committed_first_wait"},
            CrashCase{"engine.after_step_run:release.deploy@2", "ran_while_waiting"},
            CrashCase{"engine.before_signal_commit:event", "signal_while_waiting"},
            CrashCase{"engine.after_claim:release.finish", "claimed_finish"},
            CrashCase{"engine.after_step_run:release.finish", "ran_finish"},
            CrashCase{"engine.after_step_commit:release.finish", "committed_finish"}),
        kBothBackends),
    CaseName);

class CanaryCrashTest : public ::testing::TestWithParam<CrashParam> {};

// A canary of 4 pods in two manual steps (1 pod, then 50 %), promoted twice.
TEST_P(CanaryCrashTest, TheReleaseCompletesOnceAfterTheCrash) {
  const auto& [c, backend] = GetParam();
  ReleaseRig rig({.backend = backend});
  rig.StartServer(c.failpoint);
  rig.RegisterCluster();
  const auto app = UniqueName("can");
  const auto v1 = rig.PushImage("slipway/" + app, "1.0.0");
  const auto v2 = rig.PushImage("slipway/" + app, "2.0.0");
  const json::object policy{{"strategy", "canary"},
                            {"canary",
                             {{"steps", json::array{{{"pods", 1}, {"pause", "manual"}},
                                                    {{"percent", 50}, {"pause", "manual"}}}},
                              {"stability_window_seconds", 1}}}};
  const auto app_id = rig.CreateCommercialApp(app);
  const auto env_id = rig.CreateEnv(app_id, v1, 4, policy);
  ASSERT_TRUE(rig.WaitForPods(env_id, 4, v1));
  const std::string ns = std::string("/namespaces/") + kRigNamespace;
  const auto deployment_uid = rig.Uid("/apis/apps/v1" + ns + "/deployments/" + app);
  const auto service_uid = rig.Uid("/api/v1" + ns + "/services/" + app);
  ASSERT_FALSE(deployment_uid.empty());
  const auto change = rig.SubmitChange(app_id, env_id, v2);

  rig.ClearCalls();
  (void)rig.TryPost("/api/v1/changes/" + std::to_string(change) + "/release",
                    {{"strategy", "canary"}});
  const auto run = rig.DriveThroughCrash(env_id, 0);

  ExpectCompletedOnce(rig, c, run, env_id);
  EXPECT_EQ(run.end.Str("strategy"), "canary") << run.end;
  int promotions = 0;
  for (const auto& op : run.end.Object().at("operations").as_array())
    promotions += Text(op.at("kind")) == "promote";
  EXPECT_EQ(promotions, 2) << run.end;
  EXPECT_TRUE(rig.WaitForPods(env_id, 4, v2));
  const auto calls = rig.Calls();
  EXPECT_LT(calls.total, 1000u) << "the emulator's call log overflowed";
  EXPECT_EQ(calls.deployments_created, 1) << "the canary Deployment, once";
  EXPECT_EQ(calls.services_created, 0);
  EXPECT_EQ(rig.Uid("/apis/apps/v1" + ns + "/deployments/" + app), deployment_uid);
  EXPECT_EQ(rig.Uid("/api/v1" + ns + "/services/" + app), service_uid);
  EXPECT_EQ(rig.Uid("/apis/apps/v1" + ns + "/deployments/" + app + "-canary"), "")
      << "the canary is removed";
  EXPECT_EQ(rig.StopServer().code, 0) << rig.server().ReadStderr();
}

INSTANTIATE_TEST_SUITE_P(
    FailPoints, CanaryCrashTest,
    ::testing::Combine(
        ::testing::Values(
            CrashCase{"engine.after_step_commit:release.begin", "committed_begin"},
            CrashCase{"release.after_canary_scale", "first_canary_pod"},
            CrashCase{"engine.after_claim:release.deploy@2", "claimed_deploy_again"},
            CrashCase{"engine.after_step_run:release.deploy@3", "ran_deploy_uncommitted"},
            CrashCase{"engine.after_step_commit:release.deploy@4", "committed_deploy"},
            CrashCase{"engine.before_signal_commit:event@3", "signal_uncommitted"},
            CrashCase{"release.after_canary_scale@2", "after_first_promotion"},
            CrashCase{"release.after_promotion_apply", "after_second_promotion"},
            CrashCase{"engine.after_step_run:release.finish", "ran_finish"}),
        kBothBackends),
    CaseName);

}  // namespace
}  // namespace slipway::testing
