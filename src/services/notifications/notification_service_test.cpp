// Notification settings per application and team, and the durable delivery
// of notices to their targets through the notify workflow.
#include "services/notifications/notification_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>

#include "connectors/webhook/fake_notifier.hpp"
#include "engine/engine.hpp"
#include "http/handlers/notification_input.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "store/app_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;

constexpr const char* kRobotUrl =
    "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123";
constexpr const char* kHookUrl = "https://hooks.example.com/slipway";

class NotificationTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  SecretBox secrets_{SecretBox::Key{7}};
  NotificationService settings_{*db_, clock_, secrets_};
  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "r1"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r2"};  // owner
  RequestContext dan_{{3, "dan", core::Role::kDeveloper}, "r3"};      // developer member
  std::int64_t app_id_ = 0;

  // Delivery: a fake per URL, and what the workflow asked for.
  Connections connections_;
  std::map<std::string, std::shared_ptr<connectors::FakeNotifier>> fakes_;
  std::vector<NotifierChannel> channels_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<EngineNotices> notices_;

  // Bodies as people write them, parsed as the API parses them.
  core::Result<NotificationSettingsView> PutApp(const RequestContext& ctx, const std::string& app,
                                                const json::object& body) {
    return settings_.PutApp(ctx, app, http::ParseReplaceTargets(body));
  }
  core::Result<NotificationSettingsView> PutTeam(const RequestContext& ctx, const std::string& team,
                                                 const json::object& body) {
    return settings_.PutTeam(ctx, team, http::ParseReplaceTargets(body));
  }

  void SetUp() override {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      core::App app;
      app.name = "shop";
      app.team = "trade";
      app.owner = "alice";
      app_id_ = store::apps::Insert(tx, app);
      store::apps::PutMember(tx, app_id_, "alice", core::MemberRole::kOwner);
      store::apps::PutMember(tx, app_id_, "dan", core::MemberRole::kDeveloper);
    });
    connections_.notifier =
        [this](const NotifierChannel& c) -> std::shared_ptr<connectors::Notifier> {
      channels_.push_back(c);
      auto& fake = fakes_[c.url];
      if (!fake) fake = std::make_shared<connectors::FakeNotifier>();
      return fake;
    };
    engine::Registry registry;
    RegisterNotifyWorkflow(registry, secrets_, connections_);
    engine::EngineSettings settings;
    settings.owner_id = "test";
    settings.retry = {.base_ms = 1000, .max_ms = 8000, .max_attempts = 3};
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), settings);
    notices_ = std::make_unique<EngineNotices>(*engine_, clock_, secrets_);
  }

  std::shared_ptr<connectors::FakeNotifier> Fake(const std::string& url) {
    auto& fake = fakes_[url];
    if (!fake) fake = std::make_shared<connectors::FakeNotifier>();
    return fake;
  }

  void Enqueue(NoticeKind kind = NoticeKind::kApprovalRequested) {
    Notice n;
    n.kind = kind;
    n.app_id = app_id_;
    n.title = "Approval requested: shop change 1";
    n.markdown = "### Approval requested\n\nApprovers: @bob";
    n.data = {{"change_id", 1}};
    n.mention = {"bob"};
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) { notices_->Enqueue(tx, n); });
  }

  int RunAll() {
    int ran = 0;
    while (engine_->RunOnce()) ++ran;
    return ran;
  }

  std::vector<store::NotificationDelivery> Deliveries() {
    return settings_.GetApp(admin_, "shop")->deliveries;
  }

  static std::string Field(const core::Error& e) {
    const auto* f = e.details.if_contains("field");
    return f && f->is_string() ? std::string(f->as_string()) : "";
  }
};

