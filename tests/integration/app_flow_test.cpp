// The application lifecycle (R-APP-1..5) over HTTP, on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

using ::testing::Contains;

std::vector<std::string> Strings(const boost::json::value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
  return out;
}

class AppFlowTest : public BackendApiTest {
 protected:
  void SetUp() override {
    developer_ = server().CreateUser("developer", "dev");
    approver_ = server().CreateUser("approver", "appr");
  }
  // Registers as the developer and approves as admin: pending_online.
  Reply RegisterApproved(const std::string& name) {
    auto reg = server().As(developer_).Post("/api/v1/apps", AppBody(name));
    EXPECT_EQ(reg.status, 201) << reg;
    auto approved = server().Admin().Post(Path(reg.Int("id"), "/approve"), {{"comment", "ok"}});
    EXPECT_EQ(approved.status, 200) << approved;
    return approved;
  }
  static std::string Path(std::int64_t id, const std::string& suffix = "") {
    return "/api/v1/apps/" + std::to_string(id) + suffix;
  }
  TestUser developer_;
  TestUser approver_;
};

TEST_P(AppFlowTest, RegisterApproveComplete) {
  auto dev = server().As(developer_);
  const auto name = UniqueName("order-svc");
  auto reg = dev.Post("/api/v1/apps", AppBody(name));
  ASSERT_EQ(reg.status, 201) << reg;
  const auto id = reg.Int("id");
  EXPECT_GT(id, 0);
  EXPECT_EQ(reg.Str("name"), name);
  EXPECT_EQ(reg.Str("status"), "under_review");
  EXPECT_EQ(reg.Str("owner"), developer_.username);  // defaults to the caller
  EXPECT_TRUE(reg.Object().at("actions").is_array());
  EXPECT_THAT(Strings(reg.Object().at("actions")), Contains("edit"));
  ASSERT_TRUE(reg.Object().at("refusals").is_object());
  EXPECT_TRUE(reg.Object().at("refusals").as_object().contains("release")) << reg;
  EXPECT_THAT(Strings(reg.Object().at("missing_fields")), Contains("details.build_job"));
  EXPECT_TRUE(reg.Object().at("status_reason").is_null());
  EXPECT_EQ(reg.Object().at("members").as_array().size(), 1u);

  // The name works as the id.
  EXPECT_EQ(dev.Get("/api/v1/apps/" + name).Int("id"), id);

  auto approved = server().Admin().Post(Path(id, "/approve"),
                                        {{"version", reg.Int("version")}, {"comment", "fine"}});
  ASSERT_EQ(approved.status, 200) << approved;
  EXPECT_EQ(approved.Str("status"), "pending_online");

  auto before = dev.Get(Path(id));
  EXPECT_TRUE(before.Object().at("refusals").as_object().contains("release")) << before;
  auto completed =
      dev.Put(Path(id, "/details"), CompleteDetailsBody(before.Int("version"), approver_.username));
  ASSERT_EQ(completed.status, 200) << completed;
  EXPECT_TRUE(completed.Object().at("missing_fields").as_array().empty()) << completed;
  EXPECT_THAT(Strings(completed.Object().at("actions")), Contains("release"));
  EXPECT_EQ(Text(completed.Object().at("details").at("build_job")), "trade/service");
  EXPECT_EQ(completed.Object().at("details").at("ports").as_array().size(), 1u);
  bool approver_member = false;
  for (const auto& m : completed.Object().at("members").as_array()) {
    approver_member = approver_member || (Text(m.at("username")) == approver_.username &&
                                          Text(m.at("role")) == "approver");
  }
  EXPECT_TRUE(approver_member) << completed;

  // What the caller may do depends on who asks: a viewer sees release refused.
  auto viewer = server().CreateUser("viewer", "view");
  auto seen = server().As(viewer).Get(Path(id));
  ASSERT_EQ(seen.status, 200) << seen;
  EXPECT_TRUE(seen.Object().at("refusals").as_object().contains("release")) << seen;
}

TEST_P(AppFlowTest, RegisteringForSomeoneElseKeepsTheRegistrantAsDeveloper) {
  auto other = server().CreateUser("developer", "owner");
  auto reg = server().As(developer_).Post("/api/v1/apps", [&] {
    auto body = AppBody(UniqueName("for-other"));
    body["owner"] = other.username;
    return body;
  }());
  ASSERT_EQ(reg.status, 201) << reg;
  EXPECT_EQ(reg.Str("owner"), other.username);
  std::map<std::string, std::string> roles;
  for (const auto& m : reg.Object().at("members").as_array()) {
    roles[std::string(m.at("username").as_string())] = std::string(m.at("role").as_string());
  }
  EXPECT_EQ(roles[other.username], "owner");
  EXPECT_EQ(roles[developer_.username], "developer");
}

