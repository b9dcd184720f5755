// Configuration files on Apollo through the API against the sandbox: an
// environment whose config backend is Apollo publishes to its cluster's
// namespaces (items + release), visible in the Apollo emulator; a release
// made in the portal since the draft makes the publish a 409.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ConfigApolloTest : public ::testing::TestWithParam<Backend> {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedSandboxServer(GetParam()); }

  void SetUp() override {
    owner_ = server().CreateUser("developer", "apollo-owner");
    app_ = UniqueName("apl");
    auto app_id = RegisterApprovedApp(server(), owner_, app_);
    auto env = server().As(owner_).Post(
        "/api/v1/apps/" + std::to_string(app_id) + "/environments",
        {{"env_type", "test"}, {"cluster", "sandbox"}, {"config_backend", "apollo"}});
    ASSERT_EQ(env.status, 201) << env;
    env_ = "/api/v1/environments/" + std::to_string(env.Int("id"));
  }

  // The Apollo portal emulator with the sandbox's token (sent raw, as Apollo wants).
  Reply Portal(const std::string& method, const std::string& path,
               const std::optional<json::value>& body = std::nullopt) {
    return Api(server().SandboxUrl("apollo"), "")
        .Send(method, "/openapi/v1/envs/FAT/apps/" + app_ + "/clusters/sandbox/namespaces/" + path,
              body, {{"Authorization", "sandbox-apollo-token"}});
  }

  Reply Publish(const std::string& file, const std::string& content) {
    auto draft =
        server().As(owner_).Put(env_ + "/config/files/" + file + "/draft", {{"content", content}});
    EXPECT_EQ(draft.status, 200) << draft;
    return server().As(owner_).Post(env_ + "/config/files/" + file + "/publish",
                                    {{"comment", "via test"}});
  }

  TestUser owner_;
  std::string app_;
  std::string env_;
};

TEST_P(ConfigApolloTest, PropertiesAndYamlAreReleasedInTheSlipwayClusterOfTheMappedEnv) {
  auto props = Publish("application.properties", "timeout=3000\nurl=jdbc:mysql://db/x\n");
  ASSERT_EQ(props.status, 201) << props;
  EXPECT_EQ(props.Str("location"), "FAT/" + app_ + "/sandbox/application");
  auto latest = Portal("GET", "application/releases/latest");
  ASSERT_EQ(latest.status, 200) << latest;
  EXPECT_EQ(latest.Int("id"), props.Int("version_after"));
  const auto& config = latest.Object().at("configurations").as_object();
  EXPECT_EQ(Text(config.at("timeout")), "3000");
  EXPECT_EQ(Text(config.at("url")), "jdbc:mysql://db/x");
  EXPECT_EQ(config.size(), 2u);

  auto yaml = Publish("app.yaml", "server:\n  port: 8080\n");
  ASSERT_EQ(yaml.status, 201) << yaml;
  auto yaml_release = Portal("GET", "app.yaml/releases/latest");
  ASSERT_EQ(yaml_release.status, 200) << yaml_release;
  EXPECT_EQ(Text(yaml_release.Object().at("configurations").at("content")),
            "server:\n  port: 8080\n");

  auto files = server().As(owner_).Get(env_ + "/config/files");
  ASSERT_EQ(files.status, 200) << files;
  std::vector<std::string> names;
  for (const auto& f : files.Object().at("items").as_array()) names.push_back(Text(f.at("name")));
  EXPECT_EQ(names, (std::vector<std::string>{"app.yaml", "application.properties"}));
}

TEST_P(ConfigApolloTest, AReleaseMadeInThePortalSinceTheDraftIs409) {
  ASSERT_EQ(Publish("application.properties", "a=1\n").status, 201);
  auto draft = server().As(owner_).Put(env_ + "/config/files/application.properties/draft",
                                       {{"content", "a=2\n"}});
  ASSERT_EQ(draft.status, 200) << draft;
  auto edit =
      Portal("PUT", "application/items/a",
             json::object{{"key", "a"}, {"value", "9"}, {"dataChangeLastModifiedBy", "carol"}});
  ASSERT_EQ(edit.status, 200) << edit;
  auto theirs = Portal("POST", "application/releases",
                       json::object{{"releaseTitle", "hotfix"}, {"releasedBy", "carol"}});
  ASSERT_EQ(theirs.status, 200) << theirs;

  auto refused = server().As(owner_).Post(env_ + "/config/files/application.properties/publish",
                                          json::object{});
  ASSERT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(refused.ErrorDetail("reason"), "live_changed");
  EXPECT_EQ(refused.ErrorDetail("base_version"), std::to_string(draft.Int("base_version")));
  EXPECT_EQ(refused.ErrorDetail("live_version"), std::to_string(theirs.Int("id")));
  EXPECT_EQ(refused.ErrorDetail("live_content"), "a=9\n");
  auto latest = Portal("GET", "application/releases/latest");
  EXPECT_EQ(latest.Int("id"), theirs.Int("id")) << "no release by Slipway";
}

INSTANTIATE_TEST_SUITE_P(Backends, ConfigApolloTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
