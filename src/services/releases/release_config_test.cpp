// Reading an environment's config files into a baseline (the size cap) and
// planning what a rollback does with each file.
#include "services/releases/release_config.hpp"

#include <gtest/gtest.h>

#include "connectors/consul/fake.hpp"
#include "services/platform/crypto.hpp"

namespace slipway::services {
namespace {

core::BaselineConfigFile File(const std::string& name, const std::string& content,
                              std::int64_t version = 1) {
  return {name, version, Sha256Hex(content), static_cast<std::int64_t>(content.size()), content};
}

TEST(ReleaseConfig, ASnapshotKeepsContentUpToTheCapAndHashesEveryFile) {
  auto consul = std::make_shared<connectors::consul::FakeConsulKv>();
  ASSERT_TRUE(consul->Put("slipway/config/shop/prod/east/app.properties", "mode=a\n").ok());
  ASSERT_TRUE(consul->Put("slipway/config/shop/prod/east/big.txt", std::string(40, 'x')).ok());
  Connections connections;
  connections.consul = consul;
  const ReleaseConfig config(connections, ConfigFileSettings{}, ReleaseConfigSettings{32});
  core::App app;
  app.name = "shop";
  core::Environment env;
  env.env_type = "prod";
  core::Cluster cluster;
  cluster.name = "east";
  auto files = config.Open(app, env, cluster);
  ASSERT_TRUE(files.ok()) << files.error().message;
  auto snapshot = config.Snapshot(**files);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  ASSERT_EQ(snapshot->size(), 2u);
  EXPECT_EQ((*snapshot)[0].name, "app.properties");
  EXPECT_EQ((*snapshot)[0].content, "mode=a\n");
  EXPECT_EQ((*snapshot)[0].hash, Sha256Hex("mode=a\n"));
  EXPECT_GT((*snapshot)[0].version, 0);
  EXPECT_EQ((*snapshot)[1].name, "big.txt");
  EXPECT_EQ((*snapshot)[1].size, 40);
  EXPECT_EQ((*snapshot)[1].hash, Sha256Hex(std::string(40, 'x')));
  EXPECT_FALSE((*snapshot)[1].content) << "over the 32-byte cap: hash only";
}

TEST(PlanConfigRestore, EachFileGetsItsAction) {
  auto big = File("big.txt", "new big");
  big.content.reset();
  auto plans = PlanConfigRestore({File("app.properties", "mode=b\n"), File("same.yaml", "a: 1\n"),
                                  File("new.json", "{}"), File("big.txt", "now")},
                                 {File("app.properties", "mode=a\n"), File("same.yaml", "a: 1\n"),
                                  big, File("gone.txt", "was here\n")});
  ASSERT_EQ(plans.size(), 5u);
  EXPECT_EQ(plans[0].name, "app.properties");
  EXPECT_EQ(plans[0].action, "restore");
  ASSERT_TRUE(plans[0].diff.by_key);
  EXPECT_EQ(plans[0].diff.keys.at(0).from, "b");
  EXPECT_EQ(plans[0].diff.keys.at(0).to, "a");
  EXPECT_EQ(plans[1].name, "big.txt");
  EXPECT_EQ(plans[1].action, "not_restorable");
  EXPECT_EQ(plans[2].name, "gone.txt");
  EXPECT_EQ(plans[2].action, "restore") << "deleted since: written back";
  EXPECT_FALSE(plans[2].live);
  EXPECT_EQ(plans[3].name, "new.json");
  EXPECT_EQ(plans[3].action, "not_in_baseline");
  EXPECT_EQ(plans[4].name, "same.yaml");
  EXPECT_EQ(plans[4].action, "unchanged");
}

}  // namespace
}  // namespace slipway::services
