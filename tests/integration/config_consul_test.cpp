// Configuration files on Consul through the API against the sandbox
// (R-CFG-1..2): a publish is visible in the Consul emulator, a value changed
// there behind Slipway's back makes the next publish a 409 with both
// versions, and bad input changes nothing.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ConfigConsulTest : public ::testing::TestWithParam<Backend> {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedSandboxServer(GetParam()); }

  void SetUp() override {
    owner_ = server().CreateUser("developer", "cfg-owner");
    app_ = UniqueName("cfg");
    auto app_id = RegisterApprovedApp(server(), owner_, app_);
    auto env = server().As(owner_).Post("/api/v1/apps/" + std::to_string(app_id) + "/environments",
                                        {{"env_type", "test"}, {"cluster", "sandbox"}});
    ASSERT_EQ(env.status, 201) << env;
    env_ = "/api/v1/environments/" + std::to_string(env.Int("id"));
  }

  std::string Key(const std::string& file) {
    return "slipway/config/" + app_ + "/test/sandbox/" + file;
  }

  // The Consul emulator, spoken to directly with the sandbox's token.
  Reply ConsulGet(const std::string& key) {
    return Api(server().SandboxUrl("consul"), "")
        .Send("GET", "/v1/kv/" + key, std::nullopt, {{"X-Consul-Token", "sandbox-consul-token"}});
  }
  void ConsulPut(const std::string& key, const std::string& value) {
    auto put = Api(server().SandboxUrl("consul"), "")
                   .SendRaw("PUT", "/v1/kv/" + key, value, "text/plain",
                            {{"X-Consul-Token", "sandbox-consul-token"}});
    ASSERT_EQ(put.status, 200) << put;
  }
  std::string ConsulValue(const std::string& key) {
    auto raw = Api(server().SandboxUrl("consul"), "")
                   .Send("GET", "/v1/kv/" + key + "?raw", std::nullopt,
                         {{"X-Consul-Token", "sandbox-consul-token"}});
    return raw.status == 200 ? raw.raw.body : "<" + std::to_string(raw.status) + ">";
  }

  Reply SaveDraft(const std::string& file, json::object body) {
    return server().As(owner_).Put(env_ + "/config/files/" + file + "/draft", body);
  }

  TestUser owner_;
  std::string app_;
  std::string env_;
};

TEST_P(ConfigConsulTest, PublishedFileIsTheConsulValueWithItsModifyIndex) {
  auto draft = SaveDraft("app.yaml", {{"content", "server:\n  port: 8080\n"}});
  ASSERT_EQ(draft.status, 200) << draft;
  EXPECT_EQ(draft.Int("base_version"), 0);
  EXPECT_EQ(ConsulValue(Key("app.yaml")), "<404>") << "a draft is not live";

  auto diff = server().As(owner_).Get(env_ + "/config/files/app.yaml/diff");
  ASSERT_EQ(diff.status, 200) << diff;
  EXPECT_EQ(diff.Str("kind"), "lines");
  EXPECT_TRUE(diff.Object().at("changed").as_bool());

  auto published =
      server().As(owner_).Post(env_ + "/config/files/app.yaml/publish", {{"comment", "first"}});
  ASSERT_EQ(published.status, 201) << published;
  EXPECT_EQ(ConsulValue(Key("app.yaml")), "server:\n  port: 8080\n");
  auto entry = ConsulGet(Key("app.yaml"));
  ASSERT_EQ(entry.status, 200) << entry;
  EXPECT_EQ(published.Int("version_after"),
            entry.json.as_array().at(0).at("ModifyIndex").as_int64());
  EXPECT_EQ(published.Str("location"), Key("app.yaml"));

  auto file = server().As(owner_).Get(env_ + "/config/files/app.yaml");
  ASSERT_EQ(file.status, 200) << file;
  EXPECT_EQ(Text(file.Object().at("live").at("content")), "server:\n  port: 8080\n");
  EXPECT_TRUE(file.Object().at("draft").is_null());
  auto history = server().As(owner_).Get(env_ + "/config/history");
  ASSERT_EQ(history.status, 200) << history;
  ASSERT_EQ(history.Object().at("items").as_array().size(), 1u);
  const auto& record = history.Object().at("items").at(0).as_object();
  EXPECT_EQ(Text(record.at("actor")), owner_.username);
  EXPECT_EQ(Text(record.at("comment")), "first");
  EXPECT_EQ(Text(record.at("diff").at("kind")), "lines");

  auto admin = server().Admin();
  auto actions = AuditOf(admin, "environment:" + env_.substr(env_.rfind('/') + 1));
  ASSERT_GE(actions.size(), 2u);
  EXPECT_EQ(Text(actions[0].at("action")), "config.publish");
  EXPECT_EQ(Text(actions[1].at("action")), "config.draft.save");
}

