// The config service on Apollo: files as namespaces of the Slipway cluster,
// properties as items, other formats as the `content` item, publish = item
// changes + release.
#include "services/config/config_service.hpp"
#include "services/config/config_service_test_fixture.hpp"

namespace slipway::services {
namespace {

using connectors::ApolloNamespaceRef;

class ConfigServiceApolloTest : public ConfigServiceTest {
 protected:
  void SetUp() override {
    ConfigServiceTest::SetUp();
    env_ = AddEnv("prod", core::ConfigBackend::kApollo);
  }

  std::map<std::string, std::string> Released(const std::string& ns,
                                              const std::string& cluster = "bj") {
    auto release = apollo_->store().LatestRelease({"PRO", "order-svc", cluster, ns});
    if (!release.ok() || !*release) return {{"<none>", ""}};
    return (*release)->configurations;
  }

  std::string env_;
};

TEST_F(ConfigServiceApolloTest, PropertiesBecomeItemsOfTheSlipwayClusterAndARelease) {
  EXPECT_FALSE(apollo_->store().GetCluster("PRO", "order-svc", "bj").ok()) << "no cluster yet";
  EXPECT_TRUE(service_->List(alice_, env_)->empty()) << "a missing cluster holds no files";
  Save(env_, "application.properties", "# pool\ntimeout=3000\nurl=jdbc:mysql://db/x\n");
  auto published = Publish(env_, "application.properties", "first");
  EXPECT_EQ(published.location, "PRO/order-svc/bj/application");
  EXPECT_EQ(Released("application"), (std::map<std::string, std::string>{
                                         {"timeout", "3000"}, {"url", "jdbc:mysql://db/x"}}));
  auto release = apollo_->store().LatestRelease({"PRO", "order-svc", "bj", "application"}).value();
  EXPECT_EQ(published.version_after, release->id);
  EXPECT_EQ(release->comment, "first");
  EXPECT_EQ(release->released_by, "alice") << "no apollo_operator: the Slipway user";
  EXPECT_EQ(Released("application", "default"),
            (std::map<std::string, std::string>{{"<none>", ""}}))
      << "the default cluster is untouched";

  // Removing and changing keys: item deletes and updates, then a new release.
  Save(env_, "application.properties", "timeout=5000\n");
  auto second = Publish(env_, "application.properties");
  EXPECT_EQ(Released("application"), (std::map<std::string, std::string>{{"timeout", "5000"}}));
  EXPECT_GT(second.version_after, published.version_after);
  EXPECT_EQ(second.base_version, published.version_after);
  auto file = service_->Get(vic_, env_, "application.properties");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->live.content, "timeout=5000\n");
  EXPECT_EQ(file->live.version, second.version_after);
}

TEST_F(ConfigServiceApolloTest, OtherFormatsAreOneContentItemInANamespaceCreatedOnFirstPublish) {
  Save(env_, "app.yaml", "server:\n  port: 8080\n");
  Publish(env_, "app.yaml");
  EXPECT_EQ(Released("app.yaml"),
            (std::map<std::string, std::string>{{"content", "server:\n  port: 8080\n"}}));
  auto calls = apollo_->calls();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "CreateCluster"), 1);
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "CreateAppNamespace"), 1);
  auto list = service_->List(vic_, env_);
  ASSERT_TRUE(list.ok());
  std::vector<std::string> names;
  for (const auto& f : *list) names.push_back(f.name + (f.live.exists ? "+" : "-"));
  EXPECT_EQ(names, (std::vector<std::string>{"app.yaml+", "application.properties-"}))
      << "the app's default namespace exists, never released";
}

TEST_F(ConfigServiceApolloTest, AReleaseMadeInApolloSinceTheDraftIs409) {
  Save(env_, "application.properties", "a=1\n");
  Publish(env_, "application.properties");
  Save(env_, "application.properties", "a=2\n");
  ApolloNamespaceRef ns{"PRO", "order-svc", "bj", "application"};
  ASSERT_TRUE(apollo_->store().UpdateItem(ns, {"a", "9", "", {}, {}, {}, {}}, "carol").ok());
  auto theirs = apollo_->store().Publish(ns, "hotfix", "", "carol");
  ASSERT_TRUE(theirs.ok());
  auto refused = PublishAs(alice_, env_, "application.properties", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("live_version").as_int64(), theirs->id);
  EXPECT_EQ(refused.error().details.at("live_content").as_string(), "a=9\n");
  EXPECT_EQ(Released("application"), (std::map<std::string, std::string>{{"a", "9"}}));
}

