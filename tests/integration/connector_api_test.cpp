// Connectors managed through the API against `slipway serve` with its
// sandbox (issue 14): a connectivity check through the real client says
// whether the emulator accepts the credentials, saving them swaps the
// running client without a restart (builds fail with a wrong token and work
// with the right one), secrets never come back, refusals change nothing,
// only admins get in, and every change is audited without its secret.
#include <gtest/gtest.h>

#include <memory>

#include "integration/build_helpers.hpp"

namespace slipway::testing {
namespace {

constexpr const char* kWrongToken = "wrong-token-7f3a9c";
constexpr const char* kJenkinsUser = "admin";
constexpr const char* kJenkinsToken = "slipway-sandbox-token";  // the emulator's
constexpr const char* kGitLabToken = "glpat-slipway-sandbox";   // the emulator's

class ConnectorApiTest : public ::testing::Test {
 protected:
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static void TearDownTestSuite() { server_.reset(); }

  boost::json::object Jenkins(const std::string& token) {
    return {{"url", server().SandboxUrl("jenkins")}, {"user", kJenkinsUser}, {"token", token}};
  }
  // A build of a fresh application, waited for until it ended.
  Reply Build(const TestUser& developer) {
    const auto app = ApprovedApp(server(), developer, UniqueName("conn"));
    auto api = server().As(developer);
    auto started = api.Post(BuildsPath(app), BuildBody("1.0.0"));
    EXPECT_EQ(started.status, 201) << started;
    return WaitUntilEnded(api, started.Int("id"));
  }
  std::vector<boost::json::object> ConnectorAudit(const std::string& system) {
    auto admin = server().Admin();
    return AuditOf(admin, "connector:" + system);
  }

