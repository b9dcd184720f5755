// GitLab emulator specifics beyond the port contract: tokens, pagination
// headers, fault injection through the shared admin endpoint, and the push
// simulation delivering real push-hook requests.
#include "sandbox/gitlab/gitlab_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <mutex>
#include <thread>

#include "connectors/gitlab/client.hpp"
#include "connectors/gitlab/push_event.hpp"
#include "connectors/http_transport.hpp"
#include "http/server.hpp"
#include "sandbox/gitlab/push_delivery.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox::gitlab {
namespace {

using connectors::HttpTransport;
using connectors::gitlab::GitLabClient;

/// A loopback HTTP server that keeps every request it receives.
class Receiver {
 public:
  Receiver() {
    server_ = std::make_unique<http::Server>(
        http::ServerSettings{.port = 0},
        [this](http::Request& r) {
          std::lock_guard lock(mutex_);
          requests_.push_back(r);
          return http::Response::Json(200, boost::json::object{});
        },
        nullptr);
    server_->Listen();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~Receiver() {
    server_->Shutdown();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }
  std::vector<http::Request> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<http::Request> requests_;
};

class GitLabEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override { Start({}); }
  void Start(GitLabEmulatorOptions options) {
    host_ = std::make_unique<SandboxHost>();
    auto e = std::make_unique<GitLabEmulator>(options);
    e->CreateProject("team/web");
    emulator_ = e.get();
    host_->Add(std::move(e));
    host_->Start();
    url_ = host_->endpoints().at("gitlab");
  }
  GitLabClient Client(std::string token = "glpat-slipway-sandbox") {
    return GitLabClient(
        {.transport = {.base_url = url_, .retry_backoff = std::chrono::milliseconds(10)},
         .token = std::move(token)});
  }
  connectors::TransportResponse Post(const std::string& path, const boost::json::object& body) {
    HttpTransport t({.base_url = url_});
    auto r = t.Send({.method = "POST",
                     .path = path,
                     .body = boost::json::serialize(body),
                     .headers = {{"Content-Type", "application/json"}}});
    EXPECT_TRUE(r.ok());
    return *r;
  }
  std::unique_ptr<SandboxHost> host_;
  GitLabEmulator* emulator_ = nullptr;
  std::string url_;
};

TEST_F(GitLabEmulatorTest, WrongTokenIsUnauthenticatedWithGitLabsMessage) {
  auto r = Client("wrong").GetProject("team/web");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(r.error().message.find("401 Unauthorized"), std::string::npos) << r.error().message;
}

TEST_F(GitLabEmulatorTest, ProjectsAreAddressedByIdOrEncodedPathButNotARawSlash) {
  HttpTransport t(
      {.base_url = url_, .default_headers = {{"PRIVATE-TOKEN", "glpat-slipway-sandbox"}}});
  auto by_path = t.Send({.path = "/api/v4/projects/team%2Fweb"});
  auto by_id = t.Send({.path = "/api/v4/projects/1"});
  auto raw = t.Send({.path = "/api/v4/projects/team/web"});
  ASSERT_TRUE(by_path.ok() && by_id.ok() && raw.ok());
  EXPECT_EQ(by_path->status, 200);
  EXPECT_EQ(by_id->body, by_path->body);
  EXPECT_EQ(raw->status, 404);
  EXPECT_EQ(raw->body, R"({"message":"404 Project Not Found"})");
}

TEST_F(GitLabEmulatorTest, ListsCarryGitLabsPaginationHeaders) {
  auto client = Client();
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(client.CreateBranch("team/web", "b" + std::to_string(i), "main").ok());
  HttpTransport t(
      {.base_url = url_, .default_headers = {{"PRIVATE-TOKEN", "glpat-slipway-sandbox"}}});
  auto r = t.Send({.path = "/api/v4/projects/team%2Fweb/repository/branches?per_page=2&page=2"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Header("X-Total"), "5");
  EXPECT_EQ(r->Header("X-Total-Pages"), "3");
  EXPECT_EQ(r->Header("X-Page"), "2");
  EXPECT_EQ(r->Header("X-Next-Page"), "3");
  EXPECT_EQ(r->Header("X-Prev-Page"), "1");
  EXPECT_NE(r->Header("Link").value_or("").find("page=3&per_page=2>; rel=\"next\""),
            std::string::npos);
  EXPECT_EQ(boost::json::parse(r->body).as_array().size(), 2u);
}

TEST_F(GitLabEmulatorTest, InjectedServiceUnavailableIsRetriedForReadsOnly) {
  auto client = Client();
  Post("/_sandbox/faults", {{"path_prefix", "/api/v4/projects"}, {"count", 2}, {"status", 503}});
  auto got = client.GetBranch("team/web", "main");
  EXPECT_TRUE(got.ok()) << got.error().message;
  Post("/_sandbox/faults", {{"method", "POST"}, {"count", 1}, {"status", 503}});
  auto created = client.CreateBranch("team/web", "x", "main");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, core::Code::kTransient);
  EXPECT_TRUE(client.CreateBranch("team/web", "x", "main")
                  .ok());  // the first POST never reached the emulator
}

TEST_F(GitLabEmulatorTest, InjectedConflictKeepsTheSystemsMessage) {
  Post("/_sandbox/faults",
       {{"method", "DELETE"}, {"status", 409}, {"body", R"({"message":"409 Conflict: busy"})"}});
  auto r = Client().DeleteBranch("team/web", "main");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kConflict);
  EXPECT_NE(r.error().message.find("409 Conflict: busy"), std::string::npos) << r.error().message;
}

