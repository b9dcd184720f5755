// The commands end to end: arguments in, requests to a canned server out,
// exit codes and credentials file as promised.
#include "cli/commands.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include "cli/canned_server_for_test.hpp"
#include "cli/cli_config.hpp"

namespace slipway::cli {
namespace {

namespace fs = std::filesystem;
using testing::CannedServer;

constexpr char kApp[] = R"({"id":3,"name":"web","status":"pending_online","version":4})";

class CliCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/slipway-cli-commands-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    ::setenv("SLIPWAY_CONFIG", (dir_ / "cli.json").c_str(), 1);
    for (const char* name : {"SLIPWAY_SERVER", "SLIPWAY_TOKEN", "SLIPWAY_PASSWORD"}) {
      ::unsetenv(name);
    }
  }
  void TearDown() override {
    ::unsetenv("SLIPWAY_CONFIG");
    fs::remove_all(dir_);
  }

  // Runs `slipway <args>` in-process; returns the exit code and keeps stdout.
  int Run(std::vector<std::string> args) {
    CLI::App app("slipway");
    int exit_code = -1;
    AddClientCommands(app, exit_code);
    args.insert(args.begin(), "slipway");
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& error) {
      exit_code = UsageExitCode(app, error);
    }
    stdout_ = ::testing::internal::GetCapturedStdout();
    stderr_ = ::testing::internal::GetCapturedStderr();
    return exit_code;
  }

  fs::path dir_;
  std::string stdout_, stderr_;
};

TEST_F(CliCommandsTest, BadArgumentsAreUsageErrorsBeforeAnyRequest) {
  EXPECT_EQ(Run({"app", "register", "--name", "web"}), 2);
  EXPECT_EQ(
      Run({"app", "register", "--name", "w", "--team", "t", "--type", "saas", "--level", "core"}),
      2);
  EXPECT_EQ(Run({"app"}), 2);
  EXPECT_EQ(Run({"app", "complete", "web", "--port", "http", "--server", "http://127.0.0.1:9",
                 "--token", "t"}),
            2);
  EXPECT_NE(stderr_.find("error: bad port \"http\""), std::string::npos) << stderr_;
  EXPECT_EQ(Run({"app", "offline", "web", "--confirm", "--cancel"}), 2);
  EXPECT_EQ(Run({"app", "--help"}), 0);
}

TEST_F(CliCommandsTest, NotLoggedInAndUnreachableHaveTheirOwnCodes) {
  EXPECT_EQ(Run({"app", "list"}), 3);
  EXPECT_NE(stderr_.find("(not_logged_in)"), std::string::npos) << stderr_;
  int port = 0;
  {
    CannedServer closed({});
    port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
  }
  EXPECT_EQ(Run({"token", "list", "--server", "http://127.0.0.1:" + std::to_string(port), "--token",
                 "t"}),
            6);
}

TEST_F(CliCommandsTest, ServerErrorsMapToExitCodes) {
  CannedServer server({
      CannedServer::Response(404, R"({"error":{"code":"not_found","message":"no app x"}})"),
      CannedServer::Response(409, R"({"error":{"code":"conflict","message":"stale",)"
                                  R"("details":{"state":"online"}}})"),
      CannedServer::Response(403, R"({"error":{"code":"forbidden","message":"admins only"}})"),
  });
  ::setenv("SLIPWAY_SERVER", server.url().c_str(), 1);
  ::setenv("SLIPWAY_TOKEN", "swt_t", 1);
  EXPECT_EQ(Run({"app", "show", "x"}), 4);
  EXPECT_EQ(stderr_, "error: no app x (not_found)\n");
  EXPECT_EQ(Run({"app", "approve", "x"}), 5);
  EXPECT_EQ(stderr_, "error: stale (conflict)\n  state: online\n");
  EXPECT_EQ(Run({"user", "list"}), 1);
  EXPECT_TRUE(server.requests()[0].HasHeader("Authorization: Bearer swt_t"));
}

TEST_F(CliCommandsTest, CompleteSendsTheVersionJustRead) {
  CannedServer server({CannedServer::Response(200, kApp), CannedServer::Response(200, kApp)});
  EXPECT_EQ(Run({"app", "complete", "web", "--port", "http:8080/tcp", "--health-check", "tcp:8080",
                 "--approver", "bob", "--server", server.url(), "--token", "t", "-o", "json"}),
            0)
      << stderr_;
  EXPECT_EQ(stdout_, std::string(kApp) + "\n");
  const auto& requests = server.requests();
  EXPECT_EQ(requests[0].RequestLine(), "GET /api/v1/apps/web HTTP/1.1");
  EXPECT_EQ(requests[1].RequestLine(), "PUT /api/v1/apps/web/details HTTP/1.1");
  EXPECT_EQ(requests[1].body,
            R"({"ports":[{"name":"http","port":8080,"protocol":"TCP"}],)"
            R"("health_check":{"type":"tcp","port":8080},"approvers":["bob"],"version":4})");
}

