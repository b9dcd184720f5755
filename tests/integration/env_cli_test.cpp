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

}  // namespace
}  // namespace slipway::testing