TEST_P(ConfigConsulTest, ValueChangedInConsulBehindSlipwaysBackIs409WithBothVersions) {
  ConsulPut(Key("db.properties"), "pool=10\n");
  auto draft = SaveDraft("db.properties", {{"content", "pool=20\n"}});
  ASSERT_EQ(draft.status, 200) << draft;
  const auto base = draft.Int("base_version");
  EXPECT_GT(base, 0);
  ConsulPut(Key("db.properties"), "pool=30\n");
  const auto live =
      ConsulGet(Key("db.properties")).json.as_array().at(0).at("ModifyIndex").as_int64();

  auto refused =
      server().As(owner_).Post(env_ + "/config/files/db.properties/publish", json::object{});
  ASSERT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(refused.ErrorCode(), "conflict");
  EXPECT_EQ(refused.ErrorDetail("reason"), "live_changed");
  EXPECT_EQ(refused.ErrorDetail("base_version"), std::to_string(base));
  EXPECT_EQ(refused.ErrorDetail("live_version"), std::to_string(live));
  EXPECT_EQ(refused.ErrorDetail("live_content"), "pool=30\n");
  EXPECT_EQ(ConsulValue(Key("db.properties")), "pool=30\n") << "not overwritten";

  auto diff = server().As(owner_).Get(env_ + "/config/files/db.properties/diff");
  EXPECT_TRUE(diff.Object().at("stale").as_bool());
  EXPECT_EQ(diff.Str("kind"), "keys");

  auto rebased = SaveDraft("db.properties", {{"content", "pool=40\n"}, {"rebase", true}});
  ASSERT_EQ(rebased.status, 200) << rebased;
  EXPECT_EQ(rebased.Int("base_version"), live);
  auto published =
      server().As(owner_).Post(env_ + "/config/files/db.properties/publish", json::object{});
  ASSERT_EQ(published.status, 201) << published;
  EXPECT_EQ(ConsulValue(Key("db.properties")), "pool=40\n");
}

TEST_P(ConfigConsulTest, BadInputIsA4xxAndChangesNothing) {
  auto viewer = server().CreateUser("viewer", "cfg-viewer");
  struct Case {
    std::string path;
    json::object body;
    long status;
    std::string code;
  };
  for (const auto& c :
       {Case{"/config/files/app.json/draft", {{"content", "{oops"}}, 400, "invalid"},
        Case{"/config/files/app.yaml/draft", {{"content", "a: [1\n"}}, 400, "invalid"},
        Case{"/config/files/app.properties/draft", {{"content", "no separator\n"}}, 400, "invalid"},
        Case{"/config/files/app.yaml/draft", {{"text", "a: 1"}}, 400, "invalid"},
        Case{"/config/files/a%20b.yaml/draft", {{"content", "a: 1"}}, 400, "invalid"},
        Case{"/config/files/app.yaml/publish", {}, 404, "not_found"}}) {
    auto reply = server().As(owner_).Send(c.path.ends_with("publish") ? "POST" : "PUT",
                                          env_ + c.path, c.body);
    EXPECT_EQ(reply.status, c.status) << c.path << " " << reply;
    EXPECT_EQ(reply.ErrorCode(), c.code) << c.path;
  }
  auto forbidden =
      server().As(viewer).Put(env_ + "/config/files/app.yaml/draft", {{"content", "a: 1\n"}});
  EXPECT_EQ(forbidden.status, 403) << forbidden;
  auto unknown = server().As(owner_).Put("/api/v1/environments/987654/config/files/app.yaml/draft",
                                         {{"content", "a: 1\n"}});
  EXPECT_EQ(unknown.status, 404) << unknown;
  auto files = server().As(viewer).Get(env_ + "/config/files");
  ASSERT_EQ(files.status, 200) << files;
  EXPECT_TRUE(files.Object().at("items").as_array().empty()) << files;
  EXPECT_EQ(ConsulValue(Key("app.yaml")), "<404>");
}

INSTANTIATE_TEST_SUITE_P(Backends, ConfigConsulTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
