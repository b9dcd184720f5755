// The change lifecycle through the service: people's transitions with their
// permissions, approval notices, refusals, and the release work's hooks.
#include <gtest/gtest.h>

#include "core/changes/change_actions.hpp"
#include "services/changes/change_test_fixture.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
using core::ChangeEvent;
using core::ChangeState;
using Strings = std::vector<std::string>;

TEST_F(ChangeServiceTest, WithoutApprovalSubmitGoesToPendingReleaseAndWithdrawBack) {
  auto app = App("shop");  // non_core: no approval by default
  auto change = CodeChange(app, Env(app, "prod")).change;
  auto submitted = Do(dan_, change.id, ChangeEvent::kSubmit, {{"comment", "ready"}});
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  EXPECT_EQ(submitted->change.state, ChangeState::kPendingRelease);
  EXPECT_FALSE(submitted->change.needs_approval);
  EXPECT_EQ(submitted->actions, (Strings{"withdraw", "release"}));
  EXPECT_TRUE(notices_.notices.empty());
  auto withdrawn = Do(alice_, change.id, ChangeEvent::kWithdraw);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->change.state, ChangeState::kDeveloping);
  ASSERT_EQ(EventKinds(*withdrawn), (Strings{"create", "submit", "withdraw"}));
  EXPECT_EQ(withdrawn->events[1].comment, "ready");
  EXPECT_EQ(withdrawn->events[1].actor, "dan");
  EXPECT_EQ(AuditActions(change.id),
            (Strings{"change.create", "change.submit", "change.withdraw"}));
}

TEST_F(ChangeServiceTest, CoreApplicationsInProdNeedAnApproverWhoIsNotifiedAtSubmit) {
  auto app = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto change = CodeChange(app, Env(app, "prod")).change;
  auto submitted = Do(alice_, change.id, ChangeEvent::kSubmit);
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  EXPECT_EQ(submitted->change.state, ChangeState::kApproving);
  EXPECT_TRUE(Stored(change.id).needs_approval);
  EXPECT_EQ(submitted->actions, Strings{});  // alice writes; approving is bob's

  ASSERT_EQ(notices_.notices.size(), 1u);
  const auto& notice = notices_.notices[0];
  EXPECT_EQ(notice.kind, NoticeKind::kApprovalRequested);
  EXPECT_EQ(notice.app_id, app.id);
  EXPECT_EQ(notice.mention, Strings{"bob"});
  EXPECT_NE(notice.markdown.find("@bob"), std::string::npos);
  EXPECT_EQ(notice.data.at("change_id").as_int64(), change.id);

  // Not the owner, not the developer, not a global approver who is no member.
  for (const auto* ctx : {&alice_, &dan_, &eve_, &vic_}) {
    auto r = Do(*ctx, change.id, ChangeEvent::kApprove, {{"comment", "ok"}});
    ASSERT_FALSE(r.ok()) << ctx->caller.username;
    EXPECT_EQ(r.error().code, core::Code::kForbidden) << ctx->caller.username;
  }
  EXPECT_EQ(changes_.Get(bob_, std::to_string(change.id))->actions, (Strings{"approve", "reject"}));
  auto approved = Do(bob_, change.id, ChangeEvent::kApprove, {{"comment", "looks good"}});
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->change.state, ChangeState::kPendingRelease);
  EXPECT_EQ(approved->events.back().kind, "approve");
  EXPECT_EQ(approved->events.back().comment, "looks good");
  EXPECT_EQ(approved->events.back().actor, "bob");
}

TEST_F(ChangeServiceTest, RejectNeedsACommentAndReturnsTheChangeToDeveloping) {
  auto app = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto change = CodeChange(app, Env(app, "prod")).change;
  ASSERT_TRUE(Do(alice_, change.id, ChangeEvent::kSubmit).ok());
  for (const json::object& body :
       {json::object{}, json::object{{"comment", ""}}, json::object{{"comment", 3}}}) {
    auto r = Do(bob_, change.id, ChangeEvent::kReject, body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::Code::kInvalid);
    EXPECT_EQ(Field(r.error()), "comment");
  }
  EXPECT_EQ(Stored(change.id).state, ChangeState::kApproving);
  auto rejected = Do(admin_, change.id, ChangeEvent::kReject, {{"comment", "needs a migration"}});
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->change.state, ChangeState::kDeveloping);
  EXPECT_EQ(rejected->events.back().comment, "needs a migration");
  EXPECT_EQ(AuditActions(change.id).back(), "change.reject");
}

TEST_F(ChangeServiceTest, TheEnvironmentsPolicyDecidesApproval) {
  auto app = App("shop");  // non_core, but its test environment insists
  auto env = Env(app);
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto e = *store::environments::Get(tx, env);
    e.release_policy.approval_required = true;
    e.version += 1;
    store::environments::Update(tx, e);
  });
  auto change = CodeChange(app, env).change;
  EXPECT_EQ(Do(alice_, change.id, ChangeEvent::kSubmit)->change.state, ChangeState::kApproving);
}

