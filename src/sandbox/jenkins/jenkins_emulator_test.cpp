// Jenkins emulator specifics beyond the port contract: credentials and
// crumbs, createItem errors, fault injection, and builds that check the
// branch in the GitLab emulator and push a real image to the registry one.
#include "sandbox/jenkins/jenkins_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "connectors/http_transport.hpp"
#include "connectors/jenkins/client.hpp"
#include "connectors/jenkins/config_xml.hpp"
#include "connectors/registry/client.hpp"
#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/registry/registry_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox::jenkins {
namespace {

using namespace std::chrono_literals;
using connectors::HttpTransport;
using connectors::jenkins::JenkinsClient;

const std::vector<connectors::JenkinsParameter> kBuildParameters{
    {"APP", "web"}, {"BRANCH", "main"}, {"VERSION", ""}, {"IMAGE", ""}};

class JenkinsEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = std::make_unique<registry::RegistryEmulator>();
    auto gitlab = std::make_unique<gitlab::GitLabEmulator>();
    gitlab->CreateProject("team/web");
    registry_ = registry.get();
    JenkinsPeers peers{registry.get(), gitlab.get()};
    host_.Add(std::move(registry));
    host_.Add(std::move(gitlab));
    host_.Add(std::make_unique<JenkinsEmulator>(peers, JenkinsEmulatorOptions{.step_ms = 50}));
    host_.Start();
    url_ = host_.endpoints().at("jenkins");
  }
  JenkinsClient Client(std::string secret = "slipway-sandbox-token") {
    return JenkinsClient({.transport = {.base_url = url_,
                                        .basic_user = "admin",
                                        .basic_password = std::move(secret),
                                        .retry_backoff = 10ms}});
  }
  HttpTransport Raw(std::string secret) {
    return HttpTransport(
        {.base_url = url_, .basic_user = "admin", .basic_password = std::move(secret)});
  }
  void Fault(const boost::json::object& rule) {
    auto r = HttpTransport({.base_url = url_})
                 .Send({.method = "POST",
                        .path = "/_sandbox/faults",
                        .body = boost::json::serialize(rule)});
    ASSERT_TRUE(r.ok() && r->status == 201);
  }
  /// Triggers, waits for the result, returns {build, console}.
  std::pair<connectors::JenkinsBuild, std::string> Run(JenkinsClient& c, const std::string& job,
                                                       std::map<std::string, std::string> params) {
    auto queued = c.TriggerBuild(job, params, 0);
    EXPECT_TRUE(queued.ok()) << queued.error().message;
    if (!queued.ok()) return {};
    for (auto deadline = std::chrono::steady_clock::now() + 10s;
         std::chrono::steady_clock::now() < deadline;) {
      auto item = c.GetQueueItem(*queued);
      if (item.ok() && item->build_number) {
        auto build = c.GetBuild(job, *item->build_number);
        if (build.ok() && build->result)
          return {*build, c.ReadConsole(job, build->number, 0)->text};
      }
      std::this_thread::sleep_for(30ms);
    }
    ADD_FAILURE() << "the build did not finish";
    return {};
  }
  std::string JobXml(std::string git_url = "http://gitlab.sandbox/team/web.git") {
    return connectors::jenkins::PipelineJobXml("build web", kBuildParameters, git_url);
  }

  SandboxHost host_;
  registry::RegistryEmulator* registry_ = nullptr;
  std::string url_;
};

TEST_F(JenkinsEmulatorTest, WrongCredentialsAreUnauthenticatedWithJenkinsMessage) {
  auto r = Client("wrong").GetItem("web");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(r.error().message.find("Invalid password/token for user: admin"), std::string::npos)
      << r.error().message;
}

