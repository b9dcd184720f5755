// The cluster rules on the fake cluster: only admins change clusters; names
// and connections never change; a kubeconfig fits its connection; edits name
// the version they change; a cluster in use stays.
#include "services/environments/cluster_service.hpp"

#include <gtest/gtest.h>

#include "connectors/kubernetes/fake.hpp"
#include "store/app_repository.hpp"
#include "store/environment_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

constexpr const char* kKubeconfig = R"(apiVersion: v1
kind: Config
current-context: main
clusters:
- name: main
  cluster:
    server: https://10.0.0.1:6443
users:
- name: main
  user:
    token: abc
contexts:
- name: main
  context:
    cluster: main
    user: main
)";

class ClusterServiceTest : public ::testing::Test {
 protected:
  static RegisterClusterCommand Kubeconfig(const std::string& name) {
    RegisterClusterCommand c;
    c.fields.name = name;
    c.fields.connection = core::ClusterConnection::kKubeconfig;
    c.fields.kubeconfig = kKubeconfig;
    return c;
  }

  std::int64_t Count(const std::string& sql) {
    return store::InTx(*db_, store::TxMode::kRead,
                       [&](store::Tx& tx) { return tx.QueryOne(sql, {})->Int(0); });
  }

  ClusterView Registered(const std::string& name) {
    auto v = clusters_.Register(admin_, Kubeconfig(name));
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message);
    return v.ok() ? *v : ClusterView{};
  }

  static std::string Field(const core::Error& e) {
    return e.details.contains("field") ? std::string(e.details.at("field").as_string()) : "";
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::shared_ptr<connectors::FakeKubernetes> kube_ =
      std::make_shared<connectors::FakeKubernetes>(&clock_);
  Connections connections_ = [this] {
    Connections c;
    c.kubernetes =
        [this](const core::Cluster&) -> core::Result<std::shared_ptr<connectors::Kubernetes>> {
      return std::shared_ptr<connectors::Kubernetes>(kube_);
    };
    return c;
  }();
  SecretBox secrets_{SecretBox::Key{}};
  ClusterService clusters_{*db_, clock_, secrets_, connections_, {}};
  RequestContext admin_{{1, "root", core::Role::kAdmin}, "r-root"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};
};

TEST_F(ClusterServiceTest, OnlyAdminsRegisterChangeOrRemoveClusters) {
  EXPECT_EQ(clusters_.Register(alice_, Kubeconfig("main")).error().code, core::Code::kForbidden);
  EXPECT_EQ(Count("SELECT count(*) FROM clusters"), 0);
  auto main = Registered("main");
  EditClusterCommand edit{main.cluster.version, {}};
  edit.fields.description = "mine now";
  EXPECT_EQ(clusters_.Edit(alice_, "main", edit).error().code, core::Code::kForbidden);
  EXPECT_EQ(clusters_.Delete(alice_, "main").error().code, core::Code::kForbidden);
  EXPECT_EQ(clusters_.Get(alice_, "main")->cluster.description, "")
      << "every signed-in user reads them";
}

TEST_F(ClusterServiceTest, RegistrationSealsTheKubeconfigAndNeverShowsIt) {
  auto main = Registered("main");
  EXPECT_TRUE(main.has_kubeconfig);
  EXPECT_TRUE(main.cluster.kubeconfig.empty());
  ASSERT_TRUE(main.connectivity);
  EXPECT_TRUE(main.connectivity->ok) << main.connectivity->error;
  EXPECT_EQ(Count("SELECT count(*) FROM clusters WHERE kubeconfig_sealed LIKE '%token: abc%'"), 0);
}