// Every event the table does not allow from a state answers 409 naming the
// state and the allowed actions, and changes nothing.
TEST_F(ChangeServiceTest, EveryRefusedTransitionIsAConflictWithStateAndAllowedActions) {
  auto app = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto env = Env(app, "prod");
  auto in_state = [&](ChangeState target) {
    auto id = CodeChange(app, env).change.id;
    if (target == ChangeState::kClosed) {
      EXPECT_TRUE(Do(alice_, id, ChangeEvent::kClose).ok());
    }
    if (target == ChangeState::kDeveloping || target == ChangeState::kClosed) return id;
    EXPECT_TRUE(Do(alice_, id, ChangeEvent::kSubmit).ok());
    if (target == ChangeState::kApproving) return id;
    EXPECT_TRUE(Do(bob_, id, ChangeEvent::kApprove).ok());
    if (target == ChangeState::kPendingRelease) return id;
    store::InTx(*db_, store::TxMode::kWrite,
                [&](store::Tx& tx) { EXPECT_TRUE(changes_.MarkReleasing(tx, id, 100 + id).ok()); });
    if (target == ChangeState::kReleasing) return id;
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      EXPECT_TRUE(changes_.MarkFinished(tx, id, target == ChangeState::kReleased).ok());
    });
    return id;
  };
  const ChangeEvent personal[] = {ChangeEvent::kSubmit, ChangeEvent::kApprove, ChangeEvent::kReject,
                                  ChangeEvent::kClose, ChangeEvent::kWithdraw};
  int refusals = 0;
  for (auto state : {ChangeState::kDeveloping, ChangeState::kApproving, ChangeState::kClosed,
                     ChangeState::kPendingRelease, ChangeState::kReleasing, ChangeState::kReleased,
                     ChangeState::kFailed}) {
    auto id = in_state(state);
    ASSERT_EQ(Stored(id).state, state);
    json::array allowed;
    for (auto e : core::AllowedChangeEvents(state)) allowed.emplace_back(core::ChangeEventName(e));
    for (auto event : personal) {
      if (core::NextChangeState(state, event, true).ok()) continue;
      const auto before = Stored(id);
      auto r = Do(admin_, id, event, {{"comment", "try"}});
      ASSERT_FALSE(r.ok()) << core::ChangeStateName(state) << " " << core::ChangeEventName(event);
      EXPECT_EQ(r.error().code, core::Code::kConflict);
      EXPECT_EQ(r.error().details.at("state").as_string(), core::ChangeStateName(state));
      EXPECT_EQ(r.error().details.at("allowed_actions"), allowed);
      EXPECT_EQ(Stored(id).version, before.version);
      ++refusals;
    }
  }
  EXPECT_EQ(refusals, 7 * 5 - 5);  // five allowed pairs: submit, close, approve, reject, withdraw
}

TEST_F(ChangeServiceTest, ReleaseHooksMoveTheChangeOnceAndKeepRollbackEntries) {
  auto app = App("shop");
  auto change = CodeChange(app, Env(app)).change;
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto early = changes_.MarkReleasing(tx, change.id, 7);
    EXPECT_EQ(early.error().code, core::Code::kConflict);  // not submitted yet
    EXPECT_EQ(early.error().details.at("state").as_string(), "developing");
  });
  ASSERT_TRUE(Do(alice_, change.id, ChangeEvent::kSubmit).ok());
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    EXPECT_TRUE(changes_.MarkReleasing(tx, change.id, 7, "alice").ok());
    auto again = changes_.MarkReleasing(tx, change.id, 8);
    EXPECT_EQ(again.error().code, core::Code::kConflict);
    EXPECT_EQ(again.error().details.at("release_id").as_int64(), 7);
    EXPECT_TRUE(changes_.MarkFinished(tx, change.id, true).ok());
    EXPECT_EQ(changes_.MarkFinished(tx, change.id, false).error().code, core::Code::kConflict);
    EXPECT_TRUE(
        changes_.AddRollbackEntry(tx, change.id, "bob", {{"release_id", 9}, {"image", "r/x:0.9"}})
            .ok());
    EXPECT_EQ(changes_.AddRollbackEntry(tx, 999, "bob", {}).error().code, core::Code::kNotFound);
    EXPECT_EQ(changes_.MarkReleasing(tx, 999, 1).error().code, core::Code::kNotFound);
  });
  auto view = changes_.Get(alice_, std::to_string(change.id));
  EXPECT_EQ(view->change.state, ChangeState::kReleased);
  EXPECT_EQ(view->change.release_id, 7);
  EXPECT_EQ(view->actions, Strings{});
  EXPECT_EQ(EventKinds(*view), (Strings{"create", "submit", "release", "succeed", "rollback"}));
  EXPECT_EQ(view->events[2].actor, "alice");
  EXPECT_EQ(view->events[3].actor, "system");
  EXPECT_EQ(json::parse(view->events[4].detail).at("release_id").as_int64(), 9);
  EXPECT_EQ(AuditActions(change.id).back(), "change.succeed");
}