TEST_F(NotificationTest, TargetsAreStoredSealedAndShownWithoutSecrets) {
  json::object body{
      {"targets",
       json::array{
           json::object{
               {"name", "ops"}, {"type", "dingtalk"}, {"url", kRobotUrl}, {"secret", "SECabc"}},
           json::object{{"name", "pager"},
                        {"type", "webhook"},
                        {"url", kHookUrl},
                        {"kinds", json::array{"release_failed"}}}}}};
  auto put = PutApp(alice_, "shop", body);
  ASSERT_TRUE(put.ok()) << put.error().message;
  ASSERT_EQ(put->targets.size(), 2u);
  const auto& ops = put->targets[0];
  EXPECT_EQ(ops.name, "ops");
  EXPECT_EQ(ops.url_shown, "https://oapi.dingtalk.com/robot/send?access_token=…0123");
  EXPECT_FALSE(ops.secret_sealed.empty());
  EXPECT_EQ(ops.kinds.size(), 4u);
  EXPECT_EQ(put->targets[1].kinds, std::vector<std::string>{"release_failed"});
  // Nothing in the database reads as the token or the secret.
  auto leaked = store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
    return tx
        .QueryOne(
            "SELECT COUNT(*) FROM notification_targets WHERE url_sealed LIKE '%0123456789abcdef%' "
            "OR secret_sealed LIKE '%SECabc%'")
        ->Int(0);
  });
  EXPECT_EQ(leaked, 0);
  EXPECT_EQ(*secrets_.Open(ops.url_sealed), kRobotUrl);

  // Left out: URL and secret stay; null removes the secret; unlisted targets go.
  auto kept =
      PutApp(alice_, "shop",
             {{"targets", json::array{json::object{{"name", "ops"}, {"type", "dingtalk"}}}}});
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  ASSERT_EQ(kept->targets.size(), 1u);
  EXPECT_EQ(*secrets_.Open(kept->targets[0].url_sealed), kRobotUrl);
  EXPECT_EQ(*secrets_.Open(kept->targets[0].secret_sealed), "SECabc");
  auto cleared = PutApp(
      alice_, "shop",
      {{"targets",
        json::array{json::object{{"name", "ops"}, {"type", "dingtalk"}, {"secret", nullptr}}}}});
  EXPECT_TRUE(cleared->targets[0].secret_sealed.empty());
  EXPECT_EQ(settings_.GetApp(admin_, "shop")->targets.size(), 1u);
}

TEST_F(NotificationTest, RefusedBodiesChangeNothing) {
  ASSERT_TRUE(PutApp(alice_, "shop",
                     {{"targets", json::array{json::object{
                                      {"name", "ops"}, {"type", "dingtalk"}, {"url", kRobotUrl}}}}})
                  .ok());
  auto new_without_url =
      PutApp(alice_, "shop",
             {{"targets", json::array{json::object{{"name", "ops"}, {"type", "dingtalk"}},
                                      json::object{{"name", "new"}, {"type", "webhook"}}}}});
  EXPECT_EQ(Field(new_without_url.error()), "targets[1].url");
  auto type_change =
      PutApp(alice_, "shop",
             {{"targets", json::array{json::object{{"name", "ops"}, {"type", "webhook"}}}}});
  EXPECT_EQ(Field(type_change.error()), "targets[0].url");
  EXPECT_EQ(Field(PutApp(alice_, "shop", {}).error()), "targets");
  auto view = settings_.GetApp(alice_, "shop");
  ASSERT_EQ(view->targets.size(), 1u);
  EXPECT_EQ(view->targets[0].type, "dingtalk");
}

// The stored secret signs only for the address it was given with: a target
// moved to another URL needs its secret again (or null to drop it).
TEST_F(NotificationTest, AStoredSecretDoesNotFollowTheTargetToANewUrl) {
  auto target = [](json::object fields) {
    fields["name"] = "ops";
    fields["type"] = "dingtalk";
    return json::object{{"targets", json::array{std::move(fields)}}};
  };
  ASSERT_TRUE(PutApp(alice_, "shop", target({{"url", kRobotUrl}, {"secret", "SECabc"}})).ok());
  const std::string elsewhere = "https://oapi.dingtalk.com/robot/send?access_token=ffff0000";
  auto moved = PutApp(alice_, "shop", target({{"url", elsewhere}}));
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(Field(moved.error()), "targets[0].secret");
  auto view = settings_.GetApp(alice_, "shop");
  EXPECT_EQ(*secrets_.Open(view->targets[0].url_sealed), kRobotUrl) << "nothing changed";

  auto same_url = PutApp(alice_, "shop", target({{"url", kRobotUrl}}));
  ASSERT_TRUE(same_url.ok()) << same_url.error().message;
  EXPECT_EQ(*secrets_.Open(same_url->targets[0].secret_sealed), "SECabc");
  auto given = PutApp(alice_, "shop", target({{"url", elsewhere}, {"secret", "SECdef"}}));
  ASSERT_TRUE(given.ok()) << given.error().message;
  EXPECT_EQ(*secrets_.Open(given->targets[0].secret_sealed), "SECdef");
  auto dropped = PutApp(alice_, "shop", target({{"url", kRobotUrl}, {"secret", nullptr}}));
  ASSERT_TRUE(dropped.ok()) << dropped.error().message;
  EXPECT_TRUE(dropped->targets[0].secret_sealed.empty());
}