TEST_F(JenkinsEmulatorTest, PostsWithAPasswordNeedACrumbBoundToItsSession) {
  auto raw = Raw("admin");
  auto bare = raw.Send({.method = "POST",
                        .path = "/createItem?name=a",
                        .body = JobXml(),
                        .headers = {{"Content-Type", "application/xml"}}});
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->status, 403);
  EXPECT_NE(bare->body.find("No valid crumb was included in the request"), std::string::npos);
  EXPECT_TRUE(bare->Header("X-Jenkins").has_value());

  auto issued = raw.Send({.path = "/crumbIssuer/api/json"});
  ASSERT_TRUE(issued.ok() && issued->status == 200);
  auto crumb = std::string(boost::json::parse(issued->body).at("crumb").as_string());
  auto cookie = issued->Header("Set-Cookie").value_or("");
  cookie = cookie.substr(0, cookie.find(';'));
  auto without_session =
      raw.Send({.method = "POST",
                .path = "/createItem?name=a",
                .body = JobXml(),
                .headers = {{"Content-Type", "application/xml"}, {"Jenkins-Crumb", crumb}}});
  EXPECT_EQ(without_session->status, 403);
  auto with_session = raw.Send(
      {.method = "POST",
       .path = "/createItem?name=a",
       .body = JobXml(),
       .headers = {
           {"Content-Type", "application/xml"}, {"Jenkins-Crumb", crumb}, {"Cookie", cookie}}});
  EXPECT_EQ(with_session->status, 200);

  // API tokens are exempt, as in Jenkins; the client sends a crumb either way.
  auto by_token = Raw("slipway-sandbox-token")
                      .Send({.method = "POST",
                             .path = "/createItem?name=b",
                             .body = JobXml(),
                             .headers = {{"Content-Type", "application/xml"}}});
  EXPECT_EQ(by_token->status, 200);
  EXPECT_TRUE(Client("admin").CreateJob("c", JobXml()).ok());
}

TEST_F(JenkinsEmulatorTest, CreateItemErrorsComeInTheXErrorHeader) {
  auto raw = Raw("slipway-sandbox-token");
  auto post = [&](const std::string& path) {
    return raw
        .Send({.method = "POST",
               .path = path,
               .body = JobXml(),
               .headers = {{"Content-Type", "application/xml"}}})
        .value();
  };
  EXPECT_EQ(post("/createItem?name=web").status, 200);
  auto dup = post("/createItem?name=web");
  EXPECT_EQ(dup.status, 400);
  EXPECT_EQ(dup.Header("X-Error"), "A job already exists with the name \u2018web\u2019");
  EXPECT_EQ(post("/createItem").Header("X-Error"), "Query parameter 'name' is required");
  EXPECT_EQ(post("/createItem?name=a%2Fb").Header("X-Error"),
            "\u2018/\u2019 is an unsafe character");
  // Jenkins.checkGoodName: no item may be named "." or "..", nor hold a control code.
  EXPECT_EQ(post("/createItem?name=..").Header("X-Error"), "\u2018..\u2019 is not an allowed name");
  EXPECT_EQ(post("/createItem?name=.").status, 400);
  auto control = post("/createItem?name=a%0D%0Ab");
  EXPECT_EQ(control.status, 400);
  EXPECT_EQ(control.Header("X-Error"), "No control code is allowed: a\\u000D\\u000Ab");
  EXPECT_EQ(post("/job/%2E%2E/job/web/createItem?name=x").status, 404);
  auto mode = post("/createItem?name=x&mode=no.such.Type");
  EXPECT_EQ(mode.Header("X-Error"), "No item type \u2018no.such.Type\u2019 is known");
  auto folder =
      raw.Send({.method = "POST",
                .path = "/createItem?name=team&mode=com.cloudbees.hudson.plugins.folder.Folder",
                .headers = {{"Content-Type", "application/x-www-form-urlencoded"}}});
  EXPECT_EQ(folder->status, 302);
  EXPECT_EQ(folder->Header("Location"), url_ + "/job/team/configure");
}

