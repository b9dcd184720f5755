// `slipway connector …` end to end against the sandbox: secrets only from
// files or variables and never printed, a failed check exits 1, set and
// delete move the system between the API and its bootstrap.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kWrongToken = "cli-wrong-token-51e0";

class ConnectorCliTest : public ::testing::Test {
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
  CliResult Run(const std::vector<std::string>& args, const std::string& input = "",
                const std::vector<std::string>& env = {}) {
    return RunCli(dir_.path(), args, input, env);
  }
  std::string SecretFile(const std::string& name, const std::string& content) {
    const auto path = dir_.path() + "/" + name;
    std::ofstream(path) << content << "\n";
    return path;
  }
  TempDir dir_;
};

TEST_F(ConnectorCliTest, SetTestShowAndDeleteWithoutEverPrintingTheSecret) {
  auto list = Run({"connector", "list"});
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr("jenkins"));
  EXPECT_THAT(list.out, HasSubstr("sandbox"));

  const auto wrong = SecretFile("wrong", kWrongToken);
  auto check = Run({"connector", "test", "jenkins", "--secret-file", "token=" + wrong});
  EXPECT_EQ(check.exit_code, 1) << check;
  EXPECT_THAT(check.out + check.err, HasSubstr("401"));
  EXPECT_THAT(check.out + check.err, Not(HasSubstr(kWrongToken)));

  auto set = Run({"connector", "set", "jenkins", "--secret-env", "token=JENKINS_TOKEN"}, "",
                 {"JENKINS_TOKEN=slipway-sandbox-token"});
  ASSERT_EQ(set.exit_code, 0) << set;
  EXPECT_THAT(set.out, HasSubstr("api"));
  EXPECT_THAT(set.out, Not(HasSubstr("slipway-sandbox-token")));
  auto ok = Run({"connector", "test", "jenkins"});
  EXPECT_EQ(ok.exit_code, 0) << ok;
  EXPECT_THAT(ok.out, HasSubstr("jenkins: ok"));
  auto json = Run({"connector", "show", "jenkins", "-o", "json"});
  ASSERT_EQ(json.exit_code, 0) << json;
  EXPECT_THAT(json.out, HasSubstr("\"token\":true"));
  EXPECT_THAT(json.out, Not(HasSubstr("slipway-sandbox-token")));

  auto inline_secret = Run({"connector", "set", "jenkins", "--set", "token=x"});
  EXPECT_EQ(inline_secret.exit_code, 2) << inline_secret;
  EXPECT_THAT(inline_secret.err, HasSubstr("--secret-file"));

  auto removed = Run({"connector", "delete", "jenkins"});
  ASSERT_EQ(removed.exit_code, 0) << removed;
  EXPECT_THAT(Run({"connector", "show", "jenkins"}).out, HasSubstr("sandbox"));
  EXPECT_EQ(Run({"connector", "delete", "jenkins"}).exit_code, 4) << "nothing set: 404";
}

}  // namespace
}  // namespace slipway::testing
