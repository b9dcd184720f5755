// Contract tests of the cluster and environment repositories; run on SQLite and PostgreSQL.
#include "store/environment_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class EnvironmentRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
      core::App app;
      app.name = "shop";
      app.team = "trade";
      app.owner = "alice";
      app_id_ = apps::Insert(tx, app);
      core::Cluster c;
      c.name = "east";
      c.connection = core::ClusterConnection::kKubeconfig;
      c.namespaces = {{"prod", "shop-prod"}};
      c.registry = "registry.example.com:5000";
      c.config_backend = core::ConfigBackend::kApollo;
      cluster_id_ = clusters::Insert(tx, {c, "v1:sealed"});
      return 0;
    });
  }

  core::Environment NewEnv(const std::string& env_type) {
    core::Environment e;
    e.app_id = app_id_;
    e.env_type = env_type;
    e.cluster_id = cluster_id_;
    e.namespace_name = env_type;
    e.spec.replicas = 3;
    e.spec.ports = {{"http", 8080, 80, "TCP"}};
    e.spec.env = {{"MODE", "测试"}};
    e.created_by = "alice";
    e.created_at = e.updated_at = 1000;
    return e;
  }

  std::int64_t app_id_ = 0;
  std::int64_t cluster_id_ = 0;
};

TEST_F(EnvironmentRepositoryTest, ClusterRoundTripKeepsTheSealedKubeconfigApart) {
  auto row = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return clusters::GetByRef(tx, "east"); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->cluster.id, cluster_id_);
  EXPECT_EQ(row->kubeconfig_sealed, "v1:sealed");
  EXPECT_TRUE(row->cluster.kubeconfig.empty());
  EXPECT_EQ(row->cluster.NamespaceFor("prod"), "shop-prod");
  EXPECT_EQ(row->cluster.NamespaceFor("test"), "test");
  EXPECT_EQ(row->cluster.config_backend, core::ConfigBackend::kApollo);
  EXPECT_TRUE(InTx(*db_, TxMode::kRead,
                   [&](Tx& tx) { return clusters::GetByRef(tx, std::to_string(cluster_id_)); }));
}

TEST_F(EnvironmentRepositoryTest, ClusterUpdateIsVersioned) {
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto row = *clusters::Get(tx, cluster_id_);
    row.cluster.registry = "other:5000";
    row.cluster.version = 2;
    EXPECT_TRUE(clusters::Update(tx, row));
    EXPECT_FALSE(clusters::Update(tx, row));  // version 2 is no longer "previous + 1"
    return 0;
  });
  auto row = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return clusters::Get(tx, cluster_id_); });
  EXPECT_EQ(row->cluster.registry, "other:5000");
  EXPECT_EQ(row->cluster.version, 2);
}

TEST_F(EnvironmentRepositoryTest, EnvironmentRoundTripAndUniquePair) {
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Insert(tx, NewEnv("prod")); });
  auto env = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return environments::Get(tx, id); });
  ASSERT_TRUE(env);
  EXPECT_EQ(env->spec.replicas, 3);
  ASSERT_EQ(env->spec.ports.size(), 1u);
  EXPECT_EQ(env->spec.ports[0].service_port, 80);
  EXPECT_EQ(env->spec.env[0].value, "测试");
  EXPECT_FALSE(env->config_backend);
  EXPECT_THROW(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Insert(tx, NewEnv("prod")); }),
      UniqueViolation);
  EXPECT_EQ(InTx(*db_, TxMode::kRead,
                 [&](Tx& tx) { return environments::CountOnCluster(tx, cluster_id_); }),
            1);
}

TEST_F(EnvironmentRepositoryTest, UpdateFindByDigestAndDelete) {
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Insert(tx, NewEnv("test")); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto env = *environments::Get(tx, id);
    env.image = "registry.example.com:5000/slipway/shop:1.0";
    env.image_digest = "sha256:abc";
    env.config_backend = core::ConfigBackend::kConsul;
    env.version = 2;
    EXPECT_TRUE(environments::Update(tx, env));
    EXPECT_FALSE(environments::Update(tx, env));
    return 0;
  });
  auto running = InTx(*db_, TxMode::kRead,
                      [&](Tx& tx) { return environments::RunningDigest(tx, "sha256:abc"); });
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].config_backend, core::ConfigBackend::kConsul);
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Delete(tx, id); }));
  EXPECT_FALSE(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return environments::Get(tx, id); }));
}

TEST_F(EnvironmentRepositoryTest, OperationsOutliveTheEnvironmentNewestFirst) {
  auto id =
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return environments::Insert(tx, NewEnv("test")); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    environments::AddOperation(tx, {0, id, app_id_, "create", "alice", "", 1});
    environments::AddOperation(tx,
                               {0, id, app_id_, "restart", "bob", R"({"deployment":"shop"})", 2});
    environments::Delete(tx, id);
    return 0;
  });
  auto ops =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return environments::Operations(tx, id, 10); });
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].kind, "restart");
  EXPECT_EQ(ops[0].detail, R"({"deployment":"shop"})");
  EXPECT_EQ(ops[1].detail, "{}");
}

}  // namespace
}  // namespace slipway::store