TEST_F(GitLabEmulatorTest, SimulatedPushDeliversAVerifiablePushHook) {
  Receiver receiver;
  auto client = Client();
  ASSERT_TRUE(
      client.CreateHook("team/web", {.url = receiver.url() + "/hooks/gitlab", .token = "s3cret"})
          .ok());
  ASSERT_TRUE(client
                  .CreateHook("team/web", {.url = receiver.url() + "/only-release",
                                           .push_events_branch_filter = "release/*"})
                  .ok());
  auto before = client.GetBranch("team/web", "main");
  ASSERT_TRUE(before.ok());

  auto push = Post(
      "/sandbox/push",
      {{"project", "team/web"}, {"branch", "main"}, {"message", "Fix login"}, {"user", "alice"}});
  ASSERT_EQ(push.status, 200) << push.body;
  auto answer = boost::json::parse(push.body).as_object();
  EXPECT_EQ(answer["before"].as_string(), before->commit_sha);
  ASSERT_EQ(answer["deliveries"].as_array().size(), 1u);
  EXPECT_EQ(answer["deliveries"].as_array()[0].at("status").as_int64(), 200);

  auto received = receiver.requests();
  ASSERT_EQ(received.size(), 1u);
  const auto& r = received[0];
  EXPECT_EQ(r.path, "/hooks/gitlab");
  EXPECT_EQ(r.Header("content-type"), "application/json");
  auto event = connectors::gitlab::ParsePushHook(r.Header("x-gitlab-event"),
                                                 r.Header("x-gitlab-token"), r.body, "s3cret");
  ASSERT_TRUE(event.ok()) << event.error().message;
  EXPECT_EQ(event->project_path, "team/web");
  EXPECT_EQ(event->branch, "main");
  EXPECT_EQ(event->before, before->commit_sha);
  EXPECT_EQ(event->after, std::string(answer["after"].as_string()));
  EXPECT_EQ(event->checkout_sha, event->after);
  ASSERT_EQ(event->commits.size(), 1u);
  EXPECT_EQ(event->commits[0].title, "Fix login");
  EXPECT_EQ(event->user_username, "alice");
  EXPECT_FALSE(r.Header("idempotency-key").empty());
  EXPECT_EQ(client.GetBranch("team/web", "main")->commit_sha, event->after);

  auto wrong = connectors::gitlab::ParsePushHook(r.Header("x-gitlab-event"),
                                                 r.Header("x-gitlab-token"), r.body, "other");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, core::Code::kUnauthenticated);
}

TEST_F(GitLabEmulatorTest, PushToANewBranchStartsFromZeros) {
  Receiver receiver;
  ASSERT_TRUE(Client()
                  .CreateHook("team/web", {.url = receiver.url(),
                                           .token = "t",
                                           .push_events_branch_filter = "release/*"})
                  .ok());
  Post("/sandbox/push", {{"project", "team/web"}, {"branch", "release/3.0"}});
  auto received = receiver.requests();
  ASSERT_EQ(received.size(), 1u);
  auto event = connectors::gitlab::ParsePushHook("Push Hook", "t", received[0].body, "t");
  ASSERT_TRUE(event.ok());
  EXPECT_TRUE(event->branch_created());
  EXPECT_EQ(event->branch, "release/3.0");
  EXPECT_TRUE(Client().GetBranch("team/web", "release/3.0").ok());
}

TEST_F(GitLabEmulatorTest, ProjectsCanBeCreatedOnFirstUse) {
  EXPECT_EQ(Client().GetProject("team/other").error().code, core::Code::kNotFound);
  Start({.auto_create_projects = true});
  auto p = Client().GetProject("team/other");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->default_branch, "main");
  EXPECT_TRUE(emulator_->BranchSha("team/other", "main").has_value());
}

TEST(PushHook, IsRefusedForAnotherEventOrABody) {
  EXPECT_EQ(connectors::gitlab::ParsePushHook("Tag Push Hook", "t", "{}", "t").error().code,
            core::Code::kInvalid);
  EXPECT_EQ(connectors::gitlab::ParsePushHook("Push Hook", "t", "not json", "t").error().code,
            core::Code::kInvalid);
  EXPECT_EQ(connectors::gitlab::ParsePushHook("Push Hook", "", "{}", "t").error().code,
            core::Code::kUnauthenticated);
}

TEST(PushHook, DeletedBranchHasNoCheckoutSha) {
  PushFacts facts{.project_id = 3,
                  .project_path = "g/app",
                  .default_branch = "main",
                  .instance_url = "http://127.0.0.1:1",
                  .branch = "old",
                  .before = std::string(40, 'a'),
                  .after = std::string(40, '0'),
                  .user_username = "bob"};
  auto body = boost::json::serialize(PushPayload(facts));
  auto event = connectors::gitlab::ParsePushHook("Push Hook", "k", body, "k");
  ASSERT_TRUE(event.ok()) << event.error().message;
  EXPECT_TRUE(event->branch_deleted());
  EXPECT_FALSE(event->checkout_sha.has_value());
  EXPECT_TRUE(event->commits.empty());
}

TEST(BranchFilter, MatchesGitLabWildcards) {
  EXPECT_TRUE(BranchFilterMatches("", "anything"));
  EXPECT_TRUE(BranchFilterMatches("main", "main"));
  EXPECT_FALSE(BranchFilterMatches("main", "main2"));
  EXPECT_TRUE(BranchFilterMatches("release/*", "release/1.4"));
  EXPECT_FALSE(BranchFilterMatches("release/*", "hotfix/1"));
  EXPECT_TRUE(BranchFilterMatches("*-stable", "4-2-stable"));
}

}  // namespace
}  // namespace slipway::sandbox::gitlab