TEST_F(NotificationTest, OwnersManageTheirApplicationAndAdminsTheTeams) {
  const json::object empty{{"targets", json::array{}}};
  EXPECT_EQ(settings_.GetApp(dan_, "shop").error().code, core::Code::kForbidden);
  EXPECT_EQ(PutApp(dan_, "shop", empty).error().code, core::Code::kForbidden);
  // Who may change them is answered before what the body says: an outsider learns no rule.
  EXPECT_EQ(PutApp(dan_, "shop", {}).error().code, core::Code::kForbidden);
  EXPECT_EQ(settings_.GetApp(alice_, "nope").error().code, core::Code::kNotFound);
  EXPECT_EQ(settings_.GetTeam(alice_, "trade").error().code, core::Code::kForbidden);
  EXPECT_EQ(PutTeam(alice_, "trade", empty).error().code, core::Code::kForbidden);
  EXPECT_EQ(PutTeam(admin_, std::string(65, 't'), empty).error().code, core::Code::kInvalid);
  auto team = PutTeam(
      admin_, "trade",
      {{"targets",
        json::array{json::object{{"name", "team-hook"}, {"type", "webhook"}, {"url", kHookUrl}}}}});
  ASSERT_TRUE(team.ok()) << team.error().message;
  EXPECT_EQ(team->scope, "team");
  // The application's owner sees what the team adds, without its URL.
  auto app = settings_.GetApp(alice_, "shop");
  ASSERT_EQ(app->team_targets.size(), 1u);
  EXPECT_EQ(app->team_targets[0].name, "team-hook");
  EXPECT_EQ(app->team, "trade");
}

TEST_F(NotificationTest, ANoticeReachesEveryTargetOfItsKindOnceWithAStableId) {
  ASSERT_TRUE(
      PutApp(alice_, "shop",
             {{"targets", json::array{json::object{{"name", "ops"},
                                                   {"type", "dingtalk"},
                                                   {"url", kRobotUrl},
                                                   {"secret", "SECabc"}},
                                      json::object{{"name", "failures"},
                                                   {"type", "webhook"},
                                                   {"url", "https://other.example/x"},
                                                   {"kinds", json::array{"release_failed"}}}}}})
          .ok());
  // The team names the same robot: it gets the notice once.
  ASSERT_TRUE(
      PutTeam(
          admin_, "trade",
          {{"targets",
            json::array{
                json::object{{"name", "robot"}, {"type", "dingtalk"}, {"url", kRobotUrl}},
                json::object{
                    {"name", "hook"}, {"type", "webhook"}, {"url", kHookUrl}, {"secret", "k"}}}}})
          .ok());
  Enqueue();
  EXPECT_EQ(RunAll(), 2);
  ASSERT_EQ(Fake(kRobotUrl)->notices().size(), 1u);
  ASSERT_EQ(Fake(kHookUrl)->notices().size(), 1u);
  EXPECT_TRUE(Fake("https://other.example/x")->notices().empty());
  const auto n = Fake(kRobotUrl)->notices()[0];
  EXPECT_EQ(n.event, "change.approval_requested");
  EXPECT_EQ(n.title, "Approval requested: shop change 1");
  EXPECT_EQ(n.at.user_ids, std::vector<std::string>{"bob"});
  EXPECT_EQ(n.fields.at("change_id"), "1");
  EXPECT_EQ(n.fields.at("app"), "shop");
  EXPECT_EQ(n.fields.at("notice"), "approval_requested");
  EXPECT_FALSE(n.id.empty());
  // The targets' secrets were opened for the clients.
  ASSERT_EQ(channels_.size(), 2u);
  for (const auto& c : channels_) EXPECT_EQ(c.secret, c.url == kRobotUrl ? "SECabc" : "k");

  auto deliveries = Deliveries();
  ASSERT_EQ(deliveries.size(), 2u);
  for (const auto& d : deliveries) {
    EXPECT_EQ(d.state, "delivered") << d.target_name;
    EXPECT_EQ(d.attempts, 1);
  }
  EXPECT_EQ(deliveries[0].workflow_id, Fake(kHookUrl)->notices()[0].id);
}

