// Image builds over HTTP against `slipway serve` with its sandbox: the
// Jenkins emulator checks the branch in the GitLab emulator and pushes a real
// image to the registry emulator (R-BLD-1..4).
#include <gtest/gtest.h>

#include <memory>

#include "connectors/jenkins/client.hpp"
#include "connectors/registry/client.hpp"
#include "integration/build_helpers.hpp"

namespace slipway::testing {
namespace {

class BuildFlowTest : public ::testing::Test {
 protected:
  static ApiServer& server() {
    if (!server_) {
      ServerOptions options;
      options.sandbox = true;
      server_ = std::make_unique<ApiServer>(options);
    }
    return *server_;
  }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override { developer_ = server().CreateUser("developer", "builder"); }

  connectors::registry::RegistryClient Registry() {
    return connectors::registry::RegistryClient({.base_url = server().SandboxUrl("registry")});
  }
  connectors::jenkins::JenkinsClient Jenkins() {
    connectors::jenkins::JenkinsSettings settings;
    settings.transport.base_url = server().SandboxUrl("jenkins");
    settings.transport.basic_user = "admin";
    settings.transport.basic_password = "slipway-sandbox-token";
    return connectors::jenkins::JenkinsClient(settings);
  }

  // A started build of a fresh application; the app's name and the reply.
  std::pair<std::string, Reply> StartFresh(const std::string& version = "1.0.0",
                                           const std::string& branch = "main") {
    const std::string name = UniqueName("svc");
    const auto app = ApprovedApp(server(), developer_, name);
    auto started = server().As(developer_).Post(BuildsPath(app), BuildBody(version, branch));
    EXPECT_EQ(started.status, 201) << started;
    return {name, started};
  }

