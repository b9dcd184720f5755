// The `slipway` client commands end to end: the real binary against a real
// server, checking exit codes (scripts rely on them) and outputs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliTest : public ApiTest {
 protected:
  // Runs `slipway <args>` with `input` on stdin and SLIPWAY_CONFIG in our
  // temporary folder (never the developer's own credentials).
  CliResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    return RunCli(dir_.path(), args, input);
  }
  // `slipway <args> -o json`, parsed.
  boost::json::value RunJson(std::vector<std::string> args) {
    args.insert(args.end(), {"-o", "json"});
    auto r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << r;
    boost::system::error_code ec;
    auto v = boost::json::parse(r.out, ec);
    EXPECT_FALSE(ec) << "not JSON: " << r.out;
    return v;
  }
  void LoginAsAdmin() {
    auto r =
        Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
            std::string(ApiServer::kAdminPassword) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r;
  }

  TempDir dir_;
};

TEST_F(CliTest, LoginStoresATokenThatLaterCommandsUse) {
  LoginAsAdmin();
  auto file = boost::json::parse(ReadFile(dir_.path() + "/cli.json"));
  EXPECT_EQ(Text(file.at("server")), server().base_url());
  EXPECT_THAT(ReadFile(dir_.path() + "/cli.json"), HasSubstr("swt_"));
  auto tokens = Run({"token", "list"});
  ASSERT_EQ(tokens.exit_code, 0) << tokens;
  EXPECT_THAT(tokens.out, HasSubstr("cli@"));
  EXPECT_THAT(tokens.out, Not(HasSubstr("swt_"))) << "token secrets are never listed";
}

TEST_F(CliTest, WrongPasswordExitsThree) {
  auto r =
      Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
          "not-the-password\n");
  EXPECT_EQ(r.exit_code, 3) << r;
  EXPECT_THAT(r.err, HasSubstr("unauthenticated"));
}

TEST_F(CliTest, NotLoggedInExitsThree) {
  auto r = Run({"app", "list"});
  EXPECT_EQ(r.exit_code, 3) << r;
}

TEST_F(CliTest, RegisterApproveCompleteShow) {
  LoginAsAdmin();
  auto approver = server().CreateUser("approver", "cliappr");
  const auto name = UniqueName("cli-app");
  auto reg =
      Run({"app", "register", "--name", name, "--team", "trade", "--type", "self_developed",
           "--level", "core", "--repo-url", "https://git.example.com/trade/" + name + ".git"});
  ASSERT_EQ(reg.exit_code, 0) << reg;
  EXPECT_THAT(reg.out, HasSubstr(name));

  auto approve = Run({"app", "approve", name, "--comment", "ok"});
  ASSERT_EQ(approve.exit_code, 0) << approve;
  auto complete =
      Run({"app", "complete", name, "--build-job", "trade/" + name, "--port", "http:8080",
           "--health-check", "http:/healthz:8080", "--approver", approver.username});
  ASSERT_EQ(complete.exit_code, 0) << complete;

  auto shown = RunJson({"app", "show", name});
  ASSERT_TRUE(shown.is_object()) << shown;
  EXPECT_EQ(Text(shown.at("name")), name);
  EXPECT_EQ(Text(shown.at("status")), "pending_online");
  EXPECT_EQ(Text(shown.at("details").at("build_job")), "trade/" + name);
  EXPECT_TRUE(shown.at("missing_fields").as_array().empty()) << shown;

  // The server agrees with what the CLI printed.
  auto api = server().Admin().Get("/api/v1/apps/" + name);
  EXPECT_EQ(api.Int("id"), shown.at("id").as_int64());
}

TEST_F(CliTest, UnknownAppExitsFourAndConflictExitsFive) {
  LoginAsAdmin();
  auto missing = Run({"app", "show", UniqueName("no-such-app")});
  EXPECT_EQ(missing.exit_code, 4) << missing;
  EXPECT_THAT(missing.err, HasSubstr("not_found"));

  const auto name = UniqueName("cli-twice");
  ASSERT_EQ(
      Run({"app", "register", "--name", name, "--team", "t", "--type", "empty", "--level", "edge"})
          .exit_code,
      0);
  ASSERT_EQ(Run({"app", "approve", name}).exit_code, 0);
  auto again = Run({"app", "approve", name});
  EXPECT_EQ(again.exit_code, 5) << again;
  EXPECT_THAT(again.err, HasSubstr("conflict"));
  auto duplicate =
      Run({"app", "register", "--name", name, "--team", "t", "--type", "empty", "--level", "edge"});
  EXPECT_EQ(duplicate.exit_code, 5) << duplicate;
}