TEST_F(NotificationTest, TransientFailuresAreRetriedAndPermanentOnesFailWithTheReason) {
  ASSERT_TRUE(
      PutApp(alice_, "shop",
             {{"targets",
               json::array{json::object{{"name", "flaky"}, {"type", "webhook"}, {"url", kHookUrl}},
                           json::object{{"name", "wrong-secret"},
                                        {"type", "dingtalk"},
                                        {"url", kRobotUrl},
                                        {"secret", "SECwrong"}}}}})
          .ok());
  Fake(kHookUrl)->FailNext(core::Error{core::Code::kTransient, "webhook: HTTP 503", {}});
  Fake(kRobotUrl)->FailNext(core::Unauthenticated("dingtalk: sign not match (errcode 310000)"));
  Enqueue(NoticeKind::kReleaseFailed);
  RunAll();
  auto by_name = [&] {
    std::map<std::string, store::NotificationDelivery> out;
    for (auto& d : Deliveries()) out[d.target_name] = d;
    return out;
  };
  auto first = by_name();
  EXPECT_EQ(first["flaky"].state, "pending");
  EXPECT_EQ(first["flaky"].error, "flaky: webhook: HTTP 503");
  EXPECT_EQ(first["wrong-secret"].state, "failed");
  EXPECT_NE(first["wrong-secret"].error.find("sign not match"), std::string::npos);
  auto workflow = engine_->Get(first["wrong-secret"].workflow_id);
  EXPECT_EQ(workflow->state, engine::WorkflowState::kFailed);

  clock_.Advance(1000);  // the engine's backoff
  EXPECT_EQ(RunAll(), 1);
  auto second = by_name();
  EXPECT_EQ(second["flaky"].state, "delivered");
  EXPECT_EQ(second["flaky"].attempts, 2);
  EXPECT_EQ(Fake(kHookUrl)->notices().size(), 1u);
}

TEST_F(NotificationTest, RetriesThatRunOutReadAsFailed) {
  ASSERT_TRUE(PutApp(alice_, "shop",
                     {{"targets", json::array{json::object{
                                      {"name", "down"}, {"type", "webhook"}, {"url", kHookUrl}}}}})
                  .ok());
  for (int i = 0; i < 3; ++i)
    Fake(kHookUrl)->FailNext(core::Error{core::Code::kTransient, "timeout", {}});
  Enqueue(NoticeKind::kReleaseCompleted);
  for (int i = 0; i < 4; ++i) {
    RunAll();
    clock_.Advance(10'000);
  }
  auto deliveries = Deliveries();
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].state, "failed");
  EXPECT_NE(deliveries[0].error.find("timeout"), std::string::npos);
  EXPECT_TRUE(Fake(kHookUrl)->notices().empty());
}

TEST_F(NotificationTest, ATargetRemovedBeforeDeliveryIsSkipped) {
  ASSERT_TRUE(PutApp(alice_, "shop",
                     {{"targets", json::array{json::object{
                                      {"name", "ops"}, {"type", "webhook"}, {"url", kHookUrl}}}}})
                  .ok());
  Enqueue();
  ASSERT_TRUE(PutApp(alice_, "shop", {{"targets", json::array{}}}).ok());
  RunAll();
  auto deliveries = Deliveries();
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].state, "skipped");
  EXPECT_TRUE(Fake(kHookUrl)->notices().empty());
}

TEST_F(NotificationTest, NoTargetNoWorkflow) {
  Enqueue();
  EXPECT_EQ(RunAll(), 0);
  EXPECT_TRUE(Deliveries().empty());
}

}  // namespace
}  // namespace slipway::services