  TestUser developer_;
  static std::unique_ptr<ApiServer> server_;
};

std::unique_ptr<ApiServer> BuildFlowTest::server_;

TEST_F(BuildFlowTest, ABuildSucceedsWithTheRegistrysDigest) {
  auto [name, started] = StartFresh("1.0.0");
  EXPECT_EQ(started.Str("state"), "queued");
  EXPECT_EQ(started.Str("branch"), "main");
  const std::string image = started.Str("image");
  EXPECT_TRUE(image.ends_with("/slipway/" + name + ":1.0.0")) << image;
  auto api = server().As(developer_);
  auto done = WaitUntilEnded(api, started.Int("id"));
  ASSERT_EQ(done.Str("state"), "succeeded") << done;
  auto manifest = Registry().HeadManifest(ImageRepository(name), "1.0.0");
  ASSERT_TRUE(manifest.ok()) << manifest.error().message;
  EXPECT_EQ(done.Str("digest"), manifest->digest);
  EXPECT_EQ(done.Str("commit").size(), 40u) << done;  // the emulator's console reports the sha
  const auto& jenkins = done.Object().at("jenkins").as_object();
  EXPECT_EQ(Text(jenkins.at("result")), "SUCCESS");
  EXPECT_EQ(jenkins.at("build_number").as_int64(), 1);
  EXPECT_GE(done.Int("duration_ms"), 0);
  auto log = api.Get(BuildPath(started.Int("id"), "/log"));
  ASSERT_EQ(log.status, 200);
  EXPECT_EQ(log.Header("Content-Type").value_or("").rfind("text/plain", 0), 0u);
  EXPECT_NE(log.raw.body.find(manifest->digest), std::string::npos);  // the push, in the console
  EXPECT_EQ(SuccessfulAuditCount(api, "build:" + std::to_string(started.Int("id"))), 4u)
      << "start, job created, running, succeeded";
}

TEST_F(BuildFlowTest, AnUnknownBranchFailsWithTheReasonInTheLog) {
  auto [name, started] = StartFresh("1.0.0", "feature/nobody-pushed-this");
  auto api = server().As(developer_);
  auto done = WaitUntilEnded(api, started.Int("id"));
  ASSERT_EQ(done.Str("state"), "failed") << done;
  EXPECT_EQ(Text(done.Object().at("jenkins").at("result")), "FAILURE");
  EXPECT_FALSE(done.Str("reason").empty());
  EXPECT_TRUE(done.Object().at("digest").is_null());
  auto log = api.Get(BuildPath(started.Int("id"), "/log"));
  EXPECT_NE(log.raw.body.find("feature/nobody-pushed-this"), std::string::npos) << log.raw.body;
  EXPECT_EQ(Registry().HeadManifest(ImageRepository(name), "1.0.0").error().code,
            core::Code::kNotFound);
}

TEST_F(BuildFlowTest, FollowingTheLogStreamsItUntilTheBuildEnds) {
  auto [name, started] = StartFresh();
  auto api = server().As(developer_);
  auto followed = api.Get(BuildPath(started.Int("id"), "/log?follow=1"));
  ASSERT_EQ(followed.status, 200);
  EXPECT_EQ(followed.Header("Transfer-Encoding").value_or(""), "chunked");
  // The stream ends only once the build did, so the whole console is there.
  EXPECT_NE(followed.raw.body.find("Finished: SUCCESS"), std::string::npos) << followed.raw.body;
  auto state = api.Get(BuildPath(started.Int("id")));
  EXPECT_EQ(state.Str("state"), "succeeded");
  EXPECT_EQ(api.Get(BuildPath(started.Int("id"), "/log")).raw.body, followed.raw.body);
  EXPECT_EQ(api.Get(BuildPath(started.Int("id"), "/log?follow=maybe")).status, 400);
}

TEST_F(BuildFlowTest, CancelEndsTheBuildCancelled) {
  auto [name, started] = StartFresh();
  auto api = server().As(developer_);
  auto cancel = api.Post(BuildPath(started.Int("id"), "/cancel"));
  ASSERT_EQ(cancel.status, 202) << cancel;
  EXPECT_EQ(cancel.Str("cancel_requested_by"), developer_.username);
  auto done = WaitUntilEnded(api, started.Int("id"));
  EXPECT_EQ(done.Str("state"), "cancelled") << done;
  auto again = api.Post(BuildPath(started.Int("id"), "/cancel"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorDetail("state"), "cancelled");
}

TEST_F(BuildFlowTest, ADuplicateVersionIsAConflict) {
  const auto app = ApprovedApp(server(), developer_, UniqueName("svc"));
  auto api = server().As(developer_);
  ASSERT_EQ(api.Post(BuildsPath(app), BuildBody("2.0")).status, 201);
  auto again = api.Post(BuildsPath(app), BuildBody("2.0", "other"));
  EXPECT_EQ(again.status, 409) << again;
  EXPECT_EQ(again.ErrorDetail("field"), "version");
  EXPECT_EQ(api.Get(BuildsPath(app)).Object().at("items").as_array().size(), 1u);
}

TEST_F(BuildFlowTest, BadInputIsRefusedBeforeJenkinsHearsOfIt) {
  const std::string name = UniqueName("svc");
  const auto app = ApprovedApp(server(), developer_, name);
  auto api = server().As(developer_);
  for (const boost::json::object& body : std::vector<boost::json::object>{
           {{"version", "1.0"}},
           {{"branch", "main"}},
           {{"branch", "main"}, {"version", "1.0/x"}},
           {{"branch", "main"}, {"version", std::string(129, 'a')}},
           {{"branch", "bad branch"}, {"version", "1.0"}},
           {{"branch", "main"}, {"version", "1.0"}, {"env_id", 999999}},
       }) {
    auto refused = api.Post(BuildsPath(app), body);
    EXPECT_EQ(refused.status, 400) << boost::json::serialize(body) << " " << refused;
    EXPECT_EQ(refused.ErrorCode(), "invalid");
  }
  EXPECT_EQ(api.SendRaw("POST", BuildsPath(app), "{not json").status, 400);
  EXPECT_TRUE(api.Get(BuildsPath(app)).Object().at("items").as_array().empty());
  // The job is created by the first build: none was triggered.
  EXPECT_EQ(Jenkins().GetItem(name).error().code, core::Code::kNotFound);
}

TEST_F(BuildFlowTest, CommercialAndEmptyApplicationsAreNeverBuilt) {
  auto api = server().As(developer_);
  for (const char* type : {"commercial", "empty"}) {
    const auto app = ApprovedApp(server(), developer_, UniqueName(type), type);
    auto refused = api.Post(BuildsPath(app), BuildBody("1.0"));
    EXPECT_EQ(refused.status, 409) << type << " " << refused;
    EXPECT_EQ(refused.ErrorDetail("type"), type);
  }
  auto unapproved = api.Post("/api/v1/apps", AppBody(UniqueName("svc")));
  auto refused = api.Post(BuildsPath(unapproved.Int("id")), BuildBody("1.0"));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.ErrorDetail("state"), "under_review");
}

TEST_F(BuildFlowTest, DeleteRemovesTheManifestAndFreesTheVersion) {
  auto [name, started] = StartFresh("3.1");
  auto api = server().As(developer_);
  const auto id = started.Int("id");
  auto early = api.Delete(BuildPath(id));
  EXPECT_EQ(early.status, 409) << early;  // the build has barely started
  ASSERT_EQ(WaitUntilEnded(api, id).Str("state"), "succeeded");
  ASSERT_TRUE(Registry().HeadManifest(ImageRepository(name), "3.1").ok());
  auto viewer = server().CreateUser("viewer", "looker");
  EXPECT_EQ(server().As(viewer).Delete(BuildPath(id)).status, 403);
  EXPECT_EQ(api.Delete(BuildPath(id) + "?force=true").status, 403);  // forcing is for admins
  ASSERT_EQ(api.Delete(BuildPath(id)).status, 204);
  EXPECT_EQ(Registry().HeadManifest(ImageRepository(name), "3.1").error().code,
            core::Code::kNotFound);
  EXPECT_EQ(api.Get(BuildPath(id)).status, 404);
  auto again = api.Post("/api/v1/apps/" + name + "/builds", BuildBody("3.1"));
  EXPECT_EQ(again.status, 201) << again;
}

TEST_F(BuildFlowTest, ListIsNewestFirstWithACursor) {
  const auto app = ApprovedApp(server(), developer_, UniqueName("svc"));
  auto api = server().As(developer_);
  for (const char* v : {"a1", "a2", "a3"})
    ASSERT_EQ(api.Post(BuildsPath(app), BuildBody(v)).status, 201);
  auto first = api.Get(BuildsPath(app) + "?limit=2");
  ASSERT_EQ(first.status, 200);
  const auto& items = first.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Text(items[0].at("version")), "a3");
  auto second = api.Get(BuildsPath(app) + "?limit=2&cursor=" + first.Str("next_cursor"));
  ASSERT_EQ(second.Object().at("items").as_array().size(), 1u);
  EXPECT_EQ(Text(second.Object().at("items").as_array()[0].at("version")), "a1");
  EXPECT_TRUE(second.Object().at("next_cursor").is_null());
  EXPECT_EQ(api.Get(BuildsPath(app) + "?state=finished").status, 400);
  const auto all = api.Get(BuildsPath(app));
  for (const auto& item : all.Object().at("items").as_array()) {
    WaitUntilEnded(api, item.at("id").as_int64());
  }
}

// The workflow's queries (claims, the build's state joined with its
// workflow's) on the production database.
TEST(BuildPostgresTest, ABuildRunsToItsDigestOnPostgres) {
  ServerOptions options;
  options.backend = Backend::kPostgres;
  options.sandbox = true;
  ApiServer server(options);
  auto developer = server.CreateUser("developer", "builder");
  const auto app = ApprovedApp(server, developer, UniqueName("svc"));
  auto api = server.As(developer);
  auto started = api.Post(BuildsPath(app), BuildBody("1.0"));
  ASSERT_EQ(started.status, 201) << started;
  auto done = WaitUntilEnded(api, started.Int("id"));
  EXPECT_EQ(done.Str("state"), "succeeded") << done;
  EXPECT_EQ(done.Str("digest").rfind("sha256:", 0), 0u) << done;
}

}  // namespace
}  // namespace slipway::testing
