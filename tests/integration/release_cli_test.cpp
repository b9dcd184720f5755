// `slipway release … --wait` end to end, as a CI job runs it: the real client
// binary follows releases against the sandbox and its exit code says how
// they ended — 0 completed, 1 failed, 7 still waiting at --timeout.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "release_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class ReleaseCliTest : public ReleaseTest {
 protected:
  void SetUp() override {
    ReleaseTest::SetUp();
    UseCommercialApp();
    auto login = RunCli(dir_.path(),
                        {"login", "--server", server().base_url(), "--username", owner_.username,
                         "--password-stdin"},
                        owner_.password + "\n");
    ASSERT_EQ(login.exit_code, 0) << login;
  }

  CliResult Cli(const std::vector<std::string>& args) { return RunCli(dir_.path(), args); }

  // An environment of `replicas` pods running a pushed image, ready.
  void SetUpEnvironment(int replicas, const json::object& policy = {}) {
    image_ = PushImage("1.0.0");
    env_id_ = CreateEnv(image_, replicas, policy);
    ASSERT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, image_) == replicas; }));
  }

  // A change of `image` on the environment, submitted: pending_release; its id.
  std::string PendingChange(const std::string& image) {
    auto created =
        Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/changes",
                     {{"env_id", env_id_}, {"title", "release " + image}, {"image", image}});
    EXPECT_EQ(created.status, 201) << created;
    const std::string id = std::to_string(created.Int("id"));
    auto submitted = Owner().Post("/api/v1/changes/" + id + "/submit");
    EXPECT_EQ(submitted.Str("state"), "pending_release") << submitted;
    return id;
  }

  TempDir dir_;
  std::string image_;
  std::int64_t env_id_ = 0;
};

TEST_F(ReleaseCliTest, StartWaitPrintsTheProgressAndExitsZeroWhenTheReleaseCompletes) {
  SetUpEnvironment(2);
  const auto v2 = PushImage("2.0.0");
  auto run = Cli({"release", "start", PendingChange(v2), "--wait", "--timeout", "2m"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr("one_shot release of " + v2)) << run.out;
  EXPECT_THAT(run.out, HasSubstr("  step 1 running: ")) << run.out;
  EXPECT_THAT(run.out, HasSubstr("  step 1 succeeded: ")) << run.out;
  EXPECT_THAT(run.out, HasSubstr(" completed: " + v2 + " runs\n")) << run.out;
  EXPECT_EQ(run.err, "");
  EXPECT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, v2) == 2; }));
}

TEST_F(ReleaseCliTest, AReleaseThatFailsExitsOneWithTheReason) {
  SetUpEnvironment(1);
  auto run = Cli(
      {"release", "start", PendingChange(MissingImage("never-pushed")), "--wait", "-o", "json"});
  ASSERT_EQ(run.exit_code, 1) << run;
  // stdout: the failed release as JSON; stderr: the progress and the error.
  const auto release = json::parse(run.out);
  EXPECT_EQ(Text(release.at("state")), "failed");
  EXPECT_THAT(run.err, HasSubstr("failed: ")) << run.err;
  EXPECT_THAT(run.err, HasSubstr("ImagePullBackOff")) << run.err;
  EXPECT_THAT(run.err, HasSubstr("(release_failed)")) << run.err;

  // Rolling it back with --wait brings the old image back and exits 0.
  const auto id = std::to_string(release.at("id").as_int64());
  auto rollback = Cli({"release", "rollback", id, "--yes", "--wait"});
  ASSERT_EQ(rollback.exit_code, 0) << rollback;
  EXPECT_THAT(rollback.out, HasSubstr("rollback of " + image_)) << rollback.out;
  EXPECT_THAT(rollback.out, HasSubstr(" completed: " + image_ + " runs")) << rollback.out;
}

TEST_F(ReleaseCliTest, ACanaryWaitingForPromotionSaysSoUntilTheTimeoutThenPromoteWaitCompletes) {
  SetUpEnvironment(
      2, {{"strategy", "canary"},
          {"canary", {{"steps", json::array{{{"pods", 1}}}}, {"stability_window_seconds", 1}}}});
  const auto v2 = PushImage("2.0.0");
  auto paused = Cli({"release", "start", PendingChange(v2), "--wait", "--until-paused", "-o",
                     "json", "--timeout", "2m"});
  ASSERT_EQ(paused.exit_code, 0) << paused;
  const auto release = json::parse(paused.out);
  EXPECT_EQ(Text(release.at("state")), "canary");
  EXPECT_THAT(paused.err, HasSubstr("waiting for promotion")) << paused.err;
  const auto id = std::to_string(release.at("id").as_int64());

  // Nobody promotes: the wait ends at the timeout with 7, saying what it waits for.
  auto waited = Cli({"release", "wait", id, "--timeout", "2s"});
  EXPECT_EQ(waited.exit_code, 7) << waited;
  EXPECT_THAT(waited.out, HasSubstr("waiting for promotion: `slipway release promote " + id + "`"))
      << waited.out;
  EXPECT_THAT(waited.err, HasSubstr("is still waiting for promotion after 2s")) << waited.err;

  auto promoted = Cli({"release", "promote", id, "--wait", "--timeout", "2m"});
  ASSERT_EQ(promoted.exit_code, 0) << promoted;
  EXPECT_THAT(promoted.out, HasSubstr("canary release of " + v2)) << promoted.out;
  EXPECT_THAT(promoted.out, HasSubstr(" completed: " + v2 + " runs")) << promoted.out;
}

}  // namespace
}  // namespace slipway::testing
