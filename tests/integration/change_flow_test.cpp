// The change lifecycle over HTTP (R-CHG-1..4): every transition, every
// refused one answering 409 with the state and the allowed actions,
// approval by approver members only, edits only while developing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "change_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using Strings = std::vector<std::string>;

// Each refused event from `state` answers 409 with the state and the table's actions.
void ExpectRefused(Api& api, std::int64_t id, const std::string& state, const Strings& events,
                   const Strings& allowed) {
  for (const auto& event : events) {
    auto r = api.Post("/api/v1/changes/" + std::to_string(id) + "/" + event, {{"comment", "try"}});
    EXPECT_EQ(r.status, 409) << state << " " << event << ": " << r;
    EXPECT_EQ(r.ErrorCode(), "conflict") << r;
    EXPECT_EQ(r.ErrorDetail("state"), state) << r;
    EXPECT_EQ(AllowedActions(r), allowed) << state << " " << event;
  }
}

TEST_F(ChangeTest, TheWholeLifecycleWithEveryRefusedTransition) {
  auto owner = server().As(owner_);
  auto approver = server().As(approver_);
  const auto id = NewChange();
  auto created = owner.Get(ChangePath(id));
  ASSERT_EQ(created.status, 200) << created;
  EXPECT_EQ(created.Str("state"), "developing");
  EXPECT_EQ(created.Str("image"), "docker.io/grafana/grafana:10.2.0");
  EXPECT_EQ(created.Str("env_type"), "prod");
  EXPECT_EQ(StringsOf(created.Object().at("actions")), (Strings{"edit", "submit", "close"}));
  ExpectRefused(owner, id, "developing", {"withdraw"}, {"submit", "close"});
  ExpectRefused(approver, id, "developing", {"approve", "reject"}, {"submit", "close"});

  // Edits need the version, and only a developing change takes them.
  EXPECT_EQ(owner.Patch(ChangePath(id), {{"title", "x"}}).status, 400);
  auto edited =
      owner.Patch(ChangePath(id), {{"version", created.Int("version")}, {"tag", "10.2.1"}});
  ASSERT_EQ(edited.status, 200) << edited;
  EXPECT_EQ(edited.Str("image"), "docker.io/grafana/grafana:10.2.1");
  EXPECT_EQ(
      owner.Patch(ChangePath(id), {{"version", created.Int("version")}, {"title", "stale"}}).status,
      409);

  // core + prod: submit waits for an approver.
  auto submitted = owner.Post(ChangePath(id, "/submit"));
  ASSERT_EQ(submitted.status, 200) << submitted;
  EXPECT_EQ(submitted.Str("state"), "approving");
  EXPECT_TRUE(submitted.Object().at("needs_approval").as_bool());
  ExpectRefused(owner, id, "approving", {"submit", "close", "withdraw"}, {"approve", "reject"});
  auto patch =
      owner.Patch(ChangePath(id), {{"version", submitted.Int("version")}, {"title", "late"}});
  EXPECT_EQ(patch.status, 409) << patch;
  EXPECT_EQ(patch.ErrorDetail("state"), "approving");

  // A reject needs a comment; it sends the change back.
  auto no_comment = approver.Post(ChangePath(id, "/reject"));
  EXPECT_EQ(no_comment.status, 400) << no_comment;
  EXPECT_EQ(no_comment.ErrorDetail("field"), "comment");
  EXPECT_EQ(owner.Get(ChangePath(id)).Str("state"), "approving");
  auto rejected =
      approver.Post(ChangePath(id, "/reject"), {{"comment", "pin the plugin versions"}});
  ASSERT_EQ(rejected.status, 200) << rejected;
  EXPECT_EQ(rejected.Str("state"), "developing");

  ASSERT_EQ(owner.Post(ChangePath(id, "/submit")).status, 200);
  auto approved = approver.Post(ChangePath(id, "/approve"), {{"comment", "go"}});
  ASSERT_EQ(approved.status, 200) << approved;
  EXPECT_EQ(approved.Str("state"), "pending_release");
  ExpectRefused(owner, id, "pending_release", {"submit", "close"}, {"withdraw", "release"});
  ExpectRefused(approver, id, "pending_release", {"approve", "reject"}, {"withdraw", "release"});

  auto withdrawn = owner.Post(ChangePath(id, "/withdraw"));
  ASSERT_EQ(withdrawn.status, 200) << withdrawn;
  EXPECT_EQ(withdrawn.Str("state"), "developing");
  auto closed = owner.Post(ChangePath(id, "/close"), {{"comment", "superseded"}});
  ASSERT_EQ(closed.status, 200) << closed;
  EXPECT_EQ(closed.Str("state"), "closed");
  auto admin = server().Admin();
  ExpectRefused(admin, id, "closed", {"submit", "approve", "reject", "close", "withdraw"}, {});
  auto immutable =
      owner.Patch(ChangePath(id), {{"version", closed.Int("version")}, {"title", "again"}});
  EXPECT_EQ(immutable.status, 409) << immutable;
  EXPECT_EQ(immutable.ErrorDetail("state"), "closed");

  // The history and the audit trail tell the same story.
  auto shown = server().Anonymous();
  auto history = owner.Get(ChangePath(id));
  Strings kinds;
  for (const auto& e : history.Object().at("events").as_array())
    kinds.push_back(Text(e.at("kind")));
  EXPECT_THAT(kinds, ElementsAre("create", "edit", "submit", "reject", "submit", "approve",
                                 "withdraw", "close"));
  EXPECT_EQ(Text(history.Object().at("events").as_array()[3].at("comment")),
            "pin the plugin versions");
  EXPECT_EQ(SuccessfulAuditCount(admin, "change:" + std::to_string(id)), 8u);
  EXPECT_EQ(shown.Get(ChangePath(id)).status, 401);
}

