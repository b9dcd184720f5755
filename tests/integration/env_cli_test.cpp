// `slipway cluster …` and `slipway env …` end to end against the sandbox.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

class EnvCliTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    auto login =
        Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
            std::string(ApiServer::kAdminPassword) + "\n");
    ASSERT_EQ(login.exit_code, 0) << login;
  }
  CliResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    return RunCli(dir_.path(), args, input);
  }
  TempDir dir_;
};

TEST_F(EnvCliTest, ClusterListShowsTheSandbox) {
  auto list = Run({"cluster", "list"});
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr("sandbox"));
  auto show = Run({"cluster", "show", "sandbox"});
  ASSERT_EQ(show.exit_code, 0) << show;
  EXPECT_THAT(show.out, HasSubstr("connectivity:"));
  EXPECT_THAT(show.out, HasSubstr("ok ("));
}

TEST_F(EnvCliTest, CreateShowPodsRestartDelete) {
  const auto app = UniqueName("cli-env");
  RegisterApprovedApp(server(), server().admin_user(), app);
  auto create =
      Run({"env", "create", app, "--type", "test", "--cluster", "sandbox", "--replicas", "2",
           "--port", "http:8080:80", "--env", "MODE=demo", "--memory-limit", "256Mi"});
  ASSERT_EQ(create.exit_code, 0) << create;
  EXPECT_THAT(create.out, HasSubstr("namespace:"));

  // Addressed as APP/ENV_TYPE; pods show why they do not run yet.
  const auto ref = app + "/test";
  ASSERT_TRUE(WaitUntil([&] {
    auto pods = Run({"env", "pods", ref});
    return pods.exit_code == 0 && pods.out.find("ImagePullBackOff") != std::string::npos;
  })) << Run({"env", "pods", ref});
  auto show = Run({"env", "show", ref});
  ASSERT_EQ(show.exit_code, 0) << show;
  EXPECT_THAT(show.out, HasSubstr("cannot pull the image"));
  EXPECT_THAT(show.out, HasSubstr("80→8080/TCP"));

  auto restart = Run({"env", "restart", ref});
  EXPECT_EQ(restart.exit_code, 0) << restart;
  EXPECT_THAT(restart.out, HasSubstr("restart"));

  // Bad input is a usage or server refusal with its exit code, and changes nothing.
  EXPECT_EQ(
      Run({"env", "create", app, "--type", "test", "--cluster", "sandbox", "--replicas", "25"})
          .exit_code,
      2);
  auto duplicate = Run({"env", "create", app, "--type", "test", "--cluster", "sandbox"});
  EXPECT_EQ(duplicate.exit_code, 5) << duplicate;  // conflict
  EXPECT_EQ(Run({"env", "delete", ref, "--confirm", "wrong"}).exit_code,
            1);  // refused by the server

  auto deleted = Run({"env", "delete", ref, "--confirm", app});
  EXPECT_EQ(deleted.exit_code, 0) << deleted;
  EXPECT_EQ(Run({"env", "show", ref}).exit_code, 4);  // not found
}

TEST_F(EnvCliTest, PolicyShowsAndChangesTheReleasePolicy) {
  const auto app = UniqueName("cli-pol");
  RegisterApprovedApp(server(), server().admin_user(), app);
  ASSERT_EQ(Run({"env", "create", app, "--type", "test", "--cluster", "sandbox"}).exit_code, 0);
  const auto ref = app + "/test";
  auto shown = Run({"env", "policy", ref});
  ASSERT_EQ(shown.exit_code, 0) << shown;
  EXPECT_THAT(shown.out, HasSubstr("1 pod (manual), 50% (manual)"));
  EXPECT_THAT(shown.out, HasSubstr("10 s"));

  auto set = Run({"env", "policy", ref, "--strategy", "canary", "--step", "2:none", "--step",
                  "50%:300", "--stability-window", "30", "--auto-rollback", "on"});
  ASSERT_EQ(set.exit_code, 0) << set;
  EXPECT_THAT(set.out, HasSubstr("2 pods (no pause), 50% (300 s)"));
  EXPECT_THAT(set.out, HasSubstr("30 s"));
  // One flag changes one thing; the rest stays.
  auto window = Run({"env", "policy", ref, "--stability-window", "5", "-o", "json"});
  ASSERT_EQ(window.exit_code, 0) << window;
  const auto policy = boost::json::parse(window.out).at("release_policy");
  EXPECT_EQ(policy.at("canary").at("stability_window_seconds").as_int64(), 5);
  EXPECT_EQ(policy.at("canary").at("steps").as_array().size(), 2u);
  EXPECT_TRUE(policy.at("auto_rollback").as_bool());
  EXPECT_EQ(Text(policy.at("strategy")), "canary");

  // The server's rules, with the field named; nothing changes.
  auto refused = Run({"env", "policy", ref, "--step", "0"});
  EXPECT_EQ(refused.exit_code, 1) << refused;
  EXPECT_THAT(refused.err, HasSubstr("canary.steps[0].pods"));
  EXPECT_EQ(Run({"env", "policy", ref, "--step", "half"}).exit_code, 2);  // usage
  EXPECT_THAT(Run({"env", "policy", ref}).out, HasSubstr("5 s"));
}

}  // namespace
}  // namespace slipway::testing
