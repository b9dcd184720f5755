#pragma once
// Shared by the config service's unit tests (not part of the services library):
// an application with an environment on a cluster, stored through the
// repositories, and in-memory Consul and Apollo behind the connections.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "connectors/apollo/fake.hpp"
#include "connectors/consul/fake.hpp"
#include "http/handlers/config_input.hpp"
#include "services/config/config_service.hpp"
#include "store/app_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {

class ConfigServiceTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::shared_ptr<connectors::consul::FakeConsulKv> consul_ =
      std::make_shared<connectors::consul::FakeConsulKv>();
  std::shared_ptr<connectors::apollo::FakeApolloPortal> apollo_ =
      std::make_shared<connectors::apollo::FakeApolloPortal>();
  Connections connections_;
  ConfigFileSettings settings_;
  std::unique_ptr<ConfigService> service_;

  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "r-admin"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};  ///< the app's owner
  RequestContext bob_{{3, "bob", core::Role::kDeveloper}, "r-bob"};        ///< not a member
  RequestContext vic_{{4, "vic", core::Role::kViewer}, "r-vic"};
  std::int64_t app_id_ = 0;

  void SetUp() override {
    connections_.consul = consul_;
    connections_.apollo = apollo_;
    apollo_->store().AddApp("order-svc");
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::App app;
      app.name = "order-svc";
      app.team = "trade";
      app.owner = "alice";
      app_id_ = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app_id_, "alice", core::MemberRole::kOwner);
    });
    Restart();
  }

  /// A new service over the same database and backends (after settings change).
  void Restart() {
    service_ = std::make_unique<ConfigService>(*db_, clock_, connections_, settings_);
  }

  /// An environment of order-svc on a new cluster; returns its id as the API names it.
  std::string AddEnv(const std::string& env_type, core::ConfigBackend cluster_backend,
                     std::optional<core::ConfigBackend> env_backend = std::nullopt,
                     const std::string& cluster = "bj") {
    return std::to_string(store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      auto existing = store::clusters::GetByRef(tx, cluster);
      std::int64_t cluster_id = 0;
      if (existing) {
        cluster_id = existing->cluster.id;
      } else {
        store::ClusterRow row;
        row.cluster.name = cluster;
        row.cluster.config_backend = cluster_backend;
        cluster_id = store::clusters::Insert(tx, row);
      }
      core::Environment env;
      env.app_id = app_id_;
      env.env_type = env_type;
      env.cluster_id = cluster_id;
      env.namespace_name = env_type;
      env.config_backend = env_backend;
      env.created_by = "alice";
      return store::environments::Insert(tx, env);
    }));
  }

  // Bodies as people write them, parsed as the API parses them.
  core::Result<store::ConfigDraft> SaveDraft(const RequestContext& ctx, const std::string& env,
                                             const std::string& name,
                                             const boost::json::object& body) {
    return service_->SaveDraft(ctx, env, name, http::ParseSaveDraft(body));
  }
  core::Result<store::ConfigPublish> PublishAs(const RequestContext& ctx, const std::string& env,
                                               const std::string& name,
                                               const boost::json::object& body) {
    return service_->Publish(ctx, env, name, http::ParsePublish(body));
  }

  store::ConfigDraft Save(const std::string& env, const std::string& name,
                          const std::string& content, const RequestContext* who = nullptr) {
    auto draft = SaveDraft(who ? *who : alice_, env, name, {{"content", content}});
    EXPECT_TRUE(draft.ok()) << (draft.ok() ? "" : draft.error().message);
    return draft.ok() ? *draft : store::ConfigDraft{};
  }

  store::ConfigPublish Publish(const std::string& env, const std::string& name,
                               const std::string& comment = "") {
    auto published = PublishAs(alice_, env, name, {{"comment", comment}});
    EXPECT_TRUE(published.ok()) << (published.ok() ? "" : published.error().message);
    return published.ok() ? *published : store::ConfigPublish{};
  }

  /// Operation records of one environment, newest first.
  std::vector<store::AuditRecord> Audit(const std::string& env) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      store::AuditQuery q;
      q.object_type = "environment";
      q.object_id = env;
      q.limit = 100;
      return store::audit::List(tx, q);
    });
  }

  std::string ConsulValue(const std::string& key) {
    auto entry = consul_->store().Get(key);
    return entry ? entry->value : "<absent>";
  }
};

}  // namespace slipway::services