TEST_P(AppFlowTest, DuplicateNameIsAConflict) {
  const auto name = UniqueName("twin");
  ASSERT_EQ(server().As(developer_).Post("/api/v1/apps", AppBody(name)).status, 201);
  auto again = server().As(developer_).Post("/api/v1/apps", AppBody(name, "other-team"));
  EXPECT_EQ(again.status, 409) << again;
  EXPECT_EQ(again.ErrorCode(), "conflict");
  EXPECT_EQ(server().Admin().Get("/api/v1/apps/" + name).Str("team"), "trade");
}

TEST_P(AppFlowTest, RejectThenResubmit) {
  auto dev = server().As(developer_);
  auto reg = dev.Post("/api/v1/apps", AppBody(UniqueName("rejected")));
  ASSERT_EQ(reg.status, 201) << reg;
  const auto id = reg.Int("id");

  auto no_reason = server().Admin().Post(Path(id, "/reject"), boost::json::object{});
  EXPECT_EQ(no_reason.status, 400) << no_reason;
  EXPECT_EQ(no_reason.ErrorDetail("field"), "reason");

  auto rejected =
      server().Admin().Post(Path(id, "/reject"), {{"reason", "name clashes with billing"}});
  ASSERT_EQ(rejected.status, 200) << rejected;
  EXPECT_EQ(rejected.Str("status"), "rejected");
  EXPECT_EQ(rejected.Str("status_reason"), "name clashes with billing");
  EXPECT_EQ(dev.Get(Path(id)).Str("status_reason"), "name clashes with billing");

  auto resubmitted = dev.Post(Path(id, "/resubmit"), {{"version", rejected.Int("version")}});
  ASSERT_EQ(resubmitted.status, 200) << resubmitted;
  EXPECT_EQ(resubmitted.Str("status"), "under_review");
  EXPECT_TRUE(resubmitted.Object().at("status_reason").is_null()) << resubmitted;
}

TEST_P(AppFlowTest, OfflineRequestCancelAndConfirm) {
  auto dev = server().As(developer_);
  auto approved = RegisterApproved(UniqueName("retiring"));
  const auto id = approved.Int("id");

  auto requested = dev.Post(Path(id, "/offline"), {{"reason", "replaced by v2"}});
  ASSERT_EQ(requested.status, 200) << requested;
  EXPECT_EQ(requested.Str("status"), "pending_offline");
  EXPECT_EQ(requested.Str("status_reason"), "replaced by v2");

  auto cancelled = dev.Post(Path(id, "/offline/cancel"));
  ASSERT_EQ(cancelled.status, 200) << cancelled;
  EXPECT_EQ(cancelled.Str("status"), "pending_online");  // back where it came from

  ASSERT_EQ(dev.Post(Path(id, "/offline")).status, 200);
  auto owner_confirm = dev.Post(Path(id, "/offline/confirm"));
  EXPECT_EQ(owner_confirm.status, 403) << owner_confirm;  // admins confirm
  auto confirmed = server().Admin().Post(Path(id, "/offline/confirm"));
  ASSERT_EQ(confirmed.status, 200) << confirmed;
  EXPECT_EQ(confirmed.Str("status"), "offline");

  auto offline = dev.Get(Path(id));
  EXPECT_TRUE(offline.Object().at("refusals").as_object().contains("edit")) << offline;
  auto edit =
      dev.Patch(Path(id), {{"version", offline.Int("version")}, {"description", "still here"}});
  EXPECT_EQ(edit.status, 409) << edit;
  EXPECT_EQ(edit.ErrorCode(), "conflict");
  EXPECT_EQ(edit.ErrorDetail("state"), "offline");
  EXPECT_NE(dev.Get(Path(id)).Str("description"), "still here");
}

TEST_P(AppFlowTest, EditBasicInformation) {
  auto dev = server().As(developer_);
  auto reg = dev.Post("/api/v1/apps", AppBody(UniqueName("editable")));
  ASSERT_EQ(reg.status, 201) << reg;
  auto edited =
      dev.Patch(Path(reg.Int("id")),
                {{"version", reg.Int("version")}, {"description", "new words"}, {"level", "core"}});
  ASSERT_EQ(edited.status, 200) << edited;
  EXPECT_EQ(edited.Str("description"), "new words");
  EXPECT_EQ(edited.Str("level"), "core");
  EXPECT_EQ(edited.Int("version"), reg.Int("version") + 1);
  auto rename =
      dev.Patch(Path(reg.Int("id")), {{"version", edited.Int("version")}, {"name", "renamed"}});
  EXPECT_EQ(rename.status, 400) << rename;
  EXPECT_EQ(rename.ErrorDetail("field"), "name");
}