TEST_F(ClusterServiceTest, ADuplicateNameIsAConflictNamingTheField) {
  Registered("main");
  auto again = clusters_.Register(admin_, Kubeconfig("main"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_EQ(Field(again.error()), "name");
}

TEST_F(ClusterServiceTest, AKubeconfigMustFitTheConnection) {
  auto missing = Kubeconfig("main");
  missing.fields.kubeconfig.reset();
  auto refused = clusters_.Register(admin_, missing);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "kubeconfig is required for connection kubeconfig");

  auto in_cluster = Kubeconfig("inside");
  in_cluster.fields.connection = core::ClusterConnection::kInCluster;
  refused = clusters_.Register(admin_, in_cluster);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "kubeconfig applies only to connection kubeconfig");

  auto garbage = Kubeconfig("garbage");
  garbage.fields.kubeconfig = "clusters: [";
  refused = clusters_.Register(admin_, garbage);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Field(refused.error()), "kubeconfig");
  EXPECT_EQ(Count("SELECT count(*) FROM clusters"), 0);
}

TEST_F(ClusterServiceTest, AnEditNamesTheVersionItChanges) {
  auto main = Registered("main");
  EditClusterCommand edit{main.cluster.version + 1, {}};
  edit.fields.description = "late";
  auto stale = clusters_.Edit(admin_, "main", edit);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(stale.error().details.at("current_version").as_int64(), main.cluster.version);

  edit.version = main.cluster.version;
  auto edited = clusters_.Edit(admin_, "main", edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->cluster.description, "late");
  EXPECT_EQ(edited->cluster.version, main.cluster.version + 1);
}

TEST_F(ClusterServiceTest, AnEditThatChangesNothingKeepsTheVersion) {
  auto main = Registered("main");
  EditClusterCommand edit{main.cluster.version, {}};
  edit.fields.name = "main";
  edit.fields.registry = main.cluster.registry;
  auto same = clusters_.Edit(admin_, "main", edit);
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(same->cluster.version, main.cluster.version);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'cluster.edit'"), 0);
}

TEST_F(ClusterServiceTest, NameAndConnectionNeverChange) {
  auto main = Registered("main");
  EditClusterCommand rename{main.cluster.version, {}};
  rename.fields.name = "other";
  EXPECT_EQ(clusters_.Edit(admin_, "main", rename).error().message, "name cannot change");
  EditClusterCommand move{main.cluster.version, {}};
  move.fields.connection = core::ClusterConnection::kInCluster;
  EXPECT_EQ(clusters_.Edit(admin_, "main", move).error().message, "connection cannot change");
  EXPECT_EQ(clusters_.Get(admin_, "main")->cluster.version, main.cluster.version);
}

TEST_F(ClusterServiceTest, TheSandboxClusterTakesNoKubeconfig) {
  clusters_.EnsureSandboxCluster("registry.test");
  auto sandbox = clusters_.Get(admin_, "sandbox");
  ASSERT_TRUE(sandbox.ok());
  EditClusterCommand edit{sandbox->cluster.version, {}};
  edit.fields.kubeconfig = kKubeconfig;
  auto refused = clusters_.Edit(admin_, "sandbox", edit);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "the sandbox cluster has no kubeconfig");
}

TEST_F(ClusterServiceTest, AClusterWithEnvironmentsIsNotRemoved) {
  auto main = Registered("main");
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    core::App app;
    app.name = "shop";
    app.team = "trade";
    core::Environment env;
    env.app_id = store::apps::Insert(tx, app);
    env.env_type = "prod";
    env.cluster_id = main.cluster.id;
    env.namespace_name = "prod";
    env.created_by = "root";
    return store::environments::Insert(tx, env);
  });
  auto refused = clusters_.Delete(admin_, "main");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("environments").as_int64(), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM clusters"), 1);
}

TEST_F(ClusterServiceTest, AnUnusedClusterIsRemovedAndAudited) {
  Registered("main");
  ASSERT_TRUE(clusters_.Delete(admin_, "main").ok());
  EXPECT_EQ(clusters_.Get(admin_, "main").error().code, core::Code::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'cluster.delete'"), 1);
}

}  // namespace
}  // namespace slipway::services
