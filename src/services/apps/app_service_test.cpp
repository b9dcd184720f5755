#include "services/apps/app_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/handlers/app_input.hpp"
#include "store/audit_repository.hpp"
#include "store/user_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;

class AppServiceTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  AppService apps_{*db_, clock_};
  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "r-admin"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};
  RequestContext bob_{{3, "bob", core::Role::kDeveloper}, "r-bob"};
  RequestContext viewer_{{4, "vic", core::Role::kViewer}, "r-vic"};

  void SetUp() override {
    store::InTx(*db_, store::TxMode::kWrite, [](store::Tx& tx) {
      for (const char* name : {"admin", "alice", "bob", "vic", "carol"}) {
        store::UserRecord u;
        u.username = name;
        // bob leads the team: approvers must hold the approver role.
        u.role = std::string_view(name) == "bob" ? core::Role::kApprover : core::Role::kDeveloper;
        u.password_hash = "unused";
        store::users::Insert(tx, u);
      }
    });
  }

  // Bodies as people write them, parsed as the API parses them.
  core::Result<AppView> RegisterBody(const RequestContext& ctx, const json::object& body) {
    auto command = http::ParseRegisterApp(body);
    if (!command.ok()) return command.error();
    return apps_.Register(ctx, *command);
  }
  core::Result<AppView> Edit(const RequestContext& ctx, const std::string& ref,
                             const json::object& body) {
    return apps_.Edit(ctx, ref, http::ParseEditApp(body));
  }
  core::Result<AppView> Complete(const RequestContext& ctx, const std::string& ref,
                                 const json::object& body) {
    return apps_.CompleteDetails(ctx, ref, http::ParseCompleteDetails(body));
  }
  core::Result<AppView> Transit(const RequestContext& ctx, const std::string& ref,
                                core::AppEvent event, const json::object& body) {
    return apps_.Transition(ctx, ref, event, http::ParseAppTransition(event, body));
  }
  core::Result<std::vector<store::Member>> PutMember(const RequestContext& ctx,
                                                     const std::string& ref,
                                                     const std::string& user,
                                                     const json::object& body) {
    return apps_.PutMember(ctx, ref, user, http::ParsePutMember(body));
  }

  AppView Register(const std::string& name, const std::string& type = "self_developed") {
    json::object body{{"name", name}, {"team", "trade"}, {"type", type}, {"level", "core"}};
    if (type == "self_developed") body["repo_url"] = "https://git.example.com/" + name + ".git";
    auto r = RegisterBody(alice_, body);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.value();
  }

  std::int64_t AuditCount(std::int64_t app_id) {
    return static_cast<std::int64_t>(store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
                                       store::AuditQuery q;
                                       q.object_type = "app";
                                       q.object_id = std::to_string(app_id);
                                       q.limit = 500;
                                       return store::audit::List(tx, q);
                                     }).size());
  }
};

TEST_F(AppServiceTest, RegistrationStartsUnderReviewWithTheCallerAsOwner) {
  auto v = Register("order-svc");
  EXPECT_EQ(v.app.status, core::AppStatus::kUnderReview);
  EXPECT_EQ(v.app.owner, "alice");
  ASSERT_EQ(v.members.size(), 1u);
  EXPECT_EQ(v.members[0].role, core::MemberRole::kOwner);
  EXPECT_FALSE(v.actions.Allows("build"));
  EXPECT_EQ(AuditCount(v.app.id), 1);
}