TEST_F(JenkinsEmulatorTest, ABuildChecksTheBranchAndPushesARealImage) {
  auto c = Client();
  ASSERT_TRUE(c.CreateFolder("team").ok());
  ASSERT_TRUE(c.CreateJob("team/web", JobXml()).ok());
  std::string image = registry_->host() + "/team/web:1.4.3";
  auto [build, console] =
      Run(c, "team/web", {{"BRANCH", "main"}, {"IMAGE", image}, {"VERSION", "1.4.3"}});
  EXPECT_EQ(build.result, "SUCCESS") << console;
  EXPECT_EQ(build.parameters["IMAGE"], image);
  EXPECT_TRUE(registry_->ImageExists(image));

  connectors::registry::RegistryClient registry({.base_url = registry_->base_url()});
  auto head = registry.HeadManifest("team/web", "1.4.3");
  ASSERT_TRUE(head.ok()) << head.error().message;
  EXPECT_NE(console.find("1.4.3: digest: " + head->digest), std::string::npos) << console;
  EXPECT_NE(console.find("Checking out team/web branch main"), std::string::npos) << console;
  EXPECT_NE(console.find("Commit: "), std::string::npos) << console;
}

TEST_F(JenkinsEmulatorTest, ALaneCopyBuildsTheHeadOfItsBranchByParameterOrBranchSpec) {
  auto push = HttpTransport({.base_url = host_.endpoints().at("gitlab")})
                  .Send({.method = "POST",
                         .path = "/sandbox/push",
                         .body = R"({"project":"team/web","branch":"feature/l1"})"});
  ASSERT_TRUE(push.ok() && push->status == 200);
  std::string head(boost::json::parse(push->body).at("after").as_string());
  auto c = Client();
  ASSERT_TRUE(c.CreateFolder("l1").ok());
  // Slipway's own job: the BRANCH parameter's default now names the lane's branch.
  auto with_parameter = connectors::jenkins::WithBranch(JobXml(), "feature/l1");
  ASSERT_TRUE(with_parameter.ok());
  ASSERT_TRUE(c.CreateJob("l1/web", *with_parameter).ok());
  auto [by_default, console] = Run(c, "l1/web", {{"APP", "web"}});
  EXPECT_EQ(by_default.result, "SUCCESS") << console;
  EXPECT_NE(console.find("Commit: " + head), std::string::npos) << console;
  // A job of the application's own, with no BRANCH parameter: its BranchSpec decides.
  auto own = connectors::jenkins::WithBranch(
      connectors::jenkins::PipelineJobXml("own", {{"APP", "web"}},
                                          "http://gitlab.sandbox/team/web.git"),
      "feature/l1");
  ASSERT_TRUE(own.ok());
  ASSERT_TRUE(c.CreateJob("l1/own", *own).ok());
  auto [by_spec, spec_console] = Run(c, "l1/own", {{"APP", "web"}});
  EXPECT_EQ(by_spec.result, "SUCCESS") << spec_console;
  EXPECT_NE(spec_console.find("Checking out team/web branch feature/l1"), std::string::npos)
      << spec_console;
  EXPECT_NE(spec_console.find("Commit: " + head), std::string::npos) << spec_console;
}

TEST_F(JenkinsEmulatorTest, ABuildOfAMissingBranchFailsSayingWhy) {
  auto c = Client();
  ASSERT_TRUE(c.CreateJob("web", JobXml()).ok());
  std::string image = registry_->host() + "/team/web:2.0";
  auto [build, console] = Run(c, "web", {{"BRANCH", "nope"}, {"IMAGE", image}});
  EXPECT_EQ(build.result, "FAILURE");
  EXPECT_NE(console.find("ERROR: branch 'nope' does not exist in GitLab project 'team/web'"),
            std::string::npos)
      << console;
  EXPECT_TRUE(console.ends_with("Finished: FAILURE\n")) << console;
  EXPECT_FALSE(registry_->ImageExists(image));
}

