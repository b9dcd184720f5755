// A rollback that restores configuration (R-CFG-3) under real crashes:
// `slipway serve` exits between the image step and the config step, right
// after the config write, or after the finish step ran uncommitted; started
// again, the rollback ends completed with the image and config A in place,
// the file written once (one restore publish, the live ModifyIndex the one
// recorded), one new baseline and one release.config_restore audit record.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ostream>
#include <string>

#include "release_rig.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

struct ConfigCrashCase {
  std::string failpoint;
  std::string where;
};

void PrintTo(const ConfigCrashCase& c, std::ostream* out) {
  *out << c.failpoint << " (" << c.where << ")";
}

constexpr const char* kConfigA = "limit=10\nmode=a\n";
constexpr const char* kConfigB = "feature=on\nlimit=10\nmode=b\n";

class RollbackConfigCrashTest : public ::testing::TestWithParam<ConfigCrashCase> {
 protected:
  void Publish(ReleaseRig& rig, const std::string& env, const std::string& content) {
    auto draft =
        rig.Admin().Put(env + "/config/files/app.properties/draft", {{"content", content}});
    ASSERT_EQ(draft.status, 200) << draft;
    auto published =
        rig.Admin().Post(env + "/config/files/app.properties/publish", {{"comment", "test"}});
    ASSERT_EQ(published.status, 201) << published;
  }
  std::int64_t Release(ReleaseRig& rig, std::int64_t app_id, std::int64_t env_id,
                       const std::string& image) {
    const auto change = rig.SubmitChange(app_id, env_id, image);
    auto started = rig.Admin().Post("/api/v1/changes/" + std::to_string(change) + "/release");
    EXPECT_EQ(started.status, 202) << started;
    auto end = rig.WaitForEnd(started.Int("id"));
    EXPECT_EQ(end.Str("state"), "completed") << end;
    return started.Int("id");
  }
};

TEST_P(RollbackConfigCrashTest, TheRollbackRestoresImageAndConfigOnceAfterTheCrash) {
  const auto& c = GetParam();
  ReleaseRig rig;
  rig.StartServer();
  rig.RegisterCluster();
  const auto app = UniqueName("cfg");
  const auto app_id = rig.CreateCommercialApp(app);
  const auto v0 = rig.PushImage("slipway/" + app, "0.9.0");
  const auto v1 = rig.PushImage("slipway/" + app, "1.0.0");
  const auto v2 = rig.PushImage("slipway/" + app, "2.0.0");
  const auto env_id = rig.CreateEnv(app_id, v0, 1);
  const std::string env = "/api/v1/environments/" + std::to_string(env_id);
  Publish(rig, env, kConfigA);
  Release(rig, app_id, env_id, v1);
  Publish(rig, env, kConfigB);
  const auto second = Release(rig, app_id, env_id, v2);
  if (HasFailure()) return;
  const auto plan =
      rig.Admin().Get("/api/v1/releases/" + std::to_string(second) + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;

  // The fail points are for the rollback only.
  ASSERT_EQ(rig.StopServer().code, 0);
  rig.StartServer(c.failpoint);
  (void)rig.TryPost("/api/v1/releases/" + std::to_string(second) + "/rollback",
                    {{"plan_token", plan.Str("plan_token")}});
  const auto run = rig.DriveThroughCrash(env_id, second);

  ASSERT_TRUE(run.exit) << "the fail point " << c.failpoint << " was never hit";
  EXPECT_EQ(run.exit->code, 86) << run.exit->Describe() << "; stderr: " << run.stderr_text;
  ASSERT_NE(run.release_id, 0) << "no rollback was started";
  ASSERT_EQ(run.end.Str("state"), "completed") << run.end;
  const auto& restores = run.end.Object().at("config_restores").as_array();
  ASSERT_EQ(restores.size(), 1u) << run.end;
  EXPECT_EQ(Text(restores.at(0).at("outcome")), "restored") << run.end;

  auto live = rig.Admin().Get(env + "/config/files/app.properties");
  EXPECT_EQ(Text(live.Object().at("live").at("content")), kConfigA) << live;
  EXPECT_EQ(live.Object().at("live").at("version").as_int64(),
            restores.at(0).at("version_after").as_int64())
      << "written once: the live version is the one the restore recorded";
  auto history = rig.Admin().Get(env + "/config/history?file=app.properties");
  int restore_publishes = 0;
  for (const auto& p : history.Object().at("items").as_array()) {
    restore_publishes += Text(p.at("comment")) == "rollback " + std::to_string(run.release_id);
  }
  EXPECT_EQ(restore_publishes, 1) << history;
  EXPECT_TRUE(rig.WaitForPods(env_id, 1, v1));

  auto baselines = rig.Admin().Get(env + "/baselines");
  const auto& items = baselines.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << "one new baseline version: " << baselines;
  EXPECT_EQ(items.at(0).at("release_id").as_int64(), run.release_id);
  EXPECT_TRUE(items.at(0).at("config_recorded").as_bool());
  auto admin = rig.Admin();
  int audited = 0;
  for (const auto& r : AuditOf(admin, "release:" + std::to_string(run.release_id))) {
    audited += Text(r.at("action")) == "release.config_restore" && Text(r.at("result")) == "ok";
  }
  EXPECT_EQ(audited, 1);
  EXPECT_EQ(rig.StopServer().code, 0) << rig.server().ReadStderr();
}

INSTANTIATE_TEST_SUITE_P(
    FailPoints, RollbackConfigCrashTest,
    ::testing::Values(
        ConfigCrashCase{"engine.after_claim:release.finish", "between_image_and_config"},
        ConfigCrashCase{"release.after_config_write", "right_after_config_write"},
        ConfigCrashCase{"engine.after_step_run:release.finish", "finish_ran_uncommitted"},
        ConfigCrashCase{"engine.after_step_commit:release.finish", "finish_committed"}),
    [](const ::testing::TestParamInfo<ConfigCrashCase>& info) { return info.param.where; });

}  // namespace
}  // namespace slipway::testing