TEST_F(AppServiceTest, InvalidRegistrationsNameTheFieldAndCreateNothing) {
  struct Case {
    json::object body;
    std::string field;
  };
  std::vector<Case> cases = {
      {{{"name", "Bad_Name"}, {"team", "t"}, {"type", "empty"}, {"level", "core"}}, "name"},
      {{{"name", std::string(64, 'a')}, {"team", "t"}, {"type", "empty"}, {"level", "core"}},
       "name"},
      {{{"name", "ok"}, {"team", "t"}, {"type", "robot"}, {"level", "core"}}, "type"},
      {{{"name", "ok"}, {"team", "t"}, {"type", "empty"}, {"level", "vip"}}, "level"},
      {{{"name", "ok"}, {"team", 7}, {"type", "empty"}, {"level", "core"}}, "team"},
      {{{"name", "ok"}, {"team", "t"}, {"type", "self_developed"}, {"level", "core"}}, "repo_url"},
      {{{"name", "ok"},
        {"team", "t"},
        {"type", "empty"},
        {"level", "core"},
        {"repo_url", "https://x/y.git"}},
       "repo_url"},
  };
  for (const auto& c : cases) {
    auto r = RegisterBody(alice_, c.body);
    ASSERT_FALSE(r.ok()) << json::serialize(c.body);
    EXPECT_EQ(r.error().code, core::Code::kInvalid);
    EXPECT_EQ(r.error().details.at("field").as_string(), c.field) << json::serialize(c.body);
  }
  EXPECT_TRUE(apps_.List(admin_, {}, "")->items.empty());
}

TEST_F(AppServiceTest, DuplicateNameIsAConflict) {
  Register("dup");
  auto again =
      RegisterBody(bob_, {{"name", "dup"}, {"team", "x"}, {"type", "empty"}, {"level", "edge"}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
}

TEST_F(AppServiceTest, ReviewCompleteAndMarkOnline) {
  auto v = Register("pay-svc");
  EXPECT_EQ(Transit(alice_, "pay-svc", core::AppEvent::kApprove, {}).error().code,
            core::Code::kForbidden);
  auto approved = Transit(admin_, "pay-svc", core::AppEvent::kApprove, {{"comment", "ok"}});
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->app.status, core::AppStatus::kPendingOnline);
  EXPECT_FALSE(approved->missing_fields.empty());

  auto completed =
      Complete(alice_, "pay-svc",
               {{"version", approved->app.version},
                {"build_job", "trade/pay-svc"},
                {"ports", json::array{json::object{{"name", "http"}, {"port", 8080}}}},
                {"health_check", {{"type", "http"}, {"path", "/healthz"}, {"port", 8080}}},
                {"approvers", json::array{"bob"}}});
  ASSERT_TRUE(completed.ok()) << completed.error().message;
  EXPECT_TRUE(completed->missing_fields.empty());
  EXPECT_TRUE(completed->actions.Allows("release"));

  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    ASSERT_TRUE(apps_.MarkOnline(tx, admin_, v.app.id).ok());
    ASSERT_TRUE(apps_.MarkOnline(tx, admin_, v.app.id).ok()) << "idempotent";
  });
  EXPECT_EQ(apps_.Get(alice_, "pay-svc")->app.status, core::AppStatus::kOnline);
}

