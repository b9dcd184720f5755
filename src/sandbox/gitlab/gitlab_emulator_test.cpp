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

/// Requests as a user sends them with curl: the token in PRIVATE-TOKEN.
class GitLabProjectsApiTest : public GitLabEmulatorTest {
 protected:
  connectors::TransportResponse Call(const std::string& method, const std::string& path,
                                     std::string body = "", std::string type = "application/json") {
    HttpTransport t(
        {.base_url = url_, .default_headers = {{"PRIVATE-TOKEN", "glpat-slipway-sandbox"}}});
    connectors::TransportRequest request{.method = method, .path = path};
    if (!body.empty()) {
      request.body = std::move(body);
      request.headers = {{"Content-Type", type}};
    }
    auto r = t.Send(request);
    EXPECT_TRUE(r.ok());
    return *r;
  }
  static boost::json::object Object(const connectors::TransportResponse& r) {
    return boost::json::parse(r.body).as_object();
  }
  std::int64_t NamespaceId(const std::string& full_path) {
    auto r = Call("GET", "/api/v4/namespaces?search=" + full_path);
    auto namespaces = boost::json::parse(r.body);
    for (const auto& n : namespaces.as_array()) {
      if (n.at("full_path").as_string() == full_path) return n.at("id").as_int64();
    }
    ADD_FAILURE() << "no namespace " << full_path << ": " << r.body;
    return 0;
  }
};

