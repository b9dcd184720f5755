// Deleting a live configuration file through the API against the sandbox's
// Consul and Apollo emulators: the key is gone (Consul) or the namespace is
// released empty (Apollo), the deletion is in the history with the content
// the file had and in the audit log; a file changed since the version the
// caller saw is a 409, a backend outage a 503, bad input a 400 naming the
// field — and none of those changes anything.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

// The configuration system and the database: each deletion path on both.
class ConfigDeleteTest : public ::testing::TestWithParam<std::tuple<std::string, Backend>> {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedSandboxServer(std::get<1>(GetParam())); }
  const std::string& system() const { return std::get<0>(GetParam()); }
  bool apollo() const { return system() == "apollo"; }

  void SetUp() override {
    owner_ = server().CreateUser("developer", "cfg-del");
    app_ = UniqueName("del");
    auto app_id = RegisterApprovedApp(server(), owner_, app_);
    auto env = server().As(owner_).Post(
        "/api/v1/apps/" + std::to_string(app_id) + "/environments",
        {{"env_type", "test"}, {"cluster", "sandbox"}, {"config_backend", system()}});
    ASSERT_EQ(env.status, 201) << env;
    env_id_ = std::to_string(env.Int("id"));
    env_ = "/api/v1/environments/" + env_id_;
  }

  Reply Publish(const std::string& file, const std::string& content) {
    auto draft =
        server().As(owner_).Put(env_ + "/config/files/" + file + "/draft", {{"content", content}});
    EXPECT_EQ(draft.status, 200) << draft;
    auto published = server().As(owner_).Post(env_ + "/config/files/" + file + "/publish",
                                              {{"comment", "via test"}});
    EXPECT_EQ(published.status, 201) << published;
    return published;
  }
  Reply Delete(const std::string& file, const std::string& query = "",
               const std::optional<json::value>& body = std::nullopt) {
    return server().As(owner_).Send("DELETE", env_ + "/config/files/" + file + query, body);
  }

  Api Sandbox(const std::string& system) { return Api(server().SandboxUrl(system), ""); }
  // What applications would read: the Consul value, or Apollo's latest release.
  std::string Backend(const std::string& file) {
    if (!apollo()) {
      auto raw = Sandbox("consul").Send("GET", "/v1/kv/" + ConsulKey(file) + "?raw", std::nullopt,
                                        {{"X-Consul-Token", "sandbox-consul-token"}});
      return raw.status == 200 ? raw.raw.body : "<" + std::to_string(raw.status) + ">";
    }
    const std::string ns = file.ends_with(".properties") ? file.substr(0, file.rfind('.')) : file;
    auto latest =
        Sandbox("apollo").Send("GET",
                               "/openapi/v1/envs/FAT/apps/" + app_ +
                                   "/clusters/sandbox/namespaces/" + ns + "/releases/latest",
                               std::nullopt, {{"Authorization", "sandbox-apollo-token"}});
    if (latest.status != 200) return "<" + std::to_string(latest.status) + ">";
    return json::serialize(latest.Object().at("configurations")) + " " +
           Text(latest.Object().at("name")).substr(14);  // the title after its time stamp
  }
  std::string ConsulKey(const std::string& file) {
    return "slipway/config/" + app_ + "/test/sandbox/" + file;
  }
  void InjectFault(const std::string& system, const json::object& rule) {
    auto added = Sandbox(system).Post("/_sandbox/faults", rule);
    ASSERT_EQ(added.status, 201) << added;
  }
  std::string LiveContent(const std::string& file) {
    auto got = server().As(owner_).Get(env_ + "/config/files/" + file);
    return got.status == 200 ? Text(got.Object().at("live").at("content"))
                             : "<" + std::to_string(got.status) + ">";
  }
  std::size_t HistorySize() {
    return server().As(owner_).Get(env_ + "/config/history").Object().at("items").as_array().size();
  }

  TestUser owner_;
  std::string app_;
  std::string env_id_;
  std::string env_;
};

TEST_P(ConfigDeleteTest, ALiveFileIsDeletedRecordedWithItsContentAndAudited) {
  auto published = Publish("app.properties", "limit=10\nmode=a\n");
  const auto version = published.Int("version_after");

  auto deleted = Delete("app.properties", "?version=" + std::to_string(version),
                        json::object{{"comment", "no longer read"}});
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_EQ(deleted.Str("action"), "delete");
  EXPECT_EQ(deleted.Int("version_after"), 0);
  EXPECT_EQ(deleted.Int("base_version"), version);
  EXPECT_EQ(deleted.Str("content"), "limit=10\nmode=a\n");
  EXPECT_EQ(deleted.Str("actor"), owner_.username);
  EXPECT_EQ(deleted.Str("comment"), "no longer read");
  EXPECT_EQ(Text(deleted.Object().at("diff").at("keys").at(0).at("change")), "removed");
  EXPECT_EQ(Backend("app.properties"), apollo() ? "{} -slipway-deleted" : "<404>");

  EXPECT_EQ(server().As(owner_).Get(env_ + "/config/files/app.properties").status, 404);
  auto files = server().As(owner_).Get(env_ + "/config/files");
  for (const auto& f : files.Object().at("items").as_array()) {
    EXPECT_NE(Text(f.at("name")), "app.properties") << files;
  }
  auto history = server().As(owner_).Get(env_ + "/config/history?file=app.properties");
  ASSERT_EQ(history.status, 200) << history;
  const auto& items = history.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << history;
  EXPECT_EQ(Text(items.at(0).at("action")), "delete");
  EXPECT_EQ(Text(items.at(1).at("action")), "publish");
  auto record = server().As(owner_).Get(env_ + "/config/history/" +
                                        std::to_string(items.at(0).at("id").as_int64()));
  EXPECT_EQ(record.Str("content"), "limit=10\nmode=a\n") << "can be seen and re-created";

  auto admin = server().Admin();
  auto audit = AuditOf(admin, "environment:" + env_id_);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(Text(audit[0].at("action")), "config.delete");
  EXPECT_EQ(Text(audit[0].at("actor")), owner_.username);

  EXPECT_EQ(Delete("app.properties").status, 404) << "nothing live any more";
  // Created again.
  Publish("app.properties", "mode=b\n");
  EXPECT_EQ(Backend("app.properties"), apollo() ? R"({"mode":"b"} -slipway)" : "mode=b\n");
}