TEST_F(AppServiceTest, RefusedTransitionsAndStaleVersionsChangeNothing) {
  auto v = Register("stale-svc");
  auto before = AuditCount(v.app.id);
  auto twice = Transit(admin_, "stale-svc", core::AppEvent::kConfirmOffline, {});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, core::Code::kConflict);
  auto stale = Edit(alice_, "stale-svc", {{"version", v.app.version + 5}, {"team", "new"}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  auto not_member = Edit(bob_, "stale-svc", {{"version", v.app.version}, {"team", "new"}});
  EXPECT_EQ(not_member.error().code, core::Code::kForbidden);
  auto viewer = Edit(viewer_, "stale-svc", {{"version", v.app.version}, {"team", "new"}});
  EXPECT_EQ(viewer.error().code, core::Code::kForbidden);
  auto rename = Edit(alice_, "stale-svc", {{"version", v.app.version}, {"name", "other"}});
  EXPECT_EQ(rename.error().code, core::Code::kInvalid);
  auto now = apps_.Get(alice_, "stale-svc").value();
  EXPECT_EQ(now.app.version, v.app.version);
  EXPECT_EQ(now.app.team, "trade");
  EXPECT_EQ(AuditCount(v.app.id), before);
}

TEST_F(AppServiceTest, OfflineRequestCanBeCancelledOrConfirmed) {
  auto v = Register("old-svc", "empty");
  ASSERT_TRUE(Transit(admin_, "old-svc", core::AppEvent::kApprove, {}).ok());
  ASSERT_TRUE(
      Transit(alice_, "old-svc", core::AppEvent::kRequestOffline, {{"reason", "unused"}}).ok());
  auto cancelled = Transit(alice_, "old-svc", core::AppEvent::kCancelOffline, {});
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->app.status, core::AppStatus::kPendingOnline);
  ASSERT_TRUE(Transit(alice_, "old-svc", core::AppEvent::kRequestOffline, {}).ok());
  auto offline = Transit(admin_, "old-svc", core::AppEvent::kConfirmOffline, {});
  ASSERT_TRUE(offline.ok());
  EXPECT_EQ(offline->app.status, core::AppStatus::kOffline);
  EXPECT_FALSE(offline->actions.Allows("add_environment"));
  auto edit = Edit(alice_, "old-svc", {{"version", offline->app.version}, {"team", "x"}});
  EXPECT_EQ(edit.error().code, core::Code::kConflict);
}

TEST_F(AppServiceTest, RejectNeedsAReasonAndCanBeResubmitted) {
  Register("rej-svc");
  EXPECT_EQ(Transit(admin_, "rej-svc", core::AppEvent::kReject, {}).error().code,
            core::Code::kInvalid);
  auto rejected = Transit(admin_, "rej-svc", core::AppEvent::kReject, {{"reason", "dup of x"}});
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->app.status_reason, "dup of x");
  auto again = Transit(alice_, "rej-svc", core::AppEvent::kResubmit, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->app.status, core::AppStatus::kUnderReview);
  EXPECT_TRUE(again->app.status_reason.empty());
}

TEST_F(AppServiceTest, ListPagesWithOpaqueCursorsAndRefusesForgedOnes) {
  for (int i = 0; i < 7; ++i) Register("svc-" + std::to_string(i));
  store::AppQuery q;
  q.limit = 3;
  std::vector<std::string> names;
  std::string cursor;
  do {
    auto page = apps_.List(alice_, q, cursor);
    ASSERT_TRUE(page.ok());
    for (const auto& v : page->items) names.push_back(v.app.name);
    cursor = page->next_cursor.value_or("");
  } while (!cursor.empty());
  EXPECT_EQ(names.size(), 7u);
  EXPECT_EQ(apps_.List(alice_, q, "zz-not-hex").error().code, core::Code::kInvalid);
}

TEST_F(AppServiceTest, HandingOverMovesTheOwnerRights) {
  auto v = Register("handover-svc");
  EXPECT_EQ(
      Edit(alice_, "handover-svc", {{"version", v.app.version}, {"owner", "ghost"}}).error().code,
      core::Code::kInvalid);
  auto moved = Edit(alice_, "handover-svc", {{"version", v.app.version}, {"owner", "bob"}});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->app.owner, "bob");
  EXPECT_TRUE(Transit(bob_, "handover-svc", core::AppEvent::kResubmit, {}).error().code ==
              core::Code::kConflict)
      << "bob may act as owner now (the refusal is about state, not rights)";
  EXPECT_EQ(PutMember(alice_, "handover-svc", "carol", {{"role", "developer"}}).error().code,
            core::Code::kForbidden)
      << "alice is only a developer now";
}

