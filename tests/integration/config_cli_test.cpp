// `slipway config …` end to end against the sandbox (Consul): edit from a
// file and in $EDITOR, diff, publish, a conflict's exit code, rebase, history,
// delete.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

class ConfigCliTest : public ::testing::TestWithParam<Backend> {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedSandboxServer(GetParam()); }

  void SetUp() override {
    auto login =
        Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
            std::string(ApiServer::kAdminPassword) + "\n");
    ASSERT_EQ(login.exit_code, 0) << login;
    app_ = UniqueName("clicfg");
    auto app_id = RegisterApprovedApp(server(), server().admin_user(), app_);
    auto env = server().Admin().Post("/api/v1/apps/" + std::to_string(app_id) + "/environments",
                                     {{"env_type", "test"}, {"cluster", "sandbox"}});
    ASSERT_EQ(env.status, 201) << env;
    env_ = std::to_string(env.Int("id"));
  }

  CliResult Run(const std::vector<std::string>& args, const std::string& input = "",
                const std::vector<std::string>& env = {}) {
    return RunCli(dir_.path(), args, input, env);
  }

  void ConsulPut(const std::string& file, const std::string& value) {
    auto put = Api(server().SandboxUrl("consul"), "")
                   .SendRaw("PUT", "/v1/kv/slipway/config/" + app_ + "/test/sandbox/" + file, value,
                            "text/plain", {{"X-Consul-Token", "sandbox-consul-token"}});
    ASSERT_EQ(put.status, 200) << put;
  }

  TempDir dir_;
  std::string app_, env_;
};

TEST_P(ConfigCliTest, EditFromAFileDiffPublishShowAndHistory) {
  const std::string source = dir_.path() + "/app.yaml";
  std::ofstream(source) << "server:\n  port: 8080\n";
  auto edit = Run({"config", "edit", env_, "app.yaml", "--from", source});
  ASSERT_EQ(edit.exit_code, 0) << edit;
  EXPECT_THAT(edit.out, HasSubstr("live version 0"));

  auto diff = Run({"config", "diff", env_, "app.yaml"});
  ASSERT_EQ(diff.exit_code, 0) << diff;
  EXPECT_THAT(diff.out, HasSubstr("+  port: 8080"));

  auto publish = Run({"config", "publish", env_, "app.yaml", "--comment", "first"});
  ASSERT_EQ(publish.exit_code, 0) << publish;
  EXPECT_THAT(publish.out, HasSubstr("consul slipway/config/" + app_ + "/test/sandbox/app.yaml"));

  auto raw = Run({"config", "show", app_ + "/test", "app.yaml", "--raw"});
  ASSERT_EQ(raw.exit_code, 0) << raw;
  EXPECT_EQ(raw.out, "server:\n  port: 8080\n");
  auto list = Run({"config", "show", env_});
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr("app.yaml"));
  EXPECT_THAT(list.out, HasSubstr("yaml"));

  auto history = Run({"config", "history", env_, "-o", "json"});
  ASSERT_EQ(history.exit_code, 0) << history;
  auto items = boost::json::parse(history.out).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("comment").as_string(), "first");
  EXPECT_EQ(Run({"config", "diff", env_, "app.yaml"}).exit_code, 4) << "no draft any more";
}

TEST_P(ConfigCliTest, EditorEditsTheLiveValueAndAConflictExitsWith5UntilRebased) {
  ConsulPut("app.properties", "port=8080\n");
  const std::vector<std::string> editor = {"EDITOR=sed -i s/8080/9090/"};
  auto edit = Run({"config", "edit", env_, "app.properties"}, "", editor);
  ASSERT_EQ(edit.exit_code, 0) << edit;
  EXPECT_THAT(edit.out, HasSubstr("port=9090"));

  ConsulPut("app.properties", "port=7070\n");  // someone else, behind Slipway's back
  auto refused = Run({"config", "publish", env_, "app.properties"});
  EXPECT_EQ(refused.exit_code, 5) << refused;
  EXPECT_THAT(refused.err, HasSubstr("live_changed"));
  EXPECT_THAT(refused.err, HasSubstr("port=7070"));

  auto unchanged = Run({"config", "edit", env_, "app.properties"}, "", {"EDITOR=true"});
  ASSERT_EQ(unchanged.exit_code, 0) << unchanged;
  EXPECT_THAT(unchanged.out, HasSubstr("no change"));
  auto rebased = Run({"config", "edit", env_, "app.properties", "--rebase"}, "", {"EDITOR=true"});
  ASSERT_EQ(rebased.exit_code, 0) << rebased;
  auto publish = Run({"config", "publish", env_, "app.properties"});
  ASSERT_EQ(publish.exit_code, 0) << publish;
  auto raw = Run({"config", "show", env_, "app.properties", "--raw"});
  EXPECT_EQ(raw.out, "port=9090\n");

  auto failed_editor = Run({"config", "edit", env_, "app.properties"}, "", {"EDITOR=false"});
  EXPECT_EQ(failed_editor.exit_code, 2) << failed_editor;
  EXPECT_EQ(Run({"config", "show", env_, "app.properties", "--draft"}).exit_code, 4)
      << "nothing saved";
}

TEST_P(ConfigCliTest, DeleteShowsTheFileFirstThenDeletesPinnedToTheVersionSeen) {
  ConsulPut("app.yaml", "a: 1\n");
  auto preview = Run({"config", "delete", env_, "app.yaml"});
  ASSERT_EQ(preview.exit_code, 0) << preview;
  EXPECT_THAT(preview.out, HasSubstr("would delete app.yaml (live version "));
  EXPECT_THAT(preview.out, HasSubstr("\na: 1\n"));
  const auto at = preview.out.find("--yes --version ");
  ASSERT_NE(at, std::string::npos) << preview.out;
  const std::string version =
      preview.out.substr(at + 16, preview.out.find(' ', at + 16) - (at + 16));
  EXPECT_EQ(Run({"config", "show", env_, "app.yaml", "--raw"}).out, "a: 1\n") << "only shown";

  ConsulPut("app.yaml", "a: 2\n");  // changed after it was shown
  auto refused = Run({"config", "delete", env_, "app.yaml", "--yes", "--version", version});
  EXPECT_EQ(refused.exit_code, 5) << refused;
  EXPECT_THAT(refused.err, HasSubstr("live_changed"));
  EXPECT_EQ(Run({"config", "show", env_, "app.yaml", "--raw"}).out, "a: 2\n");

  auto deleted =
      Run({"config", "delete", env_, "app.yaml", "--yes", "--comment", "replaced by app.json"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted;
  EXPECT_THAT(deleted.out, HasSubstr("deleted"));
  EXPECT_THAT(deleted.out, HasSubstr("→ deleted"));
  EXPECT_EQ(Run({"config", "show", env_, "app.yaml"}).exit_code, 4);
  EXPECT_EQ(Run({"config", "delete", env_, "app.yaml", "--yes"}).exit_code, 4);
  auto history = Run({"config", "history", env_, "--file", "app.yaml"});
  ASSERT_EQ(history.exit_code, 0) << history;
  EXPECT_THAT(history.out, HasSubstr("→ deleted"));
  EXPECT_THAT(history.out, HasSubstr("replaced by app.json"));
  EXPECT_EQ(Run({"config", "delete", env_, "app.yaml", "--version", "x"}).exit_code, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConfigCliTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