  static std::unique_ptr<ApiServer> server_;
};

std::unique_ptr<ApiServer> ConnectorApiTest::server_;

TEST_F(ConnectorApiTest, TheCheckSaysWhetherTheEmulatorAcceptsTheTokenAndSavesNothing) {
  auto admin = server().Admin();
  auto wrong = admin.Post("/api/v1/connectors/jenkins/test", Jenkins(kWrongToken));
  ASSERT_EQ(wrong.status, 200) << wrong;
  EXPECT_FALSE(wrong.Object().at("ok").as_bool()) << wrong;
  EXPECT_EQ(wrong.Str("code"), "unauthenticated") << wrong;
  EXPECT_NE(wrong.Str("error").find("401"), std::string::npos) << wrong;
  EXPECT_EQ(wrong.raw.body.find(kWrongToken), std::string::npos) << wrong;

  auto right = admin.Post("/api/v1/connectors/jenkins/test", Jenkins(kJenkinsToken));
  ASSERT_EQ(right.status, 200) << right;
  EXPECT_TRUE(right.Object().at("ok").as_bool()) << right;

  auto gitlab = admin.Post("/api/v1/connectors/gitlab/test",
                           {{"url", server().SandboxUrl("gitlab")}, {"token", kWrongToken}});
  EXPECT_EQ(gitlab.Str("code"), "unauthenticated") << gitlab;
  auto gitlab_right = admin.Post("/api/v1/connectors/gitlab/test",
                                 {{"url", server().SandboxUrl("gitlab")}, {"token", kGitLabToken}});
  EXPECT_TRUE(gitlab_right.Object().at("ok").as_bool()) << gitlab_right;
  auto unreachable = admin.Post("/api/v1/connectors/gitlab/test",
                                {{"url", "http://127.0.0.1:1"}, {"token", kGitLabToken}});
  EXPECT_FALSE(unreachable.Object().at("ok").as_bool()) << unreachable;

  // The settings in effect (the sandbox's) pass; nothing was saved.
  auto in_effect = admin.Post("/api/v1/connectors/jenkins/test");
  EXPECT_TRUE(in_effect.Object().at("ok").as_bool()) << in_effect;
  EXPECT_EQ(admin.Get("/api/v1/connectors/jenkins").Str("source"), "sandbox");
  EXPECT_TRUE(ConnectorAudit("jenkins").empty());
}

TEST_F(ConnectorApiTest, SavedSettingsSwapTheRunningClientWithoutARestart) {
  auto admin = server().Admin();
  const auto developer = server().CreateUser("developer", "conn-dev");

  auto saved = admin.Put("/api/v1/connectors/jenkins", Jenkins(kWrongToken));
  ASSERT_EQ(saved.status, 200) << saved;
  EXPECT_EQ(saved.Str("source"), "api");
  EXPECT_EQ(saved.Str("fallback"), "sandbox");
  EXPECT_TRUE(saved.Object().at("secret_set").at("token").as_bool());
  EXPECT_EQ(saved.raw.body.find(kWrongToken), std::string::npos) << saved;
  auto check = admin.Post("/api/v1/connectors/jenkins/test");
  EXPECT_EQ(check.Str("code"), "unauthenticated") << "the saved token is the one in effect";
  auto refused = Build(developer);
  EXPECT_EQ(refused.Str("state"), "failed") << refused;
  EXPECT_NE(refused.Str("reason").find("Invalid password/token"), std::string::npos) << refused;

  // The right token, given alone: url and user stay as saved.
  auto fixed = admin.Put("/api/v1/connectors/jenkins", Jenkins(kJenkinsToken));
  ASSERT_EQ(fixed.status, 200) << fixed;
  EXPECT_EQ(fixed.Int("version"), 2);
  EXPECT_TRUE(admin.Post("/api/v1/connectors/jenkins/test").Object().at("ok").as_bool());
  auto built = Build(developer);
  EXPECT_EQ(built.Str("state"), "succeeded") << built;

  // Moving the url needs the token given anew: the stored one is not sent
  // to a new address.
  auto body = Jenkins("");
  body.erase("token");
  auto url = server().SandboxUrl("jenkins");
  url.replace(url.find("127.0.0.1"), 9, "localhost");  // the same emulator by another name
  body["url"] = url;
  auto not_given = admin.Put("/api/v1/connectors/jenkins", body);
  ASSERT_EQ(not_given.status, 400) << not_given;
  EXPECT_EQ(not_given.ErrorDetail("field"), "token") << not_given;
  EXPECT_EQ(admin.Post("/api/v1/connectors/jenkins/test", body).status, 400);
  EXPECT_EQ(admin.Get("/api/v1/connectors/jenkins").Int("version"), 2) << "nothing changed";
  body["token"] = kJenkinsToken;
  auto moved = admin.Put("/api/v1/connectors/jenkins", body);
  ASSERT_EQ(moved.status, 200) << moved;
  EXPECT_TRUE(moved.Object().at("secret_set").at("token").as_bool());
  EXPECT_TRUE(admin.Post("/api/v1/connectors/jenkins/test").Object().at("ok").as_bool());

  ASSERT_EQ(admin.Delete("/api/v1/connectors/jenkins").status, 204);
  EXPECT_EQ(admin.Get("/api/v1/connectors/jenkins").Str("source"), "sandbox");
  EXPECT_EQ(Build(developer).Str("state"), "succeeded") << "the sandbox's client again";
  EXPECT_EQ(admin.Delete("/api/v1/connectors/jenkins").status, 404);

  const auto audit = ConnectorAudit("jenkins");
  std::vector<std::string> actions;
  for (const auto& record : audit) {
    if (Text(record.at("result")) != "ok") continue;
    actions.push_back(Text(record.at("action")));
    const auto text = boost::json::serialize(record);
    EXPECT_EQ(text.find(kWrongToken), std::string::npos) << text;
    EXPECT_EQ(text.find(kJenkinsToken), std::string::npos) << text;
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"connector.delete", "connector.set", "connector.set",
                                               "connector.set"}));
}

