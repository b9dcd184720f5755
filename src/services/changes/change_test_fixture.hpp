#pragma once
// Shared by the change service's unit tests: a database with users, one
// cluster, and helpers that make applications, environments and builds
// directly in the store (their own services are tested elsewhere).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/builds/build.hpp"
#include "http/handlers/change_input.hpp"
#include "services/changes/change_service.hpp"
#include "store/app_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/build_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"
#include "store/user_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {

/// Keeps what was enqueued.
class RecordingNotices final : public Notices {
 public:
  void Enqueue(store::Tx&, const Notice& notice) override { notices.push_back(notice); }
  void EnqueueToChannel(store::Tx&, const ChannelNotice& notice) override {
    channel_notices.push_back(notice);
  }
  std::vector<Notice> notices;
  std::vector<ChannelNotice> channel_notices;
};

class ChangeServiceTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  RecordingNotices notices_;
  ChangeService changes_{*db_, clock_, notices_};
  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "r-admin"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};  // owner of every app
  RequestContext bob_{{3, "bob", core::Role::kApprover}, "r-bob"};         // approver member
  RequestContext dan_{{4, "dan", core::Role::kDeveloper}, "r-dan"};        // developer member
  RequestContext eve_{{5, "eve", core::Role::kApprover}, "r-eve"};  // global approver, no member
  RequestContext vic_{{6, "vic", core::Role::kViewer}, "r-vic"};
  std::int64_t cluster_id_ = 0;
  int next_build_ = 0;

  void SetUp() override {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      for (const char* name : {"admin", "alice", "bob", "dan", "eve", "vic"}) {
        store::UserRecord u;
        u.username = name;
        u.password_hash = "unused";
        store::users::Insert(tx, u);
      }
      core::Cluster cluster;
      cluster.name = "east";
      cluster.connection = core::ClusterConnection::kSandbox;
      cluster_id_ = store::clusters::Insert(tx, {cluster, ""});
    });
  }

  /// An approved (pending_online), complete application with alice as
  /// owner, dan as developer and bob as approver.
  core::App App(const std::string& name, core::AppType type = core::AppType::kSelfDeveloped,
                core::AppLevel level = core::AppLevel::kNonCore) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::App app;
      app.name = name;
      app.team = "trade";
      app.owner = "alice";
      app.type = type;
      app.level = level;
      app.status = core::AppStatus::kPendingOnline;
      if (type == core::AppType::kSelfDeveloped) {
        app.repo_url = "https://git.example.com/" + name + ".git";
        app.details.build_job = "trade/" + name;
      }
      if (type == core::AppType::kCommercial)
        app.details.vendor_image = "docker.io/grafana/grafana";
      app.details.ports = {{"http", 8080, "TCP"}};
      app.details.health_check = core::HealthCheck{"http", "/healthz", 8080, ""};
      app.approvers = {"bob"};
      app.id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app.id, "alice", core::MemberRole::kOwner);
      store::apps::PutMember(tx, app.id, "dan", core::MemberRole::kDeveloper);
      store::apps::PutMember(tx, app.id, "bob", core::MemberRole::kApprover);
      return app;
    });
  }

  std::int64_t Env(const core::App& app, const std::string& env_type = "test") {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::Environment env;
      env.app_id = app.id;
      env.env_type = env_type;
      env.cluster_id = cluster_id_;
      env.namespace_name = env_type;
      env.image = "registry.example/slipway/" + app.name + ":0.9";
      env.created_by = "alice";
      return store::environments::Insert(tx, env);
    });
  }

  /// A build of `app` in `state` (succeeded ones have an image and digest);
  /// versions default to 1.0, 1.1, … (unique per application, as builds are).
  std::int64_t Build(const core::App& app, core::BuildState state = core::BuildState::kSucceeded,
                     std::string version = "") {
    if (version.empty()) version = "1." + std::to_string(next_build_++);
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::Build b;
      b.app_id = app.id;
      b.branch = "main";
      b.version = version;
      b.image = "registry.example/slipway/" + app.name + ":" + version;
      b.job_path = "trade/" + app.name;
      b.created_by = "alice";
      b.id = store::builds::Insert(tx, b);
      if (state != core::BuildState::kQueued) {
        store::builds::End(
            tx, b.id, {core::BuildState::kQueued, state, "", "sha256:" + std::string(64, 'a'), 1});
      }
      return b.id;
    });
  }

  /// A developing code change of a self-developed app, created by alice.
  ChangeView CodeChange(const core::App& app, std::int64_t env_id) {
    auto created = Create(alice_, app.name,
                          {{"env_id", env_id}, {"title", "ship 1.0"}, {"build_id", Build(app)}});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.value();
  }

  // Bodies as people write them, parsed as the API parses them.
  core::Result<ChangeView> Do(const RequestContext& ctx, std::int64_t id, core::ChangeEvent event,
                              boost::json::object body = {}) {
    return changes_.Transition(ctx, std::to_string(id), event,
                               http::ParseChangeTransition(event, body));
  }
  core::Result<ChangeView> Create(const RequestContext& ctx, const std::string& app,
                                  const boost::json::object& body) {
    return changes_.Create(ctx, app, http::ParseCreateChange(body));
  }
  core::Result<ChangeView> Edit(const RequestContext& ctx, std::int64_t id,
                                const boost::json::object& body) {
    return changes_.Edit(ctx, std::to_string(id), http::ParseEditChange(body));
  }

  core::Change Stored(std::int64_t id) {
    return store::InTx(*db_, store::TxMode::kRead,
                       [&](store::Tx& tx) { return *store::changes::Get(tx, id); });
  }

  std::int64_t CountChanges() {
    return store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
      return tx.QueryOne("SELECT COUNT(*) FROM changes")->Int(0);
    });
  }

  std::vector<std::string> AuditActions(std::int64_t change_id) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      store::AuditQuery q;
      q.object_type = "change";
      q.object_id = std::to_string(change_id);
      q.limit = 100;
      std::vector<std::string> out;
      for (const auto& r : store::audit::List(tx, q))
        out.insert(out.begin(), r.action);  // oldest first
      return out;
    });
  }

  static std::vector<std::string> EventKinds(const ChangeView& v) {
    std::vector<std::string> out;
    for (const auto& e : v.events) out.push_back(e.kind);
    return out;
  }

  static std::string Field(const core::Error& e) {
    const auto* f = e.details.if_contains("field");
    return f && f->is_string() ? std::string(f->as_string()) : "";
  }
};

}  // namespace slipway::services
