// The ApolloPortal contract: the same assertions on the fake and on the real
// client talking to the sandbox emulator over HTTP.
#include <gtest/gtest.h>

#include <memory>

#include "connectors/apollo/client.hpp"
#include "connectors/apollo/fake.hpp"
#include "sandbox/apollo/apollo_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::apollo {
namespace {

using namespace std::chrono_literals;

enum class Target { kFake, kEmulator };

PortalStore::Options StoreOptions() {
  PortalStore::Options o;
  o.users = {"ops", "alice"};
  return o;
}

class ApolloContract : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    if (GetParam() == Target::kFake) {
      auto fake = std::make_unique<FakeApolloPortal>(StoreOptions());
      fake->store().AddApp("web", {"application", "datasource.yml"});
      portal_ = std::move(fake);
      return;
    }
    sandbox::ApolloEmulatorOptions options;
    options.tokens["good-token"] = {"*"};
    options.store = StoreOptions();
    auto emulator = std::make_unique<sandbox::ApolloEmulator>(options);
    emulator->store().AddApp("web", {"application", "datasource.yml"});
    host_ = std::make_unique<sandbox::SandboxHost>();
    host_->Add(std::move(emulator));
    host_->Start();
    ApolloSettings settings;
    settings.transport.base_url = host_->endpoints().at("apollo");
    settings.transport.retry_backoff = 5ms;
    settings.token = "good-token";
    portal_ = std::make_unique<ApolloClient>(settings);
  }

  const ApolloNamespaceRef app_{"DEV", "web", "default", "application"};
  std::unique_ptr<sandbox::SandboxHost> host_;
  std::unique_ptr<ApolloPortal> portal_;
};

TEST_P(ApolloContract, DefaultClusterAndItsNamespaces) {
  auto cluster = portal_->GetCluster("DEV", "web", "default");
  ASSERT_TRUE(cluster.ok()) << cluster.error().message;
  EXPECT_EQ(cluster->name, "default");
  EXPECT_EQ(cluster->app_id, "web");
  auto namespaces = portal_->ListNamespaces("DEV", "web", "default");
  ASSERT_TRUE(namespaces.ok());
  ASSERT_EQ(namespaces->size(), 2u);
  EXPECT_EQ((*namespaces)[0].name, "application");
  EXPECT_EQ((*namespaces)[0].format, "properties");
  EXPECT_EQ((*namespaces)[1].format, "yml");
  EXPECT_EQ(portal_->GetCluster("DEV", "web", "nope").error().code, core::Code::kNotFound);
  EXPECT_EQ(portal_->GetCluster("DEV", "nobody", "default").error().code, core::Code::kNotFound);
}

TEST_P(ApolloContract, ItemsCreateUpdateDeleteWithOperators) {
  auto created = portal_->CreateItem(app_, {"timeout", "3000", "ms", {}, {}, {}, {}}, "ops");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->created_by, "ops");
  auto duplicate = portal_->CreateItem(app_, {"timeout", "1", "", {}, {}, {}, {}}, "ops");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, core::Code::kConflict);
  EXPECT_NE(duplicate.error().message.find("item already exists for itemKey:timeout"),
            std::string::npos)
      << duplicate.error().message;

  ASSERT_TRUE(
      portal_->UpdateItem(app_, {"timeout", "5000", "slower", {}, {}, {}, {}}, "alice").ok());
  auto missing = portal_->UpdateItem(app_, {"absent", "1", "", {}, {}, {}, {}}, "alice");
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
  ASSERT_TRUE(
      portal_->UpdateItem(app_, {"db/url", "jdbc:x", "", {}, {}, {}, {}}, "alice", true).ok())
      << "keys with '/' go through encodedItems";

  auto ns = portal_->GetNamespace(app_);
  ASSERT_TRUE(ns.ok()) << ns.error().message;
  ASSERT_EQ(ns->items.size(), 2u);
  EXPECT_EQ(ns->items[0].key, "timeout");
  EXPECT_EQ(ns->items[0].value, "5000");
  EXPECT_EQ(ns->items[0].created_by, "ops");
  EXPECT_EQ(ns->items[0].modified_by, "alice");
  EXPECT_EQ(ns->items[1].key, "db/url");

  ASSERT_TRUE(portal_->DeleteItem(app_, "db/url", "ops").ok());
  EXPECT_EQ(portal_->DeleteItem(app_, "db/url", "ops").error().code, core::Code::kNotFound);
  EXPECT_EQ(portal_->GetNamespace(app_)->items.size(), 1u);
}

