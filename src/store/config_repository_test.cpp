// Contract tests of the configuration repository; run on SQLite and PostgreSQL.
#include "store/config_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class ConfigRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  std::int64_t app_id_ = 0, cluster_id_ = 0;

  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
      core::App app;
      app.name = "order-svc";
      app.team = "trade";
      app.owner = "alice";
      app_id_ = apps::Insert(tx, app);
      ClusterRow cluster;
      cluster.cluster.name = "bj";
      cluster_id_ = clusters::Insert(tx, cluster);
    });
  }

  std::int64_t AddEnv(const std::string& env_type) {
    core::Environment env;
    env.app_id = app_id_;
    env.env_type = env_type;
    env.cluster_id = cluster_id_;
    env.namespace_name = env_type;
    env.created_by = "alice";
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Insert(tx, env); });
  }

  static ConfigDraft Draft(std::int64_t env_id, const std::string& file) {
    ConfigDraft d;
    d.env_id = env_id;
    d.file_name = file;
    d.content = "a=1\n";
    d.base_version = 7;
    d.base_content = "a=0\n";
    d.created_by = d.updated_by = "alice";
    d.created_at = d.updated_at = 100;
    return d;
  }

  std::vector<ConfigPublish> Publishes(std::int64_t env_id, const std::string& file = "",
                                       std::optional<std::int64_t> before = std::nullopt,
                                       int limit = 50) {
    PublishQuery q;
    q.env_id = env_id;
    q.file_name = file;
    q.before_id = before;
    q.limit = limit;
    return InTx(*db_, TxMode::kRead, [&](Tx& tx) { return config_files::ListPublishes(tx, q); });
  }

  ConfigPublish Publish(std::int64_t env_id, const std::string& file, core::Millis at) {
    ConfigPublish p;
    p.env_id = env_id;
    p.app_id = app_id_;
    p.file_name = file;
    p.format = "properties";
    p.backend = "consul";
    p.location = "slipway/config/order-svc/prod/bj/" + file;
    p.actor = "alice";
    p.comment = "raise timeout";
    p.base_version = 7;
    p.version_after = 9;
    p.content = "a=1\n";
    p.diff = R"({"kind":"keys","keys":[]})";
    p.created_at = at;
    return p;
  }
};

TEST_F(ConfigRepositoryTest, DraftRoundTripsEveryField) {
  auto env = AddEnv("prod");
  auto id = InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    return config_files::InsertDraft(tx, Draft(env, "app.properties"));
  });
  auto got = InTx(*db_, TxMode::kRead,
                  [&](Tx& tx) { return config_files::GetDraft(tx, env, "app.properties"); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->content, "a=1\n");
  EXPECT_EQ(got->base_version, 7);
  EXPECT_EQ(got->base_content, "a=0\n");
  EXPECT_EQ(got->created_by, "alice");
  EXPECT_EQ(got->version, 1);
  EXPECT_FALSE(InTx(*db_, TxMode::kRead,
                    [&](Tx& tx) { return config_files::GetDraft(tx, env, "other.yaml"); }));
}

TEST_F(ConfigRepositoryTest, OneDraftPerFileAndEnvironment) {
  auto prod = AddEnv("prod"), test = AddEnv("test");
  InTx(*db_, TxMode::kWrite,
       [&](Tx& tx) { config_files::InsertDraft(tx, Draft(prod, "app.yaml")); });
  EXPECT_THROW(InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) { config_files::InsertDraft(tx, Draft(prod, "app.yaml")); }),
               UniqueViolation);
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    config_files::InsertDraft(tx, Draft(test, "app.yaml"));
    config_files::InsertDraft(tx, Draft(prod, "a.json"));
  });
  auto drafts =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return config_files::ListDrafts(tx, prod); });
  ASSERT_EQ(drafts.size(), 2u);
  EXPECT_EQ(drafts[0].file_name, "a.json");
  EXPECT_EQ(drafts[1].file_name, "app.yaml");
}