TEST_F(ConfigServiceApolloTest, UnreleasedEditsInThePortalAreNotReleasedBySlipway) {
  Save(env_, "application.properties", "a=1\n");
  Publish(env_, "application.properties");
  Save(env_, "application.properties", "a=2\n");
  ApolloNamespaceRef ns{"PRO", "order-svc", "bj", "application"};
  ASSERT_TRUE(
      apollo_->store().UpdateItem(ns, {"b", "half-done", "", {}, {}, {}, {}}, "carol", true).ok());
  auto refused = PublishAs(alice_, env_, "application.properties", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "unreleased_changes");
  EXPECT_EQ(Released("application"), (std::map<std::string, std::string>{{"a", "1"}}));
}

TEST_F(ConfigServiceApolloTest, AFailedReleaseCanBeRetried) {
  Save(env_, "application.properties", "a=1\n");
  apollo_->FailNext("Publish", core::Error{core::Code::kTransient, "apollo: 503", {}});
  auto failed = PublishAs(alice_, env_, "application.properties", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, core::Code::kTransient);
  EXPECT_TRUE(service_->History(alice_, env_, "", 50, std::nullopt)->items.empty());
  // The items were changed, not released; the retry releases them.
  Publish(env_, "application.properties");
  EXPECT_EQ(Released("application"), (std::map<std::string, std::string>{{"a", "1"}}));
}

TEST_F(ConfigServiceApolloTest, WhatApolloCannotHoldIsRefusedBeforeAnyWrite) {
  struct Case {
    std::string name;
    std::string content;
    std::string field;
  };
  for (const auto& c :
       {Case{"nginx.conf", "x", "name"}, Case{"log_level", "debug", "name"},
        Case{"a.json.yaml", "a: 1", "name"}, Case{std::string(30, 'n') + ".yaml", "a: 1", "name"},
        Case{"application.properties", std::string(129, 'k') + "=1\n", "content"},
        Case{"big.txt", std::string(20'001, 'x'), "content"}}) {
    auto r = SaveDraft(alice_, env_, c.name, {{"content", c.content}});
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << c.name;
    EXPECT_EQ(r.error().details.at("field").as_string(), c.field) << c.name;
  }
  EXPECT_TRUE(
      SaveDraft(alice_, env_, "utf.txt", {{"content", std::string(6'000, 'x') + "中文"}}).ok())
      << "Apollo counts characters, not bytes";
  EXPECT_TRUE(apollo_->calls().size() <= 1u) << "at most the live read of the one valid draft";
}

TEST_F(ConfigServiceApolloTest, AServiceOperatorPublishesAndTheUserIsNamedInTheComment) {
  settings_.apollo_operator = "slipway";
  Restart();
  Save(env_, "application.properties", "a=1\n");
  Publish(env_, "application.properties", "raise a");
  auto release = apollo_->store().LatestRelease({"PRO", "order-svc", "bj", "application"}).value();
  EXPECT_EQ(release->released_by, "slipway");
  EXPECT_EQ(release->comment, "raise a (by alice via Slipway)");
}

TEST_F(ConfigServiceApolloTest, EnvTypesMapToApolloEnvs) {
  settings_.apollo_envs = {{"prod", "PRO"}};
  Restart();
  auto dev = AddEnv("dev", core::ConfigBackend::kApollo);
  Save(dev, "application.properties", "a=1\n");
  EXPECT_EQ(Publish(dev, "application.properties").location, "DEV/order-svc/bj/application")
      << "unmapped env types are upper-cased";
  auto staging = AddEnv("staging", core::ConfigBackend::kApollo);
  auto refused = SaveDraft(alice_, staging, "application.properties", {{"content", "a=1\n"}});
  ASSERT_FALSE(refused.ok()) << "the portal has no STAGING env";
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "backend_refused");
}

}  // namespace
}  // namespace slipway::services
