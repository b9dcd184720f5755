// Who may approve a change (issue 9, item 3): approver members who hold the
// approver role (checked again when they approve), and never the change's
// own author in a core application's prod environment (the default policy).
#include <gtest/gtest.h>

#include "change_fixture.hpp"

namespace slipway::testing {
namespace {

class ApproverRulesTest : public ChangeTest {
 protected:
  std::int64_t AppVersion() { return server().Admin().Get(AppPath()).Int("version"); }
  std::int64_t UserVersion(const TestUser& user) {
    return server().Admin().Get("/api/v1/users/" + std::to_string(user.id)).Int("version");
  }
  std::string State(std::int64_t change) {
    return server().Admin().Get(ChangePath(change)).Str("state");
  }
};

TEST_F(ApproverRulesTest, ApproversMustHoldTheApproverRole) {
  auto viewer = server().CreateUser("viewer", "appr-viewer");
  auto developer = server().CreateUser("developer", "appr-dev");
  auto owner = server().As(owner_);
  for (const auto* who : {&viewer, &developer}) {
    auto details =
        owner.Put(AppPath("/details"),
                  {{"version", AppVersion()},
                   {"approvers", boost::json::array{boost::json::value(who->username)}}});
    EXPECT_EQ(details.status, 400) << who->username << ": " << details;
    EXPECT_EQ(details.ErrorDetail("field"), "approvers") << details;
    auto member = owner.Put(AppPath("/members/" + who->username), {{"role", "approver"}});
    EXPECT_EQ(member.status, 400) << who->username << ": " << member;
    EXPECT_EQ(member.ErrorDetail("field"), "role") << member;
  }
  auto approvers = server().Admin().Get(AppPath()).Object().at("details").at("approvers");
  EXPECT_EQ(StringsOf(approvers), std::vector<std::string>{approver_.username});
}

// The probe: an approver member whose role was taken away still approved.
TEST_F(ApproverRulesTest, AnApproverWhoLostTheRoleNoLongerApproves) {
  const auto id = NewChange();
  ASSERT_EQ(server().As(owner_).Post(ChangePath(id, "/submit")).status, 200);
  auto demoted = server().Admin().Patch("/api/v1/users/" + std::to_string(approver_.id),
                                        {{"version", UserVersion(approver_)}, {"role", "viewer"}});
  ASSERT_EQ(demoted.status, 200) << demoted;
  auto shown = server().As(approver_).Get(ChangePath(id));
  EXPECT_EQ(StringsOf(shown.Object().at("actions")), std::vector<std::string>{}) << shown;
  auto refused = server().As(approver_).Post(ChangePath(id, "/approve"), {{"comment", "still me"}});
  EXPECT_EQ(refused.status, 403) << refused;
  EXPECT_EQ(refused.ErrorCode(), "forbidden");
  EXPECT_EQ(State(id), "approving");
}

TEST_F(ApproverRulesTest, AdminsDoNotApproveTheirOwnChangeInCoreProd) {
  auto admin = server().Admin();
  auto created = admin.Post(AppPath("/changes"),
                            {{"env_id", env_id_}, {"title", "admin's own"}, {"tag", "10.3.0"}});
  ASSERT_EQ(created.status, 201) << created;
  const auto id = created.Int("id");
  ASSERT_EQ(admin.Post(ChangePath(id, "/submit")).Str("state"), "approving");
  auto own = admin.Post(ChangePath(id, "/approve"), {{"comment", "lgtm"}});
  EXPECT_EQ(own.status, 403) << own;
  EXPECT_EQ(own.ErrorCode(), "forbidden");
  EXPECT_EQ(State(id), "approving");
  auto other = server().As(approver_).Post(ChangePath(id, "/approve"), {{"comment", "reviewed"}});
  EXPECT_EQ(other.status, 200) << other;
}

// A developer writes a change, is then made an approver member (they hold
// the approver role), and approves what they wrote.
TEST_F(ApproverRulesTest, AnAuthorMadeApproverDoesNotApproveTheirOwnChange) {
  auto author = server().CreateUser("approver", "appr-author");
  auto owner = server().As(owner_);
  ASSERT_EQ(owner.Put(AppPath("/members/" + author.username), {{"role", "developer"}}).status, 200);
  auto created = server().As(author).Post(
      AppPath("/changes"), {{"env_id", env_id_}, {"title", "mine"}, {"tag", "10.4.0"}});
  ASSERT_EQ(created.status, 201) << created;
  const auto id = created.Int("id");
  ASSERT_EQ(server().As(author).Post(ChangePath(id, "/submit")).status, 200);
  ASSERT_EQ(owner.Put(AppPath("/members/" + author.username), {{"role", "approver"}}).status, 200);
  auto own = server().As(author).Post(ChangePath(id, "/approve"), {{"comment", "fine by me"}});
  EXPECT_EQ(own.status, 403) << own;
  EXPECT_EQ(State(id), "approving");
  // Rejecting their own change stays possible: it sends it back, nothing more.
  auto rejected = server().As(author).Post(ChangePath(id, "/reject"), {{"comment", "not ready"}});
  EXPECT_EQ(rejected.status, 200) << rejected;
}

// The same hole by another door: whatever decides that prod changes need an
// approver is not the developers' to switch off.
TEST_F(ApproverRulesTest, DevelopersCannotLowerTheLevelOfAnApprovedApplication) {
  auto lowered =
      server().As(owner_).Patch(AppPath(), {{"version", AppVersion()}, {"level", "non_core"}});
  EXPECT_EQ(lowered.status, 403) << lowered;
  EXPECT_EQ(server().Admin().Get(AppPath()).Str("level"), "core");
  auto by_admin =
      server().Admin().Patch(AppPath(), {{"version", AppVersion()}, {"level", "non_core"}});
  EXPECT_EQ(by_admin.status, 200) << by_admin;
}

TEST_F(ApproverRulesTest, DevelopersCannotTurnApprovalOffInCoreProd) {
  auto before = server().Admin().Get(AppPath("/environments"));
  auto env = server().As(owner_).Post(AppPath("/environments"),
                                      {{"env_type", "prod"},
                                       {"cluster", "sandbox"},
                                       {"release_policy", {{"approval_required", false}}}});
  EXPECT_EQ(env.status, 403) << env;
  EXPECT_EQ(server().Admin().Get(AppPath("/environments")).raw.body, before.raw.body);
}

}  // namespace
}  // namespace slipway::testing