TEST_F(CliTest, InvalidInputExitsOneWithoutChanges) {
  LoginAsAdmin();
  auto r = Run({"app", "register", "--name", "Bad_Name", "--team", "t", "--type", "empty",
                "--level", "edge"});
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_THAT(r.err, HasSubstr("invalid"));
  EXPECT_EQ(server().Admin().Get("/api/v1/apps/Bad_Name").status, 404);
}

TEST_F(CliTest, UserCreateAndTokenList) {
  LoginAsAdmin();
  const auto name = UniqueName("cliuser");
  auto created =
      Run({"user", "create", "--username", name, "--role", "developer", "--password-stdin"},
          "a-long-password\n");
  ASSERT_EQ(created.exit_code, 0) << created;
  EXPECT_THAT(created.out, HasSubstr(name));
  auto user = server().Admin().Get("/api/v1/users/" + name);
  ASSERT_EQ(user.status, 200) << user;
  EXPECT_EQ(user.Str("role"), "developer");
  auto duplicate =
      Run({"user", "create", "--username", name, "--role", "viewer", "--password-stdin"},
          "a-long-password\n");
  EXPECT_EQ(duplicate.exit_code, 5) << duplicate;

  auto tokens = RunJson({"token", "list"});
  ASSERT_TRUE(tokens.is_object()) << tokens;
  EXPECT_FALSE(tokens.at("items").as_array().empty());
  for (const auto& t : tokens.at("items").as_array()) EXPECT_FALSE(t.as_object().contains("token"));
}

TEST_F(CliTest, AuditListFiltersByObjectActorAndAction) {
  LoginAsAdmin();
  const auto name = UniqueName("cli-audit");
  ASSERT_EQ(
      Run({"app", "register", "--name", name, "--team", "t", "--type", "empty", "--level", "edge"})
          .exit_code,
      0);
  ASSERT_EQ(Run({"app", "approve", name, "--comment", "ok"}).exit_code, 0);

  auto table = Run({"audit", "list", "--object", "app:" + name});
  ASSERT_EQ(table.exit_code, 0) << table;
  EXPECT_THAT(table.out, HasSubstr("ACTION")) << table.out;
  EXPECT_THAT(table.out, HasSubstr("app.approve")) << table.out;
  EXPECT_THAT(table.out, HasSubstr("admin")) << table.out;

  auto records = RunJson({"audit", "list", "--object", "app:" + name, "--actor", "admin",
                          "--action", "app.approve", "--limit", "10"});
  ASSERT_EQ(records.at("items").as_array().size(), 1u) << records;
  EXPECT_EQ(Text(records.at("items").at(0).at("action")), "app.approve");
  EXPECT_EQ(Text(records.at("items").at(0).at("result")), "ok");
  auto nobody = RunJson({"audit", "list", "--object", "app:" + name, "--actor", "nobody"});
  EXPECT_TRUE(nobody.at("items").as_array().empty()) << nobody;
  EXPECT_EQ(Run({"audit", "list", "--limit", "0"}).exit_code, 2);
}

TEST_F(CliTest, BadArgumentsExitTwo) {
  auto r = Run({"app", "register", "--name", "x", "--team", "t", "--type", "proprietary", "--level",
                "edge", "--server", server().base_url(), "--token", "swt_x"});
  EXPECT_EQ(r.exit_code, 2) << r;
}

TEST_F(CliTest, UnreachableServerExitsSix) {
  auto r = Run({"app", "list", "--server", "http://127.0.0.1:1", "--token", "swt_nothing"});
  EXPECT_EQ(r.exit_code, 6) << r;
}

TEST_F(CliTest, LogoutRevokesTheStoredToken) {
  LoginAsAdmin();
  auto token =
      std::string(boost::json::parse(ReadFile(dir_.path() + "/cli.json")).at("token").as_string());
  auto out = Run({"logout"});
  ASSERT_EQ(out.exit_code, 0) << out;
  EXPECT_EQ(Api(server().base_url(), token).Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(Run({"app", "list"}).exit_code, 3);
}

}  // namespace
}  // namespace slipway::testing