TEST_P(ApolloContract, UnknownOperatorAndLimitsAreInvalid) {
  auto who = portal_->CreateItem(app_, {"a", "1", "", {}, {}, {}, {}}, "mallory");
  ASSERT_FALSE(who.ok());
  EXPECT_EQ(who.error().code, core::Code::kInvalid);
  EXPECT_NE(who.error().message.find("user mallory not exists"), std::string::npos);
  auto long_key =
      portal_->CreateItem(app_, {std::string(129, 'k'), "1", "", {}, {}, {}, {}}, "ops");
  EXPECT_EQ(long_key.error().code, core::Code::kInvalid);
  auto missing_ns = portal_->GetNamespace({"DEV", "web", "default", "nothing"});
  EXPECT_EQ(missing_ns.error().code, core::Code::kNotFound);
}

TEST_P(ApolloContract, PublishSnapshotsItemsAndLatestReleaseFollows) {
  auto none = portal_->LatestRelease(app_);
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(portal_->CreateItem(app_, {"timeout", "3000", "", {}, {}, {}, {}}, "ops").ok());
  auto first = portal_->Publish(app_, "20260501-1", "deploy 1.4.3", "alice");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->title, "20260501-1");
  EXPECT_EQ(first->comment, "deploy 1.4.3");
  EXPECT_EQ(first->configurations.at("timeout"), "3000");

  ASSERT_TRUE(portal_->UpdateItem(app_, {"timeout", "5000", "", {}, {}, {}, {}}, "ops").ok());
  auto latest = portal_->LatestRelease(app_);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->configurations.at("timeout"), "3000")
      << "edits are invisible until released";
  EXPECT_EQ((*latest)->id, first->id);

  auto second = portal_->Publish(app_, "20260501-2", "", "ops");
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->id, first->id);
  EXPECT_EQ(portal_->LatestRelease(app_).value()->configurations.at("timeout"), "5000");
  EXPECT_EQ(portal_->Publish(app_, std::string(65, 't'), "", "ops").error().code,
            core::Code::kInvalid);
}

TEST_P(ApolloContract, CreateClusterGivesItTheAppNamespaces) {
  auto created = portal_->CreateCluster("DEV", "web", "feature-x", "ops");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->name, "feature-x");
  auto again = portal_->CreateCluster("DEV", "web", "feature-x", "ops");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_NE(again.error().message.find("cluster already exists"), std::string::npos);
  auto namespaces = portal_->ListNamespaces("DEV", "web", "feature-x");
  ASSERT_TRUE(namespaces.ok());
  EXPECT_EQ(namespaces->size(), 2u);
  EXPECT_TRUE((*namespaces)[0].items.empty());
  EXPECT_EQ(portal_->GetCluster("FAT", "web", "feature-x").error().code, core::Code::kNotFound)
      << "clusters are per environment";
  EXPECT_EQ(portal_->CreateCluster("DEV", "web", "feature/x", "ops").error().code,
            core::Code::kInvalid)
      << "a branch name with a slash is no cluster name";
}