TEST_F(ChangeTest, OnlyApproverMembersAndAdminsApprove) {
  const auto id = NewChange();
  ASSERT_EQ(server().As(owner_).Post(ChangePath(id, "/submit")).status, 200);
  auto developer = server().CreateUser("developer", "chg-dev");
  ASSERT_EQ(server()
                .As(owner_)
                .Put(AppPath("/members/" + developer.username), {{"role", "developer"}})
                .status,
            200);
  auto outsider = server().CreateUser("approver", "chg-lead");  // a global approver, not a member
  auto viewer = server().CreateUser("viewer", "chg-viewer");
  for (const auto* who : {&owner_, &developer, &outsider, &viewer}) {
    for (const char* event : {"approve", "reject"}) {
      auto r =
          server().As(*who).Post(ChangePath(id, std::string("/") + event), {{"comment", "mine"}});
      EXPECT_EQ(r.status, 403) << who->username << " " << event << ": " << r;
      EXPECT_EQ(r.ErrorCode(), "forbidden");
    }
  }
  EXPECT_EQ(server().As(owner_).Get(ChangePath(id)).Str("state"), "approving");
  auto by_admin = server().Admin().Post(ChangePath(id, "/approve"));
  ASSERT_EQ(by_admin.status, 200) << by_admin;
  EXPECT_EQ(by_admin.Str("state"), "pending_release");
}

TEST_F(ChangeTest, BadInputIsRefusedAndNothingIsCreated) {
  auto owner = server().As(owner_);
  const json::object bad[] = {
      {{"title", "no env"}, {"tag", "1"}},
      {{"env_id", env_id_}, {"tag", "1"}},
      {{"env_id", env_id_}, {"title", "no image"}},
      {{"env_id", env_id_}, {"title", "x"}, {"image", "not an image"}},
      {{"env_id", env_id_}, {"title", "x"}, {"build_id", 1}},
      {{"env_id", 999999}, {"title", "x"}, {"tag", "1"}},
      {{"env_id", env_id_}, {"title", "x"}, {"tag", "1"}, {"unknown", true}},
  };
  for (const auto& body : bad) {
    auto r = owner.Post(AppPath("/changes"), body);
    EXPECT_EQ(r.status, 400) << json::serialize(body) << ": " << r;
    EXPECT_EQ(r.ErrorCode(), "invalid");
  }
  EXPECT_EQ(owner.SendRaw("POST", AppPath("/changes"), "{not json").status, 400);
  EXPECT_EQ(server()
                .As(approver_)
                .Post(AppPath("/changes"), {{"env_id", env_id_}, {"title", "x"}, {"tag", "1"}})
                .status,
            403);
  auto list = owner.Get(AppPath("/changes"));
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_TRUE(list.Object().at("items").as_array().empty());
  EXPECT_EQ(owner.Get(AppPath("/changes?state=nope")).status, 400);
  EXPECT_EQ(owner.Get(AppPath("/changes?cursor=x1")).status, 400);
}

TEST_F(ChangeTest, ListsFilterAndPageNewestFirst) {
  auto owner = server().As(owner_);
  const auto first = NewChange("1.0.0");
  const auto second = NewChange("1.0.1");
  const auto third = NewChange("1.0.2");
  ASSERT_EQ(owner.Post(ChangePath(first, "/close")).status, 200);
  auto page = owner.Get(AppPath("/changes?limit=2"));
  ASSERT_EQ(page.status, 200) << page;
  const auto& items = page.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id").as_int64(), third);
  EXPECT_EQ(items[1].at("id").as_int64(), second);
  EXPECT_FALSE(items[0].as_object().contains("events"));
  auto next = owner.Get(AppPath("/changes?limit=2&cursor=" + page.Str("next_cursor")));
  ASSERT_EQ(next.Object().at("items").as_array().size(), 1u);
  EXPECT_TRUE(next.Object().at("next_cursor").is_null());
  auto closed =
      owner.Get(AppPath("/changes?state=closed&type=code&env_id=" + std::to_string(env_id_)));
  ASSERT_EQ(closed.Object().at("items").as_array().size(), 1u);
  EXPECT_EQ(closed.Object().at("items").as_array()[0].at("id").as_int64(), first);
}

}  // namespace
}  // namespace slipway::testing