TEST_F(ConfigRepositoryTest, StaleDraftUpdateWritesNothing) {
  auto env = AddEnv("prod");
  InTx(*db_, TxMode::kWrite,
       [&](Tx& tx) { config_files::InsertDraft(tx, Draft(env, "app.yaml")); });
  auto d = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
             return config_files::GetDraft(tx, env, "app.yaml");
           }).value();
  auto first = d, second = d;
  first.content = "one: 1\n";
  first.updated_by = "bob";
  first.version = 2;
  second.content = "two: 2\n";
  second.version = 2;
  EXPECT_TRUE(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return config_files::UpdateDraft(tx, first); }));
  EXPECT_FALSE(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return config_files::UpdateDraft(tx, second); }));
  auto now = InTx(*db_, TxMode::kRead, [&](Tx& tx) {
               return config_files::GetDraft(tx, env, "app.yaml");
             }).value();
  EXPECT_EQ(now.content, "one: 1\n");
  EXPECT_EQ(now.updated_by, "bob");
  EXPECT_EQ(now.created_by, "alice");
  EXPECT_EQ(now.version, 2);
}

TEST_F(ConfigRepositoryTest, DeleteDraftAndDraftsGoWithTheirEnvironment) {
  auto env = AddEnv("prod");
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    config_files::InsertDraft(tx, Draft(env, "a.yaml"));
    config_files::InsertDraft(tx, Draft(env, "b.yaml"));
  });
  EXPECT_FALSE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    return config_files::DeleteDraft(tx, env, "a.yaml", 2);
  })) << "only the version named";
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite,
                   [&](Tx& tx) { return config_files::DeleteDraft(tx, env, "a.yaml", 1); }));
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { config_files::InsertDraft(tx, Draft(env, "a.yaml")); });
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite,
                   [&](Tx& tx) { return config_files::DeleteDraft(tx, env, "a.yaml"); }));
  EXPECT_FALSE(InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) { return config_files::DeleteDraft(tx, env, "a.yaml"); }));
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    config_files::InsertPublish(tx, Publish(env, "b.yaml", 5));
    ASSERT_TRUE(environments::Delete(tx, env));
  });
  EXPECT_TRUE(
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return config_files::ListDrafts(tx, env); }).empty());
  EXPECT_EQ(Publishes(env).size(), 1u) << "history outlives the environment";
}

TEST_F(ConfigRepositoryTest, PublishesNewestFirstByFileWithCursor) {
  auto env = AddEnv("prod"), other = AddEnv("test");
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    for (int i = 0; i < 5; ++i)
      config_files::InsertPublish(tx, Publish(env, i % 2 ? "b.yaml" : "a.yaml", i));
    auto p = Publish(other, "a.yaml", 9);
    p.written = false;
    config_files::InsertPublish(tx, p);
  });
  auto all = Publishes(env, "", std::nullopt, 2);
  ASSERT_EQ(all.size(), 3u) << "limit + 1";
  EXPECT_EQ(all[0].created_at, 4);
  EXPECT_EQ(all[1].created_at, 3);
  EXPECT_EQ(all[0].location, "slipway/config/order-svc/prod/bj/a.yaml");
  EXPECT_EQ(all[0].version_after, 9);
  EXPECT_EQ(all[0].diff, R"({"kind":"keys","keys":[]})");
  EXPECT_TRUE(all[0].written);
  auto rest = Publishes(env, "", all[1].id, 10);
  ASSERT_EQ(rest.size(), 3u);
  EXPECT_EQ(rest[0].created_at, 2);
  auto only_b = Publishes(env, "b.yaml");
  ASSERT_EQ(only_b.size(), 2u);
  for (const auto& p : only_b) EXPECT_EQ(p.file_name, "b.yaml");
  auto one =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return config_files::GetPublish(tx, all[0].id); });
  ASSERT_TRUE(one);
  EXPECT_EQ(one->content, "a=1\n");
  EXPECT_EQ(one->comment, "raise timeout");
  EXPECT_FALSE(
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return config_files::GetPublish(tx, 999999); }));
  auto theirs = Publishes(other);
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_FALSE(theirs[0].written);
}

}  // namespace
}  // namespace slipway::store