TEST_F(ChangeServiceTest, SystemChangesArePendingAtOnceWithoutApproval) {
  auto app = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto env_id = Env(app, "prod");
  auto env = store::InTx(*db_, store::TxMode::kRead,
                         [&](store::Tx& tx) { return *store::environments::Get(tx, env_id); });
  auto scale = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    return changes_.CreateSystemChange(tx, dan_, env, {core::ChangeType::kScale, 3, "", "", ""});
  });
  ASSERT_TRUE(scale.ok()) << scale.error().message;
  EXPECT_EQ(scale->state, ChangeState::kPendingRelease);
  EXPECT_FALSE(scale->needs_approval);
  EXPECT_EQ(scale->replicas, 3);
  EXPECT_EQ(scale->image, env.image);
  EXPECT_EQ(scale->title, "Scale to 3 replicas");
  EXPECT_TRUE(notices_.notices.empty());
  EXPECT_EQ(AuditActions(scale->id), (Strings{"change.create", "change.submit"}));

  auto edit = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    return changes_.CreateSystemChange(
        tx, alice_, env,
        {core::ChangeType::kEnvResource, std::nullopt, R"({"replicas":2})", "resize", ""});
  });
  ASSERT_TRUE(edit.ok());
  EXPECT_EQ(edit->title, "resize");
  EXPECT_EQ(edit->spec, R"({"replicas":2})");

  auto create = [&](const RequestContext& ctx, SystemChange input) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      return changes_.CreateSystemChange(tx, ctx, env, input);
    });
  };
  EXPECT_EQ(Field(create(alice_, {core::ChangeType::kScale, 25, "", "", ""}).error()), "replicas");
  EXPECT_EQ(Field(create(alice_, {core::ChangeType::kScale, std::nullopt, "", "", ""}).error()),
            "replicas");
  EXPECT_EQ(
      Field(create(alice_, {core::ChangeType::kEnvResource, std::nullopt, "[1]", "", ""}).error()),
      "spec");
  EXPECT_EQ(Field(create(alice_, {core::ChangeType::kCode, std::nullopt, "", "", ""}).error()),
            "type");
  EXPECT_EQ(create(bob_, {core::ChangeType::kScale, 2, "", "", ""}).error().code,
            core::Code::kForbidden);
  EXPECT_EQ(CountChanges(), 2);
}

TEST_F(ChangeServiceTest, AnApplicationGoingOfflineStopsChangesGoingForward) {
  auto app = App("pay", core::AppType::kSelfDeveloped, core::AppLevel::kCore);
  auto env = Env(app, "prod");
  auto waiting = CodeChange(app, env).change;
  auto draft = CodeChange(app, env).change;
  ASSERT_TRUE(Do(alice_, waiting.id, ChangeEvent::kSubmit).ok());
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto a = *store::apps::Get(tx, app.id);
    a.status = core::AppStatus::kPendingOffline;
    a.version += 1;
    store::apps::Update(tx, a);
  });
  auto approve = Do(bob_, waiting.id, ChangeEvent::kApprove);
  ASSERT_FALSE(approve.ok());
  EXPECT_EQ(approve.error().code, core::Code::kConflict);
  EXPECT_EQ(approve.error().details.at("app_state").as_string(), "pending_offline");
  EXPECT_EQ(Do(alice_, draft.id, ChangeEvent::kSubmit).error().code, core::Code::kConflict);
  EXPECT_EQ(changes_.Get(alice_, std::to_string(draft.id))->actions, (Strings{"edit", "close"}));
  // Cleaning up stays possible.
  EXPECT_TRUE(Do(bob_, waiting.id, ChangeEvent::kReject, {{"comment", "going offline"}}).ok());
  EXPECT_TRUE(Do(alice_, draft.id, ChangeEvent::kClose).ok());
}

TEST_F(ChangeServiceTest, AStaleVersionOrUnknownFieldIsRefusedBeforeMoving) {
  auto app = App("shop");
  auto change = CodeChange(app, Env(app)).change;
  auto stale = Do(alice_, change.id, ChangeEvent::kSubmit, {{"version", change.version + 1}});
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(stale.error().details.at("current_version").as_int64(), change.version);
  EXPECT_EQ(Field(Do(alice_, change.id, ChangeEvent::kSubmit, {{"note", "x"}}).error()), "note");
  EXPECT_EQ(Do(alice_, 999, ChangeEvent::kSubmit).error().code, core::Code::kNotFound);
  EXPECT_EQ(Stored(change.id).state, ChangeState::kDeveloping);
  EXPECT_EQ(Do(alice_, change.id, ChangeEvent::kRelease).error().code, core::Code::kInvalid);
}

}  // namespace
}  // namespace slipway::services