TEST_P(ConfigDeleteTest, AFileChangedSinceTheVersionSeenIs409AndStaysLive) {
  auto first = Publish("app.yaml", "a: 1\n");
  Publish("app.yaml", "a: 2\n");
  auto refused = Delete("app.yaml", "", json::object{{"version", first.Int("version_after")}});
  ASSERT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(refused.ErrorDetail("reason"), "live_changed");
  EXPECT_EQ(refused.ErrorDetail("expected_version"), std::to_string(first.Int("version_after")));
  EXPECT_EQ(refused.ErrorDetail("live_content"), "a: 2\n");
  EXPECT_EQ(LiveContent("app.yaml"), "a: 2\n");
  EXPECT_EQ(HistorySize(), 2u);
}

TEST_P(ConfigDeleteTest, BadInputIsA400NamingTheFieldAndOthersMayNotDelete) {
  Publish("app.yaml", "a: 1\n");
  struct Case {
    std::string query;
    std::optional<json::value> body;
    std::string field;
  };
  for (const auto& c :
       {Case{"?version=abc", std::nullopt, "version"}, Case{"?version=0", std::nullopt, "version"},
        Case{"", json::object{{"version", "1"}}, "version"},
        Case{"?version=5", json::object{{"version", 6}}, "version"},
        Case{"", json::object{{"force", true}}, "force"}}) {
    auto bad = Delete("app.yaml", c.query, c.body);
    EXPECT_EQ(bad.status, 400) << c.query << " " << bad;
    EXPECT_EQ(bad.ErrorDetail("field"), c.field) << bad;
  }
  EXPECT_EQ(Delete("a%20b.yaml").status, 400);
  auto viewer = server().CreateUser("viewer", "cfg-del-viewer");
  EXPECT_EQ(server().As(viewer).Send("DELETE", env_ + "/config/files/app.yaml").status, 403);
  auto stranger = server().CreateUser("developer", "cfg-del-other");
  EXPECT_EQ(server().As(stranger).Send("DELETE", env_ + "/config/files/app.yaml").status, 403);
  EXPECT_EQ(server()
                .As(owner_)
                .Send("DELETE", "/api/v1/environments/987654/config/files/app.yaml")
                .status,
            404);
  EXPECT_EQ(Delete("never.yaml").status, 404);
  EXPECT_EQ(Backend("app.yaml"), apollo() ? R"({"content":"a: 1\n"} -slipway)" : "a: 1\n");
  EXPECT_EQ(HistorySize(), 1u);
}

TEST_P(ConfigDeleteTest, ABackendOutageIs503AndTheDeletionCanBeRepeated) {
  Publish("app.yaml", "a: 1\n");
  // Consul: the conditional DELETE fails. Apollo: the release after the item deletions does.
  if (apollo()) {
    InjectFault("apollo", {{"method", "POST"},
                           {"path_prefix", "/openapi/v1/envs/FAT/apps/" + app_ +
                                               "/clusters/sandbox/namespaces/app.yaml/releases"},
                           {"count", 1000},
                           {"status", 503}});
  } else {
    InjectFault("consul", {{"method", "DELETE"},
                           {"path_prefix", "/v1/kv/" + ConsulKey("app.yaml")},
                           {"count", 1000},
                           {"status", 503}});
  }
  auto failed = Delete("app.yaml");
  EXPECT_EQ(failed.status, 503) << failed;
  EXPECT_EQ(LiveContent("app.yaml"), "a: 1\n") << "still live";
  EXPECT_EQ(HistorySize(), 1u) << "no deletion recorded";
  ASSERT_LT(Sandbox(system()).Delete("/_sandbox/faults").status, 300);

  auto deleted = Delete("app.yaml");
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_EQ(Backend("app.yaml"), apollo() ? "{} -slipway-deleted" : "<404>");
  EXPECT_EQ(HistorySize(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    ConfigBackends, ConfigDeleteTest,
    ::testing::Combine(::testing::Values("consul", "apollo"),
                       ::testing::Values(Backend::kSqlite, Backend::kPostgres)),
    [](const ::testing::TestParamInfo<std::tuple<std::string, Backend>>& info) {
      return std::get<0>(info.param) + "_" + BackendName(std::get<1>(info.param));
    });

}  // namespace
}  // namespace slipway::testing
