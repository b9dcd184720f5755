#pragma once
// Shared by the lane service and workflow unit tests (not part of the
// services library): a database, every system a lane touches as an
// in-memory fake (Kubernetes, GitLab, Jenkins, Consul, DNS, TAPD, registry,
// a notifier), the lane workflows and the notify workflow on an engine
// driven by hand with a simulated clock, and the sandbox cluster.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "connectors/consul/fake.hpp"
#include "connectors/dns/fake.hpp"
#include "connectors/gitlab/fake.hpp"
#include "connectors/jenkins/fake.hpp"
#include "connectors/kubernetes/fake.hpp"
#include "connectors/registry/fake.hpp"
#include "connectors/tapd/fake.hpp"
#include "connectors/webhook/fake_notifier.hpp"
#include "engine/engine.hpp"
#include "http/handlers/env_input.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/environments/environment_service.hpp"
#include "services/lanes/lane_notice.hpp"
#include "services/lanes/lane_service.hpp"
#include "services/lanes/lane_workflows.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "store/app_repository.hpp"
#include "store/lane_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {

class LaneTest : public ::testing::Test {
 protected:
  static constexpr const char* kWorkspace = "10158231";
  static constexpr const char* kStory = "1010158231500000001";
  static constexpr const char* kServerUrl = "https://slipway.example.com";
  static constexpr core::Millis kMinute = 60'000;
  static constexpr core::Millis kHour = 60 * kMinute;
  static constexpr core::Millis kDay = 24 * kHour;

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::shared_ptr<connectors::FakeKubernetes> kube_ =
      std::make_shared<connectors::FakeKubernetes>(&clock_);
  std::shared_ptr<connectors::gitlab::FakeGitLab> gitlab_ =
      std::make_shared<connectors::gitlab::FakeGitLab>();
  std::shared_ptr<connectors::jenkins::FakeJenkins> jenkins_ =
      std::make_shared<connectors::jenkins::FakeJenkins>(connectors::jenkins::FakeJenkins::Timing{
          std::chrono::milliseconds(0), std::chrono::milliseconds(0)});
  std::shared_ptr<connectors::consul::FakeConsulKv> consul_ =
      std::make_shared<connectors::consul::FakeConsulKv>();
  std::shared_ptr<connectors::dns::FakeDnsZone> dns_ =
      std::make_shared<connectors::dns::FakeDnsZone>(LaneSettings{}.domain_suffix + ".");
  std::shared_ptr<connectors::tapd::FakeTapd> tapd_ =
      std::make_shared<connectors::tapd::FakeTapd>();
  std::shared_ptr<connectors::registry::FakeRegistry> registry_ =
      std::make_shared<connectors::registry::FakeRegistry>();
  std::shared_ptr<connectors::FakeNotifier> notifier_ =
      std::make_shared<connectors::FakeNotifier>();
  /// Every channel a notifier was opened for.
  std::vector<NotifierChannel> channels_;
  Connections connections_ = [this] {
    Connections c;
    c.kubernetes =
        [this](const core::Cluster&) -> core::Result<std::shared_ptr<connectors::Kubernetes>> {
      return std::shared_ptr<connectors::Kubernetes>(kube_);
    };
    c.gitlab = gitlab_;
    c.jenkins = jenkins_;
    c.consul = consul_;
    c.dns = dns_;
    c.tapd = tapd_;
    c.registry = registry_;
    c.registry_host.set("registry.test");
    c.notifier = [this](const NotifierChannel& channel) -> std::shared_ptr<connectors::Notifier> {
      channels_.push_back(channel);
      return notifier_;
    };
    return c;
  }();
  SecretBox secrets_{SecretBox::Key{}};
  ServerAddress address_{kServerUrl};
  ClusterService clusters_{*db_, clock_, secrets_, connections_, {}};
  EnvironmentService environments_{*db_, clock_, clusters_,
                                   EnvironmentService::DeleteHooks::None()};
  LaneSettings settings_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<EngineNotices> notices_;
  std::unique_ptr<LaneService> lanes_;
  RequestContext alice_{{1, "alice", core::Role::kDeveloper}, "r-alice"};

  void SetUp() override {
    clusters_.EnsureSandboxCluster("registry.test");
    tapd_->AddStory({.id = kStory,
                     .workspace_id = kWorkspace,
                     .name = "Pay in Q3",
                     .status = "open",
                     .creator = "alice",
                     .owners = {"alice"},
                     .created = "",
                     .modified = "",
                     .url = "https://tapd.example.com/story"});
    Wire(settings_);
  }