TEST_F(CliCommandsTest, ListAllFollowsCursorsAndRendersATable) {
  CannedServer server({
      CannedServer::Response(200, R"({"items":[{"id":1,"name":"a","status":"online"}],)"
                                  R"("next_cursor":"n1"})"),
      CannedServer::Response(200, R"({"items":[{"id":2,"name":"bb"}],"next_cursor":null})"),
  });
  EXPECT_EQ(Run({"app", "list", "--status", "online", "--limit", "1", "--all", "--server",
                 server.url(), "--token", "t"}),
            0)
      << stderr_;
  EXPECT_EQ(stdout_,
            "ID  NAME  TEAM  OWNER  TYPE  LEVEL  STATUS  UPDATED\n"
            "1   a     -     -      -     -      online  -\n"
            "2   bb    -     -      -     -      -       -\n");
  EXPECT_EQ(server.requests()[1].RequestLine(),
            "GET /api/v1/apps?status=online&limit=1&cursor=n1 HTTP/1.1");
}

TEST_F(CliCommandsTest, LoginMintsATokenAndLogoutRevokesIt) {
  CannedServer server({
      CannedServer::Response(200, R"({"user":{"username":"alice"},"csrf_token":"c1"})",
                             "Set-Cookie: slipway_session=s1; HttpOnly; Path=/\r\n"),
      CannedServer::Response(201, R"({"id":42,"name":"cli@h","token":"swt_new"})"),
      CannedServer::Response(204, ""),
      CannedServer::Response(204, ""),
  });
  ::setenv("SLIPWAY_PASSWORD", "pw", 1);
  ASSERT_EQ(Run({"login", "--server", server.url() + "/", "--username", "alice"}), 0) << stderr_;
  auto stored = LoadConfig(dir_ / "cli.json");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->server, server.url());
  EXPECT_EQ(stored->token, "swt_new");
  EXPECT_EQ(stored->token_id, 42);
  EXPECT_EQ(stored->username, "alice");
  struct stat info {};
  ::stat((dir_ / "cli.json").c_str(), &info);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  ASSERT_EQ(Run({"logout"}), 0) << stderr_;
  EXPECT_FALSE(fs::exists(dir_ / "cli.json"));

  const auto& requests = server.requests();
  EXPECT_EQ(requests[0].body, R"({"username":"alice","password":"pw"})");
  EXPECT_EQ(requests[1].RequestLine(), "POST /api/v1/tokens HTTP/1.1");
  EXPECT_TRUE(requests[1].HasHeader("X-CSRF-Token: c1"));
  EXPECT_TRUE(requests[1].HasHeader("Cookie: slipway_session=s1"));
  EXPECT_NE(requests[1].body.find(R"({"name":"cli@)"), std::string::npos);
  EXPECT_EQ(requests[2].RequestLine(), "POST /api/v1/auth/logout HTTP/1.1");
  EXPECT_EQ(requests[3].RequestLine(), "DELETE /api/v1/tokens/42 HTTP/1.1");
  EXPECT_TRUE(requests[3].HasHeader("Authorization: Bearer swt_new"));
}

TEST_F(CliCommandsTest, StoredTokenIsNotSentToAnotherServer) {
  SaveConfig(dir_ / "cli.json", {"http://first.example", "swt_first", 1, "alice"});
  EXPECT_EQ(Run({"app", "list", "--server", "http://other.example"}), 3);
  EXPECT_NE(stderr_.find("not logged in to http://other.example"), std::string::npos) << stderr_;
}

// A release as the server answers it, in `state`.
std::string Release(const std::string& state, const std::string& error = "") {
  return R"({"id":7,"kind":"release","app":"web","env_type":"test","strategy":"one_shot",)"
         R"("state":")" +
         state + R"(","image":"r/web:2","error":")" + error +
         R"(","change":{"id":42},"steps":[{"index":1,"name":"deploy","state":")" +
         (state == "completed" ? "succeeded"
          : state == "failed"  ? "failed"
                               : "running") +
         R"(","message":""}],"operations":[]})";
}