TEST_F(JenkinsEmulatorTest, TheRepoParameterNamesTheProjectWhenTheJobHasNoScm) {
  auto c = Client();
  std::vector<connectors::JenkinsParameter> params = kBuildParameters;
  params.push_back({"REPO", ""});
  ASSERT_TRUE(c.CreateJob("noscm", connectors::jenkins::PipelineJobXml("x", params, "")).ok());
  auto [missing, why] = Run(c, "noscm", {{"BRANCH", "main"}});
  EXPECT_EQ(missing.result, "FAILURE");
  EXPECT_NE(why.find("the job names no GitLab repository"), std::string::npos) << why;
  auto [ok, console] = Run(c, "noscm", {{"BRANCH", "main"}, {"REPO", "team/web"}});
  EXPECT_EQ(ok.result, "SUCCESS") << console;
}

TEST_F(JenkinsEmulatorTest, AnInvalidImageReferenceFailsTheBuild) {
  auto c = Client();
  ASSERT_TRUE(c.CreateJob("web", JobXml()).ok());
  auto [build, console] = Run(c, "web", {{"BRANCH", "main"}, {"IMAGE", "Bad Image"}});
  EXPECT_EQ(build.result, "FAILURE");
  EXPECT_NE(console.find("ERROR: IMAGE 'Bad Image' is not a valid image reference"),
            std::string::npos)
      << console;
}

TEST_F(JenkinsEmulatorTest, InjectedServiceUnavailableIsRetriedForReadsButNotForTriggers) {
  auto c = Client();
  ASSERT_TRUE(c.CreateJob("web", JobXml()).ok());
  Fault({{"method", "GET"}, {"path_prefix", "/job/web"}, {"count", 2}, {"status", 503}});
  EXPECT_TRUE(c.GetItem("web").ok());
  Fault({{"method", "POST"}, {"path_prefix", "/job/web/buildWithParameters"}, {"status", 503}});
  auto trigger = c.TriggerBuild("web", {}, 30);
  ASSERT_FALSE(trigger.ok());
  EXPECT_EQ(trigger.error().code, core::Code::kTransient);
  auto state = HttpTransport({.base_url = url_}).Send({.path = "/_sandbox/state"});
  EXPECT_TRUE(boost::json::parse(state->body).at("state").at("queue").as_array().empty());
}

TEST_F(JenkinsEmulatorTest, InjectedConflictKeepsTheSystemsMessage) {
  auto c = Client();
  ASSERT_TRUE(c.CreateJob("web", JobXml()).ok());
  Fault({{"method", "POST"},
         {"path_prefix", "/job/web/buildWithParameters"},
         {"status", 409},
         {"body", "web is not buildable"}});
  auto trigger = c.TriggerBuild("web", {}, 0);
  ASSERT_FALSE(trigger.ok());
  EXPECT_EQ(trigger.error().code, core::Code::kConflict);
  EXPECT_NE(trigger.error().message.find("web is not buildable"), std::string::npos)
      << trigger.error().message;
}

TEST(ConfigXml, ReadsParametersScmAndKind) {
  auto config = connectors::jenkins::ParseConfigXml(connectors::jenkins::PipelineJobXml(
      "d & <x>", {{"A", "1 < 2"}, {"B", ""}}, "git@gitlab.example.com:team/app.git"));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->root, "flow-definition");
  EXPECT_FALSE(config->folder);
  EXPECT_EQ(config->description, "d & <x>");
  ASSERT_EQ(config->parameters.size(), 2u);
  EXPECT_EQ(config->parameters[0].default_value, "1 < 2");
  EXPECT_EQ(config->scm_url, "git@gitlab.example.com:team/app.git");
  auto folder = connectors::jenkins::ParseConfigXml(
      "<?xml version='1.1'?>\n<com.cloudbees.hudson.plugins.folder.Folder "
      "plugin=\"x\"><description/>"
      "</com.cloudbees.hudson.plugins.folder.Folder>");
  ASSERT_TRUE(folder.ok());
  EXPECT_TRUE(folder->folder);
  EXPECT_FALSE(connectors::jenkins::ParseConfigXml("no xml here").ok());
}

}  // namespace
}  // namespace slipway::sandbox::jenkins