  /// (Re)builds the engine and the service with `settings`.
  void Wire(LaneSettings settings) {
    settings_ = std::move(settings);
    lanes_.reset();
    notices_.reset();
    engine_.reset();
    engine::Registry registry;
    RegisterNotifyWorkflow(registry, secrets_, connections_,
                           {{kLaneNoticeScope, LaneNoticeChannel(secrets_, settings_.notify)}});
    engine::EngineSettings engine_settings;
    engine_settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), engine_settings);
    notices_ = std::make_unique<EngineNotices>(*engine_, clock_, secrets_);
    RegisterLaneWorkflows(*engine_, {*db_, clusters_, connections_, secrets_, address_,
                                     ConfigFileSettings{}, settings_, BuildSettings{}, *notices_});
    lanes_ =
        std::make_unique<LaneService>(*db_, clock_, *engine_, clusters_, connections_, secrets_,
                                      address_, ConfigFileSettings{}, settings_, BuildSettings{});
  }

  /// An approved self-developed application owned by alice, its GitLab
  /// project, and its `test` environment on the sandbox cluster.
  core::App AddApp(const std::string& name, std::vector<std::string> domains = {}) {
    core::App app;
    app.name = name;
    app.team = "trade";
    app.owner = "alice";
    app.type = core::AppType::kSelfDeveloped;
    app.status = core::AppStatus::kPendingOnline;
    app.repo_url = "https://git.example.com/trade/" + name + ".git";
    app.details.ports = {{"http", 8080}};
    app.details.business_domains = std::move(domains);
    app = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      app.id = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app.id, "alice", core::MemberRole::kOwner);
      return app;
    });
    gitlab_->AddProject("trade/" + name);
    auto env = environments_.Create(
        alice_, name,
        http::ParseCreateEnvironment({{"env_type", "test"}, {"cluster", "sandbox"}},
                                     clusters_.settings().env_types));
    EXPECT_TRUE(env.ok()) << (env.ok() ? "" : env.error().message);
    return app;
  }

  /// Creates a lane of `apps` as alice with `notify` for its notices (by
  /// default a webhook) and runs the create workflow to its end; the lane's id.
  std::int64_t CreateLane(const std::string& name, const std::vector<std::string>& apps,
                          std::optional<LaneNotifyTarget> notify = LaneNotifyTarget{
                              "webhook", "https://hooks.example.com/lanes", "webhook-secret"}) {
    CreateLaneCommand cmd;
    cmd.name = name;
    cmd.story_workspace = kWorkspace;
    cmd.story_id = kStory;
    for (const auto& a : apps) {
      LaneAppRequest request;
      request.app = a;
      cmd.apps.push_back(std::move(request));
    }
    cmd.notify = std::move(notify);
    auto created = lanes_->Create(alice_, cmd);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (!created.ok()) return 0;
    const auto id = created->view.lane.id;
    Drive([&] { return Lane(id).state != core::LaneState::kCreating; });
    EXPECT_EQ(Lane(id).state, core::LaneState::kActive);
    return id;
  }

  /// Runs every step due now.
  void RunDue() {
    while (engine_->RunOnce()) {
    }
  }

  /// Runs due steps, moving the clock on by `step_ms` whenever nothing is
  /// due, until `done` holds (or `rounds` steps passed); whether it held.
  bool Drive(const std::function<bool()>& done, int rounds = 200, core::Millis step_ms = 1000) {
    for (int i = 0; i < rounds; ++i) {
      RunDue();
      if (done()) return true;
      clock_.Advance(step_ms);
    }
    return done();
  }

  /// Sets the clock to `at` and runs what is due then.
  void At(core::Millis at) {
    clock_.Set(at);
    RunDue();
  }

  core::Lane Lane(std::int64_t id) {
    auto lane = store::InTx(*db_, store::TxMode::kRead,
                            [&](store::Tx& tx) { return store::lanes::Get(tx, id); });
    EXPECT_TRUE(lane.has_value());
    return lane.value_or(core::Lane{});
  }

  std::vector<store::LaneEvent> Events(std::int64_t id) {
    auto events = lanes_->Events(alice_, std::to_string(id), 100);
    EXPECT_TRUE(events.ok());
    return events.ok() ? *events : std::vector<store::LaneEvent>{};
  }
};

}  // namespace slipway::services