TEST_F(CliCommandsTest, ReleaseStartWaitFollowsTheReleaseUntilItCompletes) {
  CannedServer server({CannedServer::Response(202, Release("releasing")),
                       CannedServer::Response(200, Release("completed"))});
  EXPECT_EQ(Run({"release", "start", "42", "--wait", "--server", server.url(), "--token", "t"}), 0)
      << stderr_;
  EXPECT_EQ(stdout_,
            "release 7: one_shot release of r/web:2 to web test (change 42)\n"
            "  step 1 running: deploy\n"
            "release 7 releasing\n"
            "  step 1 succeeded: deploy\n"
            "release 7 completed: r/web:2 runs\n");
  EXPECT_EQ(server.requests()[0].RequestLine(), "POST /api/v1/changes/42/release HTTP/1.1");
  EXPECT_EQ(server.requests()[1].RequestLine(), "GET /api/v1/releases/7 HTTP/1.1");
}

TEST_F(CliCommandsTest, AFailedReleaseExitsOneWithItsErrorAndJsonStaysOnStdout) {
  CannedServer server({CannedServer::Response(202, Release("releasing")),
                       CannedServer::Response(200, Release("failed", "ImagePullBackOff"))});
  EXPECT_EQ(Run({"release", "start", "42", "--wait", "-o", "json", "--server", server.url(),
                 "--token", "t"}),
            1);
  EXPECT_EQ(stdout_, Release("failed", "ImagePullBackOff") + "\n");
  EXPECT_NE(stderr_.find("release 7 failed: ImagePullBackOff\n"), std::string::npos) << stderr_;
  EXPECT_NE(stderr_.find("error: release 7 failed: ImagePullBackOff (release_failed)\n"),
            std::string::npos)
      << stderr_;
}

TEST_F(CliCommandsTest, AReleaseStillWaitingForPromotionAtTheTimeoutExitsSeven) {
  CannedServer server({CannedServer::Response(200, Release("canary")),
                       CannedServer::Response(200, Release("canary"))});
  EXPECT_EQ(
      Run({"release", "wait", "7", "--timeout", "1s", "--server", server.url(), "--token", "t"}),
      7);
  EXPECT_NE(stdout_.find("release 7 is paused at a canary step, waiting for promotion: `slipway "
                         "release promote 7`"),
            std::string::npos)
      << stdout_;
  EXPECT_NE(stderr_.find("error: release 7 is still waiting for promotion after 1s"),
            std::string::npos)
      << stderr_;
  EXPECT_EQ(server.requests().size(), 2u);

  CannedServer again({CannedServer::Response(200, Release("canary"))});
  EXPECT_EQ(
      Run({"release", "wait", "7", "--until-paused", "--server", again.url(), "--token", "t"}), 0)
      << stderr_;
}

TEST_F(CliCommandsTest, ALaneStillCreatingAtTheTimeoutExitsSeven) {
  const std::string creating = R"({"id":3,"name":"q4","state":"creating"})";
  CannedServer server(
      {CannedServer::Response(202, R"({"lane":)" + creating + R"(,"workflow_id":"wf-1"})"),
       CannedServer::Response(200, creating)});
  EXPECT_EQ(Run({"lane", "create", "q4", "--story", "1:2", "--app", "web", "--wait", "--timeout",
                 "1s", "--server", server.url(), "--token", "t"}),
            7);
  EXPECT_NE(stderr_.find("error: lane 3 is still being created after 1s: follow it with `slipway "
                         "lane show 3`"),
            std::string::npos)
      << stderr_;
  ASSERT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(server.requests()[1].RequestLine(), "GET /api/v1/lanes/3 HTTP/1.1");
}

// A canary release paused at `waiting` (a step index), or running when 0.
std::string Canary(int waiting) {
  auto step = [&](int index) {
    const std::string state = waiting == index  ? "waiting"
                              : waiting > index ? "succeeded"
                                                : "pending";
    return R"({"index":)" + std::to_string(index) + R"(,"name":"canary )" + std::to_string(index) +
           R"(","state":")" + state + R"(","message":""})";
  };
  return R"({"id":7,"kind":"release","app":"web","env_type":"test","strategy":"canary",)"
         R"("state":")" +
         std::string(waiting ? "canary" : "releasing") +
         R"(","image":"r/web:2","error":"","change":{"id":42},"steps":[)" + step(1) + "," +
         step(2) + R"(],"operations":[]})";
}