TEST_P(AppFlowTest, AuditRecordsEveryChangeWithActorAndRequestId) {
  auto dev = server().As(developer_);
  auto admin = server().Admin();
  std::vector<std::pair<std::string, std::string>> expected;  // actor, request id
  auto note = [&](const Reply& reply, const std::string& actor) {
    auto id = reply.Header("X-Request-Id");
    ASSERT_TRUE(id.has_value()) << reply;
    expected.emplace_back(actor, *id);
  };
  auto reg = dev.Send("POST", "/api/v1/apps", boost::json::value(AppBody(UniqueName("audited"))),
                      {{"X-Request-Id", "it-audit-" + UniqueName("req")}});
  ASSERT_EQ(reg.status, 201) << reg;
  note(reg, developer_.username);
  const auto id = reg.Int("id");
  auto approve = admin.Post(Path(id, "/approve"));
  ASSERT_EQ(approve.status, 200) << approve;
  note(approve, "admin");
  auto complete = dev.Put(Path(id, "/details"),
                          CompleteDetailsBody(approve.Int("version"), approver_.username));
  ASSERT_EQ(complete.status, 200) << complete;
  note(complete, developer_.username);
  auto member = dev.Put(Path(id, "/members/" + approver_.username), {{"role", "developer"}});
  ASSERT_EQ(member.status, 200) << member;
  note(member, developer_.username);
  auto offline = dev.Post(Path(id, "/offline"), {{"reason", "audit"}});
  ASSERT_EQ(offline.status, 200) << offline;
  note(offline, developer_.username);

  auto records = AuditOf(admin, "app:" + std::to_string(id));
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& r : records) {
    EXPECT_EQ(Text(r.at("object_type")), "app");
    EXPECT_EQ(Text(r.at("object_id")), std::to_string(id));
    EXPECT_EQ(Text(r.at("result")), "ok");
    seen.emplace_back(std::string(r.at("actor").as_string()),
                      std::string(r.at("request_id").as_string()));
  }
  std::reverse(seen.begin(), seen.end());  // the log is newest first
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(expected.front().second.rfind("it-audit-", 0), 0u)
      << "a valid incoming X-Request-Id is kept";

  auto by_actor = admin.Get("/api/v1/audit?actor=admin&action=app.approve&limit=500");
  ASSERT_EQ(by_actor.status, 200) << by_actor;
  bool found = false;
  for (const auto& r : by_actor.Object().at("items").as_array()) {
    EXPECT_EQ(Text(r.at("actor")), "admin");
    EXPECT_EQ(Text(r.at("action")), "app.approve");
    found = found || Text(r.at("object_id")) == std::to_string(id);
  }
  EXPECT_TRUE(found) << by_actor;
}

// BUG (src/services/app_input.cpp ParseRegistration, AppService::Register):
// `owner` is only checked for username syntax, so an application can be
// registered for a user that does not exist and then has no real owner.
TEST_P(AppFlowTest, OwnerMustBeAnExistingUser) {
  const auto name = UniqueName("ghost-owned");
  auto body = AppBody(name);
  body["owner"] = UniqueName("ghost");
  auto reply = server().As(developer_).Post("/api/v1/apps", body);
  EXPECT_EQ(reply.status, 400) << reply;
  EXPECT_EQ(reply.ErrorCode(), "invalid");
  EXPECT_EQ(reply.ErrorDetail("field"), "owner");
  EXPECT_EQ(server().Admin().Get("/api/v1/apps/" + name).status, 404);
}

// BUG (src/services/app_input.cpp ApplyBasicEdit via AppService::Edit):
// PATCH {"owner": …} rewrites the owner field but not the membership, so
// the new owner cannot do what owners do (offline, members) and the old one
// still can.
TEST_P(AppFlowTest, ChangingTheOwnerHandsOverOwnerRights) {
  auto heir = server().CreateUser("developer", "heir");
  auto reg = server().As(developer_).Post("/api/v1/apps", AppBody(UniqueName("handover")));
  ASSERT_EQ(reg.status, 201) << reg;
  ASSERT_EQ(server().Admin().Post(Path(reg.Int("id"), "/approve")).status, 200);
  auto current = server().Admin().Get(Path(reg.Int("id")));
  auto edited = server()
                    .As(developer_)
                    .Patch(Path(reg.Int("id")),
                           {{"version", current.Int("version")}, {"owner", heir.username}});
  ASSERT_EQ(edited.status, 200) << edited;
  EXPECT_EQ(edited.Str("owner"), heir.username);
  auto offline = server().As(heir).Post(Path(reg.Int("id"), "/offline"), {{"reason", "mine now"}});
  EXPECT_EQ(offline.status, 200) << offline;
}

INSTANTIATE_TEST_SUITE_P(Backends, AppFlowTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