TEST_F(AppServiceTest, OnlyOwnersAndAdminsChooseOwnerAndApprovers) {
  auto v = Register("rights-svc");
  ASSERT_TRUE(PutMember(alice_, "rights-svc", "carol", {{"role", "developer"}}).ok());
  RequestContext carol{{5, "carol", core::Role::kDeveloper}, "r-carol"};
  auto version = apps_.Get(alice_, "rights-svc")->app.version;
  EXPECT_EQ(Edit(carol, "rights-svc", {{"version", version}, {"owner", "carol"}}).error().code,
            core::Code::kForbidden);
  ASSERT_TRUE(Transit(admin_, "rights-svc", core::AppEvent::kApprove, {}).ok());
  version = apps_.Get(alice_, "rights-svc")->app.version;
  EXPECT_EQ(Complete(carol, "rights-svc", {{"version", version}, {"approvers", json::array{"bob"}}})
                .error()
                .code,
            core::Code::kForbidden);
  auto not_approver =
      Complete(alice_, "rights-svc", {{"version", version}, {"approvers", json::array{"vic"}}});
  ASSERT_FALSE(not_approver.ok());
  EXPECT_EQ(json::serialize(not_approver.error().details.at("field")), "\"approvers\"")
      << "vic is no approver";
  auto chosen =
      Complete(alice_, "rights-svc", {{"version", version}, {"approvers", json::array{"BOB"}}});
  ASSERT_TRUE(chosen.ok()) << chosen.error().message;
  EXPECT_EQ(chosen->app.approvers, std::vector<std::string>{"bob"})
      << "recorded under the user's own name";
  auto same = Complete(carol, "rights-svc",
                       {{"version", chosen->app.version}, {"approvers", json::array{"bob"}}});
  ASSERT_TRUE(same.ok()) << "the same approvers are no change: " << same.error().message;
  EXPECT_EQ(same->app.version, chosen->app.version);
  EXPECT_EQ(v.app.owner, "alice");
}

TEST_F(AppServiceTest, PermissionIsCheckedBeforeTheBody) {
  Register("guarded-svc");
  EXPECT_EQ(Edit(bob_, "guarded-svc", {}).error().code, core::Code::kForbidden);
  EXPECT_EQ(Complete(bob_, "guarded-svc", {}).error().code, core::Code::kForbidden);
  EXPECT_EQ(PutMember(bob_, "guarded-svc", "carol", {}).error().code, core::Code::kForbidden);
  EXPECT_EQ(Edit(alice_, "guarded-svc", {}).error().code, core::Code::kInvalid);
}

TEST_F(AppServiceTest, MembersKeepAnOwner) {
  Register("team-svc");
  EXPECT_EQ(PutMember(bob_, "team-svc", "bob", {{"role", "owner"}}).error().code,
            core::Code::kForbidden);
  ASSERT_TRUE(PutMember(alice_, "team-svc", "bob", {{"role", "developer"}}).ok());
  EXPECT_EQ(PutMember(alice_, "team-svc", "bob", {{"role", "boss"}}).error().code,
            core::Code::kInvalid);
  EXPECT_EQ(apps_.RemoveMember(alice_, "team-svc", "alice").error().code, core::Code::kConflict);
  EXPECT_EQ(PutMember(alice_, "team-svc", "alice", {{"role", "developer"}}).error().code,
            core::Code::kConflict)
      << "the only owner stays owner";
  EXPECT_EQ(PutMember(alice_, "team-svc", "nobody", {{"role", "developer"}}).error().code,
            core::Code::kNotFound);
  EXPECT_TRUE(apps_.RemoveMember(alice_, "team-svc", "bob").ok());
  EXPECT_EQ(apps_.RemoveMember(alice_, "team-svc", "bob").error().code, core::Code::kNotFound);
  ASSERT_TRUE(PutMember(alice_, "team-svc", "carol", {{"role", "owner"}}).ok());
  ASSERT_TRUE(apps_.RemoveMember(alice_, "team-svc", "alice").ok());
  EXPECT_EQ(apps_.Get(alice_, "team-svc")->app.owner, "carol")
      << "the owner field follows the owners";
}

}  // namespace
}  // namespace slipway::services
