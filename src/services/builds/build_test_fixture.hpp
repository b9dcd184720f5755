#pragma once
// Shared by the build service and workflow unit tests (not part of the
// services library): a database, the in-memory Jenkins and registry, the
// engine driven by hand with a simulated clock.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "connectors/jenkins/fake.hpp"
#include "connectors/registry/fake.hpp"
#include "engine/engine.hpp"
#include "http/handlers/build_input.hpp"
#include "services/builds/build_service.hpp"
#include "services/builds/build_workflow.hpp"
#include "store/app_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/build_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {

class BuildTest : public ::testing::Test {
 protected:
  static constexpr const char* kRegistryHost = "registry.test:5000";

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  // Real-time fake: no quiet period and instant builds unless a test says otherwise.
  std::shared_ptr<connectors::jenkins::FakeJenkins> jenkins_ =
      std::make_shared<connectors::jenkins::FakeJenkins>(connectors::jenkins::FakeJenkins::Timing{
          std::chrono::milliseconds(0), std::chrono::milliseconds(0)});
  std::shared_ptr<connectors::registry::FakeRegistry> registry_ =
      std::make_shared<connectors::registry::FakeRegistry>();
  Connections connections_ = [this] {
    Connections c;
    c.jenkins = jenkins_;
    c.registry = registry_;
    c.registry_host.set(kRegistryHost);
    return c;
  }();
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<BuildService> builds_;

  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "r-admin"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};  // owner of the apps
  RequestContext bob_{{3, "bob", core::Role::kDeveloper}, "r-bob"};        // not a member
  RequestContext vic_{{4, "vic", core::Role::kViewer}, "r-vic"};

  BuildSettings Settings() const {
    BuildSettings s;
    s.job_path = "{team}/{app}-build";
    s.image_namespace = "images";
    s.create_missing_jobs = true;
    s.poll_interval_ms = 1000;
    s.trigger_recovery_ms = 60'000;
    s.outage_ms = 30'000;
    return s;
  }

  void SetUp() override { Wire(Settings()); }

  /// (Re)builds the engine and the service with `settings`.
  void Wire(BuildSettings settings) {
    builds_.reset();
    engine_.reset();
    engine::Registry registry;
    RegisterBuildWorkflow(registry, connections_, settings);
    engine::EngineSettings engine_settings;
    engine_settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), engine_settings);
    builds_ = std::make_unique<BuildService>(*db_, clock_, *engine_, connections_, settings);
  }

  /// An approved application owned by alice.
  core::App AddApp(const std::string& name, core::AppType type = core::AppType::kSelfDeveloped,
                   core::AppStatus status = core::AppStatus::kPendingOnline) {
    core::App app;
    app.name = name;
    app.team = "trade";
    app.owner = "alice";
    app.type = type;
    app.status = status;
    app.repo_url = type == core::AppType::kSelfDeveloped
                       ? "https://git.example.com/trade/" + name + ".git"
                       : "";
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      app.id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app.id, "alice", core::MemberRole::kOwner);
      return app;
    });
  }

  static boost::json::object StartBody(const std::string& version,
                                       const std::string& branch = "main") {
    return {{"branch", branch}, {"version", version}, {"note", "try it"}};
  }

  // Bodies as people write them, parsed as the API parses them.
  core::Result<BuildView> StartAs(const RequestContext& ctx, const std::string& app,
                                  const boost::json::object& body) {
    return builds_->Start(ctx, app, http::ParseStartBuild(body));
  }

  BuildView Start(const core::App& app, const std::string& version) {
    auto view = StartAs(alice_, app.name, StartBody(version));
    EXPECT_TRUE(view.ok()) << (view.ok() ? "" : view.error().message);
    return view.value();
  }

  core::Build Load(std::int64_t id) {
    auto b = store::InTx(*db_, store::TxMode::kRead,
                         [&](store::Tx& tx) { return store::builds::Get(tx, id); });
    EXPECT_TRUE(b.has_value());
    return b.value_or(core::Build{});
  }

  /// Runs due steps, then lets the poll interval pass, until the build ends
  /// (or `rounds` intervals passed). Returns the build as stored then.
  core::Build Drive(std::int64_t id, int rounds = 50, core::Millis step_ms = 1000) {
    for (int i = 0; i < rounds; ++i) {
      while (engine_->RunOnce()) {
      }
      auto b = Load(id);
      if (core::IsFinal(b.state)) return b;
      clock_.Advance(step_ms);
    }
    return Load(id);
  }

  /// Runs the steps that are due now, once each at most.
  void RunDue() {
    while (engine_->RunOnce()) {
    }
  }

  /// What the image of `view` is as the registry path ("images/<app>").
  static std::string Repository(const core::App& app) { return "images/" + app.name; }

  int CallsNamed(const std::string& prefix) const {
    int n = 0;
    for (const auto& c : jenkins_->calls()) n += c.rfind(prefix, 0) == 0;
    return n;
  }

  std::vector<store::AuditRecord> AuditOf(std::int64_t build_id) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      store::AuditQuery q;
      q.object_type = "build";
      q.object_id = std::to_string(build_id);
      q.limit = 100;
      return store::audit::List(tx, q);
    });
  }
};

}  // namespace slipway::services
