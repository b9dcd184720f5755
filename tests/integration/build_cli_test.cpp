// `slipway build …` end to end: the real client binary against a server with
// the sandbox, checking exit codes and what is printed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "integration/build_helpers.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

class BuildCliTest : public ::testing::Test {
 protected:
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    auto r =
        Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
            std::string(ApiServer::kAdminPassword) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r;
  }
  CliResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    return RunCli(dir_.path(), args, input);
  }
  // A registered and approved application; its name.
  std::string ApprovedApp() {
    const std::string name = UniqueName("cli-svc");
    auto reg =
        Run({"app", "register", "--name", name, "--team", "trade", "--type", "self_developed",
             "--level", "core", "--repo-url", "https://git.example.com/trade/" + name + ".git"});
    EXPECT_EQ(reg.exit_code, 0) << reg;
    EXPECT_EQ(Run({"app", "approve", name}).exit_code, 0);
    return name;
  }

  TempDir dir_;
  static inline std::unique_ptr<ApiServer> server_;
};

TEST_F(BuildCliTest, StartFollowShowListDelete) {
  const std::string name = ApprovedApp();
  auto started = Run({"build", "start", name, "--branch", "main", "--version", "1.0.0", "--note",
                      "cli", "-o", "json"});
  ASSERT_EQ(started.exit_code, 0) << started;
  const std::string id = std::to_string(boost::json::parse(started.out).at("id").as_int64());

  auto followed = Run({"build", "logs", id, "--follow"});
  ASSERT_EQ(followed.exit_code, 0) << followed;
  EXPECT_THAT(followed.out, HasSubstr("Finished: SUCCESS"));

  auto shown = Run({"build", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown;
  EXPECT_THAT(shown.out, HasSubstr("state:        succeeded"));
  EXPECT_THAT(shown.out, HasSubstr("digest:       sha256:"));
  EXPECT_THAT(Run({"build", "logs", id}).out, HasSubstr("Finished: SUCCESS"));
  EXPECT_THAT(Run({"build", "list", name}).out, HasSubstr("1.0.0"));

  EXPECT_EQ(Run({"build", "cancel", id}).exit_code, 5);  // it ended
  EXPECT_EQ(Run({"build", "delete", id}).exit_code, 0);
  EXPECT_EQ(Run({"build", "show", id}).exit_code, 4);
}

TEST_F(BuildCliTest, RefusalsHaveTheirExitCodes) {
  const std::string name = ApprovedApp();
  ASSERT_EQ(Run({"build", "start", name, "--branch", "main", "--version", "1"}).exit_code, 0);
  auto duplicate = Run({"build", "start", name, "--branch", "main", "--version", "1"});
  EXPECT_EQ(duplicate.exit_code, 5) << duplicate;
  auto bad = Run({"build", "start", name, "--branch", "main", "--version", "-x"});
  EXPECT_EQ(bad.exit_code, 1) << bad;
  EXPECT_THAT(bad.err, HasSubstr("version"));
  EXPECT_EQ(Run({"build", "start", name, "--version", "2"}).exit_code, 2);  // --branch is required
  EXPECT_EQ(Run({"build", "show", "999999"}).exit_code, 4);
  EXPECT_EQ(Run({"build", "list", name, "--state", "done"}).exit_code, 2);
}

TEST_F(BuildCliTest, StartWaitExitsZeroWhenTheBuildSucceeds) {
  const std::string name = ApprovedApp();
  auto run = Run({"build", "start", name, "--branch", "main", "--version", "2.0.0", "--wait",
                  "--timeout", "2m"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr(name + " 2.0.0 from main")) << run.out;
  EXPECT_THAT(run.out, HasSubstr(" succeeded: ")) << run.out;
  EXPECT_THAT(run.out, HasSubstr("sha256:")) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST_F(BuildCliTest, AFailedBuildExitsOneFromStartWaitAndFromFollowedLogs) {
  const std::string name = ApprovedApp();
  auto run = Run({"build", "start", name, "--branch", "feature/nobody-pushed-this", "--version",
                  "3.0.0", "--wait", "-o", "json"});
  ASSERT_EQ(run.exit_code, 1) << run;
  const auto build = boost::json::parse(run.out);  // the failed build, on stdout
  EXPECT_EQ(build.at("state").as_string(), "failed");
  const std::string id = std::to_string(build.at("id").as_int64());
  EXPECT_THAT(run.err, HasSubstr("error: build " + id + " failed: ")) << run.err;
  EXPECT_THAT(run.err, HasSubstr("(build_failed)")) << run.err;

  auto logs = Run({"build", "logs", id, "-f"});
  EXPECT_EQ(logs.exit_code, 1) << logs;
  EXPECT_THAT(logs.out, HasSubstr("feature/nobody-pushed-this"));
  EXPECT_THAT(logs.err, HasSubstr("(build_failed)"));
  EXPECT_EQ(Run({"build", "logs", id}).exit_code, 0) << "without -f the log is only printed";
  EXPECT_EQ(Run({"build", "wait", id}).exit_code, 1);
}

}  // namespace
}  // namespace slipway::testing