TEST_F(ConnectorApiTest, NoAnswerHoldsASecret) {
  auto admin = server().Admin();
  ASSERT_EQ(admin
                .Put("/api/v1/connectors/gitlab",
                     {{"url", server().SandboxUrl("gitlab")}, {"token", kGitLabToken}})
                .status,
            200);
  auto list = admin.Get("/api/v1/connectors");
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_EQ(list.Object().at("items").as_array().size(), 7u);
  // The sandbox's credentials are in effect for the other systems: none shows.
  for (const char* secret :
       {kGitLabToken, kJenkinsToken, "sandbox-consul-token", "sandbox-apollo-token",
        "sandbox-tapd-password", "c2xpcHdheS1zYW5kYm94LXRzaWctc2VjcmV0LTMyYiE=", "token\":\""}) {
    EXPECT_EQ(list.raw.body.find(secret), std::string::npos) << secret << " in " << list;
  }
  for (const auto& item : list.Object().at("items").as_array()) {
    const auto& c = item.as_object();
    EXPECT_FALSE(c.at("settings").as_object().contains("token")) << item;
    EXPECT_FALSE(c.at("settings").as_object().contains("key_secret")) << item;
  }
  auto dns = admin.Get("/api/v1/connectors/dns");
  EXPECT_TRUE(dns.Object().at("secret_set").at("key_secret").as_bool()) << dns;
  EXPECT_EQ(admin.Get("/api/v1/connectors/gitlab").raw.body.find(kGitLabToken), std::string::npos);
  ASSERT_EQ(admin.Delete("/api/v1/connectors/gitlab").status, 204);
}

TEST_F(ConnectorApiTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  auto admin = server().Admin();
  const auto before = admin.Get("/api/v1/connectors/consul").raw.body;
  struct Case {
    boost::json::object body;
    const char* field;
  };
  for (const auto& c : std::vector<Case>{
           {{{"url", "ftp://consul.example.com"}}, "url"},
           {{{"url", "https://user:pw@consul.example.com"}}, "url"},
           {{{"url", "https://consul.example.com"}, {"user", "u"}}, "user"},
           {{{"url", "https://consul.example.com"}, {"token", 5}}, "token"},
           {{{"datacenter", "dc1"}}, "url"},
       }) {
    auto reply = admin.Put("/api/v1/connectors/consul", c.body);
    EXPECT_EQ(reply.status, 400) << reply;
    EXPECT_EQ(reply.ErrorDetail("field"), c.field) << reply;
  }
  boost::json::object dns_body{{"server", "10.0.0.53"}, {"zone", "z.example"}, {"key_name", "k"}};
  auto dns = admin.Put("/api/v1/connectors/dns", dns_body);
  EXPECT_EQ(dns.status, 400) << "the sandbox's key is not sent to another server: " << dns;
  EXPECT_EQ(dns.ErrorDetail("field"), "key_secret") << dns;
  dns_body["key_secret"] = "c2xpcHdheS10ZXN0LWtleQ==";
  dns = admin.Put("/api/v1/connectors/dns", dns_body);
  EXPECT_EQ(dns.status, 200) << dns;
  ASSERT_EQ(admin.Delete("/api/v1/connectors/dns").status, 204);
  EXPECT_EQ(admin.Put("/api/v1/connectors/svn", {{"url", "https://x"}}).status, 404);
  EXPECT_EQ(admin.Get("/api/v1/connectors/consul").raw.body, before);
  for (const auto& record : ConnectorAudit("consul"))
    EXPECT_NE(Text(record.at("result")), "ok") << boost::json::serialize(record);
}

TEST_F(ConnectorApiTest, OnlyAdmins) {
  const auto developer = server().CreateUser("developer", "conn-nonadmin");
  auto api = server().As(developer);
  EXPECT_EQ(api.Get("/api/v1/connectors").status, 403);
  EXPECT_EQ(api.Get("/api/v1/connectors/jenkins").status, 403);
  EXPECT_EQ(api.Put("/api/v1/connectors/jenkins", Jenkins(kWrongToken)).status, 403);
  EXPECT_EQ(api.Post("/api/v1/connectors/jenkins/test").status, 403);
  EXPECT_EQ(api.Delete("/api/v1/connectors/jenkins").status, 403);
  EXPECT_EQ(server().Admin().Get("/api/v1/connectors/jenkins").Str("source"), "sandbox");
}

}  // namespace
}  // namespace slipway::testing
