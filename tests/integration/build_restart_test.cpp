// A build survives `slipway serve` crashing (R-REL-7): the emulators run in a
// process of their own (`slipway sandbox`), so Jenkins keeps its queue and
// builds while serve is killed and started again. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <memory>

#include "connectors/jenkins/client.hpp"
#include "connectors/registry/client.hpp"
#include "integration/build_helpers.hpp"
#include "support/sandbox_process.hpp"

namespace slipway::testing {
namespace {

class BuildRestartTest : public ::testing::TestWithParam<Backend> {
 protected:
  // serve talks to the sandbox process as it would to real systems.
  ServerOptions Options() const {
    ServerOptions options;
    options.backend = GetParam();
    options.extra_config =
        "connectors:\n  jenkins:\n    url: " + sandbox_.Url("jenkins") +
        "\n    user: admin\n    token: slipway-sandbox-token\n  registry:\n    url: " +
        sandbox_.Url("registry") +
        "\nbuilds:\n  create_missing_jobs: true\n  trigger_recovery_ms: 10000\n"
        "engine:\n  lease_ms: 2000\n";
    return options;
  }

  connectors::jenkins::JenkinsClient Jenkins() const {
    connectors::jenkins::JenkinsSettings settings;
    settings.transport.base_url = sandbox_.Url("jenkins");
    settings.transport.basic_user = "admin";
    settings.transport.basic_password = "slipway-sandbox-token";
    return connectors::jenkins::JenkinsClient(settings);
  }

  SandboxProcess sandbox_;
};

TEST_P(BuildRestartTest, ABuildFollowedWhenServeDiesFinishesAfterTheRestart) {
  ApiServer server(Options());
  auto developer = server.CreateUser("developer", "builder");
  const std::string name = UniqueName("svc");
  const auto app = ApprovedApp(server, developer, name);
  auto started = server.As(developer).Post(BuildsPath(app), BuildBody("1.0"));
  ASSERT_EQ(started.status, 201) << started;
  const auto id = started.Int("id");
  auto api = server.As(developer);
  auto running = WaitForBuild(api, id, [](const Reply& r) { return r.Str("state") != "queued"; });
  ASSERT_EQ(running.Str("state"), "running") << running;

  server.Restart();  // SIGKILL in the middle of following the build
  auto after = server.As(developer);
  auto done = WaitUntilEnded(after, id);
  ASSERT_EQ(done.Str("state"), "succeeded") << done;
  connectors::registry::RegistryClient registry({.base_url = sandbox_.Url("registry")});
  auto manifest = registry.HeadManifest(ImageRepository(name), "1.0");
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(done.Str("digest"), manifest->digest);
  EXPECT_NE(after.Get(BuildPath(id, "/log")).raw.body.find("Finished: SUCCESS"), std::string::npos);
  EXPECT_EQ(Jenkins().GetItem(name)->last_build, 1);  // built once
}

TEST_P(BuildRestartTest, DyingBetweenTriggerAndCommitAdoptsTheBuildInsteadOfTriggeringAgain) {
  auto options = Options();
  options.env = {{"SLIPWAY_FAILPOINTS", "build.after_trigger"}};
  ApiServer server(options);
  auto developer = server.CreateUser("developer", "builder");
  const std::string name = UniqueName("svc");
  const auto app = ApprovedApp(server, developer, name);
  auto started = server.As(developer).Post(BuildsPath(app), BuildBody("1.0"));
  ASSERT_EQ(started.status, 201) << started;
  auto crashed = server.process().Wait(std::chrono::seconds(30));
  ASSERT_TRUE(crashed.has_value());
  ASSERT_EQ(crashed->code, 86)
      << crashed->Describe();  // the fail point, right after Jenkins answered

  server.Restart();
  auto api = server.As(developer);
  auto done = WaitUntilEnded(api, started.Int("id"));
  ASSERT_EQ(done.Str("state"), "succeeded") << done;
  EXPECT_EQ(done.Object().at("jenkins").at("build_number").as_int64(), 1);
  EXPECT_EQ(Jenkins().GetItem(name)->last_build, 1);  // triggered once
}

TEST_P(BuildRestartTest, DyingBeforeTheTriggerLeftJenkinsFailsTheBuildWithoutTriggering) {
  auto options = Options();
  options.env = {{"SLIPWAY_FAILPOINTS", "build.before_trigger"}};
  ApiServer server(options);
  auto developer = server.CreateUser("developer", "builder");
  const std::string name = UniqueName("svc");
  const auto app = ApprovedApp(server, developer, name);
  auto started = server.As(developer).Post(BuildsPath(app), BuildBody("1.0"));
  ASSERT_EQ(started.status, 201) << started;
  auto crashed = server.process().Wait(std::chrono::seconds(30));
  ASSERT_TRUE(crashed.has_value());
  ASSERT_EQ(crashed->code, 86) << crashed->Describe();

  server.Restart();
  auto api = server.As(developer);
  // Slipway cannot know the trigger never left: it looks for the build for
  // builds.trigger_recovery_ms (10 s here), then gives up without a second trigger.
  auto done = WaitUntilEnded(api, started.Int("id"));
  ASSERT_EQ(done.Str("state"), "failed") << done;
  EXPECT_FALSE(Jenkins().GetItem(name)->last_build.has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, BuildRestartTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
