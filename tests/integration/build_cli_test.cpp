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

}  // namespace
}  // namespace slipway::testing