TEST_F(GitLabProjectsApiTest, CreateIntoANamespaceByIdWithAReadmeOnTheDefaultBranch) {
  std::int64_t team = NamespaceId("team");
  auto r = Call("POST", "/api/v4/projects",
                boost::json::serialize(boost::json::object{{"name", "Pay Service"},
                                                           {"path", "pay"},
                                                           {"namespace_id", team},
                                                           {"default_branch", "develop"},
                                                           {"initialize_with_readme", true}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto p = Object(r);
  EXPECT_EQ(p.at("name"), "Pay Service");
  EXPECT_EQ(p.at("path"), "pay");
  EXPECT_EQ(p.at("path_with_namespace"), "team/pay");
  EXPECT_EQ(p.at("default_branch"), "develop");
  EXPECT_EQ(p.at("empty_repo"), false);
  EXPECT_EQ(p.at("namespace").at("id"), team);
  auto branch = Client().GetBranch("team/pay", "develop");
  ASSERT_TRUE(branch.ok()) << branch.error().message;
  EXPECT_EQ(branch->commit_sha.size(), 40u);
  EXPECT_EQ(Client().GetBranch("team/pay", "main").error().code, core::Code::kNotFound);
  auto by_id = Call("GET", "/api/v4/projects/" + std::to_string(p.at("id").as_int64()));
  EXPECT_EQ(by_id.body, r.body);
}

TEST_F(GitLabProjectsApiTest, CreateByNamespacePathOrInTheUsersOwnAsAFormBody) {
  auto in_group = Call("POST", "/api/v4/projects", "path=orders&namespace_id=team",
                       "application/x-www-form-urlencoded");
  ASSERT_EQ(in_group.status, 201) << in_group.body;
  EXPECT_EQ(Object(in_group).at("path_with_namespace"), "team/orders");
  EXPECT_EQ(Object(in_group).at("name"), "orders");
  auto own = Call("POST", "/api/v4/projects", "name=My+App", "application/x-www-form-urlencoded");
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(Object(own).at("path_with_namespace"), "sandbox/my-app");
  EXPECT_EQ(Object(own).at("namespace").at("kind"), "user");
}

TEST_F(GitLabProjectsApiTest, WithoutAReadmeTheRepositoryIsEmptyUntilABranchIsMade) {
  auto r = Call("POST", "/api/v4/projects", R"({"path":"empty","namespace_id":"team"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(Object(r).at("default_branch").is_null());
  EXPECT_EQ(Object(r).at("empty_repo"), true);
  EXPECT_EQ(Call("GET", "/api/v4/projects/team%2Fempty/repository/branches").body, "[]");
  auto created = Client().CreateBranch("team/empty", "feature/x", "main");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(emulator_->BranchSha("team/empty", "main").has_value())
      << "GitLab first creates the default branch";
}

TEST_F(GitLabProjectsApiTest, CreateRefusesWithGitLabsErrorShapes) {
  auto taken = Call("POST", "/api/v4/projects", R"({"path":"web","namespace_id":"team"})");
  EXPECT_EQ(taken.status, 400);
  EXPECT_EQ(Object(taken).at("message").at("path"), boost::json::array{"has already been taken"})
      << taken.body;
  EXPECT_TRUE(Object(taken).at("message").as_object().contains("name")) << taken.body;
  auto missing = Call("POST", "/api/v4/projects", R"({"namespace_id":"team"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body,
            R"({"error":"name, path are missing, at least one parameter must be provided"})");
  auto bad_path = Call("POST", "/api/v4/projects", R"({"path":"-x.git"})");
  EXPECT_EQ(bad_path.status, 400);
  EXPECT_TRUE(Object(bad_path).at("message").as_object().contains("path")) << bad_path.body;
  auto no_namespace = Call("POST", "/api/v4/projects", R"({"path":"x","namespace_id":999})");
  EXPECT_EQ(no_namespace.status, 404);
  EXPECT_EQ(no_namespace.body, R"({"message":"404 Namespace Not Found"})");
  HttpTransport anonymous({.base_url = url_});
  auto unauthenticated = anonymous.Send({.method = "POST",
                                         .path = "/api/v4/projects",
                                         .body = R"({"path":"x"})",
                                         .headers = {{"Content-Type", "application/json"}}});
  ASSERT_TRUE(unauthenticated.ok());
  EXPECT_EQ(unauthenticated->status, 401);
}

TEST_F(GitLabProjectsApiTest, ListSearchesOrdersAndPaginatesLikeGitLab) {
  for (const char* path : {"pay-api", "pay-web", "orders"})
    ASSERT_EQ(Call("POST", "/api/v4/projects",
                   std::string(R"({"namespace_id":"team","path":")") + path + "\"}")
                  .status,
              201);
  auto all = Call("GET", "/api/v4/projects");
  ASSERT_EQ(all.status, 200);
  auto everything = boost::json::parse(all.body).as_array();
  ASSERT_EQ(everything.size(), 4u);
  EXPECT_EQ(everything[0].at("path"), "orders") << "newest first by default";
  auto page =
      Call("GET", "/api/v4/projects?search=PAY&order_by=id&sort=asc&per_page=1&simple=true");
  ASSERT_EQ(page.status, 200) << page.body;
  auto items = boost::json::parse(page.body).as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("path"), "pay-api");
  EXPECT_FALSE(items[0].as_object().contains("visibility")) << "simple=true is the short form";
  EXPECT_TRUE(items[0].as_object().contains("path_with_namespace"));
  EXPECT_EQ(page.Header("X-Total"), "2");
  EXPECT_EQ(page.Header("X-Total-Pages"), "2");
  EXPECT_EQ(page.Header("X-Next-Page"), "2");
  EXPECT_EQ(page.Header("X-Prev-Page").value_or(""), "");
  auto link = page.Header("Link").value_or("");
  EXPECT_NE(link.find("/api/v4/projects?page=2&per_page=1&search=PAY&order_by=id&sort=asc&simple="
                      "true>; rel=\"next\""),
            std::string::npos)
      << link;
  auto last = Call("GET", "/api/v4/projects?search=pay&order_by=id&sort=asc&per_page=1&page=2");
  EXPECT_EQ(boost::json::parse(last.body).as_array()[0].at("path"), "pay-web");
  EXPECT_EQ(last.Header("X-Next-Page").value_or(""), "");
  auto by_name = Call("GET", "/api/v4/projects?order_by=name&sort=asc");
  EXPECT_EQ(boost::json::parse(by_name.body).as_array()[0].at("path"), "orders");
  auto bad = Call("GET", "/api/v4/projects?order_by=bogus");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body, R"({"error":"order_by does not have a valid value"})");
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