TEST_F(CliCommandsTest, PromoteWaitUntilPausedLeavesThePausePromotedAndStopsAtTheNext) {
  CannedServer server({CannedServer::Response(200, Canary(1)),
                       CannedServer::Response(200, Canary(1)),  // the runner has not acted yet
                       CannedServer::Response(200, Canary(2))});
  EXPECT_EQ(Run({"release", "promote", "7", "--wait", "--until-paused", "--server", server.url(),
                 "--token", "t"}),
            0)
      << stderr_;
  EXPECT_EQ(stdout_,
            "release 7: canary release of r/web:2 to web test (change 42)\n"
            "  step 1 waiting: canary 1\n"
            "release 7 promoted: it goes on from the canary step\n"
            "  step 1 succeeded: canary 1\n"
            "  step 2 waiting: canary 2\n"
            "release 7 is paused at a canary step, waiting for promotion: `slipway release "
            "promote 7` (or promote-all, abort)\n");
  EXPECT_EQ(server.requests()[0].RequestLine(), "POST /api/v1/releases/7/promote HTTP/1.1");
}

TEST_F(CliCommandsTest, WaitOptionsAreUsageErrors) {
  EXPECT_EQ(Run({"release", "start", "42", "--timeout", "5m"}), 2);  // needs --wait
  EXPECT_EQ(Run({"release", "start", "42", "--wait", "--timeout", "soon"}), 2);
  EXPECT_EQ(Run({"release", "rollback", "7", "--wait"}), 2);  // needs --yes
  EXPECT_EQ(Run({"build", "start", "web", "--branch", "main", "--version", "1", "--until-paused",
                 "--wait"}),
            2);  // releases only
  EXPECT_EQ(Run({"lane", "create", "q4", "--story", "1:2", "--app", "web", "--wait", "--timeout",
                 "soon"}),
            2);
  EXPECT_EQ(Run({"lane", "create", "q4", "--story", "1:2", "--app", "web", "--timeout", "5m"}),
            2);  // needs --wait
}

constexpr char kBuildQueued[] =
    R"({"id":12,"app":"web","version":"1","branch":"x","state":"queued","reason":null,)"
    R"("image":"r/web:1","jenkins":{"job":"trade/web","build_number":null}})";
constexpr char kBuildFailed[] =
    R"({"id":12,"app":"web","version":"1","branch":"x","state":"failed",)"
    R"("reason":"ERROR: no branch x","image":"r/web:1","jenkins":{"job":"trade/web",)"
    R"("build_number":3}})";

TEST_F(CliCommandsTest, BuildStartWaitAndFollowedLogsExitOneWhenTheBuildFailed) {
  CannedServer server({CannedServer::Response(201, kBuildQueued),
                       CannedServer::Response(200, kBuildFailed),
                       "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
                       "Connection: close\r\n\r\nERROR: no br\n",
                       CannedServer::Response(200, kBuildFailed)});
  ::setenv("SLIPWAY_SERVER", server.url().c_str(), 1);
  ::setenv("SLIPWAY_TOKEN", "t", 1);
  EXPECT_EQ(Run({"build", "start", "web", "--branch", "x", "--version", "1", "--wait"}), 1);
  EXPECT_EQ(stdout_,
            "build 12: web 1 from x (r/web:1)\n"
            "build 12 queued (Jenkins trade/web)\n"
            "build 12 failed: ERROR: no branch x\n");
  EXPECT_EQ(stderr_, "error: build 12 failed: ERROR: no branch x (build_failed)\n");
  EXPECT_EQ(Run({"build", "logs", "12", "-f"}), 1);
  EXPECT_EQ(stdout_, "ERROR: no br\n");
  EXPECT_EQ(stderr_, "error: build 12 failed: ERROR: no branch x (build_failed)\n");
  EXPECT_EQ(server.requests()[2].RequestLine(), "GET /api/v1/builds/12/log?follow=true HTTP/1.1");
}

TEST_F(CliCommandsTest, AuditListPassesItsFiltersAndRendersATable) {
  CannedServer server({CannedServer::Response(
      200, R"({"items":[{"id":9,"time":"2026-01-02T03:04:05Z","actor":"alice",)"
           R"("action":"app.approve","object_type":"app","object_id":"3","summary":"approved",)"
           R"("result":"success","request_id":"r1"}],"next_cursor":null})")});
  EXPECT_EQ(Run({"audit", "list", "--object", "app:web", "--actor", "alice", "--limit", "5",
                 "--server", server.url(), "--token", "t"}),
            0)
      << stderr_;
  EXPECT_EQ(stdout_,
            "ID  TIME                  ACTOR  ACTION       OBJECT  RESULT   SUMMARY\n"
            "9   2026-01-02T03:04:05Z  alice  app.approve  app:3   success  approved\n");
  EXPECT_EQ(server.requests()[0].RequestLine(),
            "GET /api/v1/audit?object=app%3Aweb&actor=alice&limit=5 HTTP/1.1");
}

}  // namespace
}  // namespace slipway::cli