TEST_P(ApolloContract, DeleteClusterRemovesItsNamespacesButNeverDefault) {
  ASSERT_TRUE(portal_->CreateCluster("DEV", "web", "lane-1", "ops").ok());
  ApolloNamespaceRef lane{"DEV", "web", "lane-1", "application"};
  ASSERT_TRUE(portal_->CreateItem(lane, {"k", "v", "", {}, {}, {}, {}}, "ops").ok());
  ASSERT_TRUE(portal_->Publish(lane, "lane", "", "ops").ok());
  EXPECT_EQ(portal_->DeleteCluster("DEV", "web", "lane-1", "mallory").error().code,
            core::Code::kInvalid)
      << "unknown operator";
  auto deleted = portal_->DeleteCluster("DEV", "web", "lane-1", "ops");
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(portal_->GetCluster("DEV", "web", "lane-1").error().code, core::Code::kNotFound);
  EXPECT_EQ(portal_->GetNamespace(lane).error().code, core::Code::kNotFound);
  auto again = portal_->DeleteCluster("DEV", "web", "lane-1", "ops");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kNotFound);
  auto base = portal_->DeleteCluster("DEV", "web", "default", "ops");
  ASSERT_FALSE(base.ok());
  EXPECT_EQ(base.error().code, core::Code::kInvalid);
  EXPECT_NE(base.error().message.find("can not delete default cluster"), std::string::npos)
      << base.error().message;
  EXPECT_TRUE(portal_->GetCluster("DEV", "web", "default").ok());
  // A cluster of the same name can be created again, empty.
  ASSERT_TRUE(portal_->CreateCluster("DEV", "web", "lane-1", "ops").ok());
  auto fresh = portal_->GetNamespace(lane);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(fresh->items.empty());
}

TEST_P(ApolloContract, CreateAppNamespaceAppendsTheFormatAndReachesEveryCluster) {
  ASSERT_TRUE(portal_->CreateCluster("DEV", "web", "bj", "ops").ok());
  auto yaml = portal_->CreateAppNamespace("web", "app", "yaml", "ops");
  ASSERT_TRUE(yaml.ok()) << yaml.error().message;
  EXPECT_EQ(*yaml, "app.yaml");
  auto props = portal_->CreateAppNamespace("web", "redis", "properties", "ops");
  ASSERT_TRUE(props.ok()) << props.error().message;
  EXPECT_EQ(*props, "redis");
  for (const char* cluster : {"default", "bj"}) {
    auto ns = portal_->GetNamespace({"DEV", "web", cluster, "app.yaml"});
    ASSERT_TRUE(ns.ok()) << cluster << ": " << ns.error().message;
    EXPECT_EQ(ns->format, "yaml");
    EXPECT_TRUE(ns->items.empty());
  }
  EXPECT_TRUE(portal_->GetNamespace({"PRO", "web", "default", "redis"}).ok()) << "every env";
  auto created_later = portal_->CreateCluster("FAT", "web", "sh", "ops");
  ASSERT_TRUE(created_later.ok());
  EXPECT_TRUE(portal_->GetNamespace({"FAT", "web", "sh", "app.yaml"}).ok())
      << "new clusters get it";

  auto again = portal_->CreateAppNamespace("web", "app", "yaml", "ops");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  for (auto [name, format] : {std::pair{"app.yaml", "yaml"}, std::pair{"a/b", "json"},
                              std::pair{"ok", "toml"}, std::pair{"", "json"}}) {
    auto bad = portal_->CreateAppNamespace("web", name, format, "ops");
    ASSERT_FALSE(bad.ok()) << name << " " << format;
    EXPECT_EQ(bad.error().code, core::Code::kInvalid) << name << " " << format;
  }
  EXPECT_EQ(portal_->CreateAppNamespace("web", "x", "json", "mallory").error().code,
            core::Code::kInvalid)
      << "unknown operator";
}

INSTANTIATE_TEST_SUITE_P(Targets, ApolloContract,
                         ::testing::Values(Target::kFake, Target::kEmulator), [](const auto& info) {
                           return info.param == Target::kFake ? "Fake" : "Emulator";
                         });

TEST(ApolloFake, InjectedFailuresAndCallLog) {
  FakeApolloPortal fake;
  fake.store().AddApp("web");
  fake.FailNext("Publish", core::Error{core::Code::kTransient, "apollo: down", {}});
  ApolloNamespaceRef ns{"DEV", "web", "default", "application"};
  EXPECT_EQ(fake.Publish(ns, "t", "", "ops").error().code, core::Code::kTransient);
  EXPECT_TRUE(fake.Publish(ns, "t", "", "ops").ok());
  EXPECT_EQ(fake.calls(), (std::vector<std::string>{"Publish", "Publish"}));
}

}  // namespace
}  // namespace slipway::connectors::apollo
