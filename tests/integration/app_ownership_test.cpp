// Who may change an application's owner and approvers, and that the owner
// field is read from membership (issue 9, item 2).
#include <gtest/gtest.h>

#include <map>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class AppOwnershipTest : public BackendApiTest {
 protected:
  void SetUp() override {
    owner_ = server().CreateUser("developer", "own-owner");
    dev_ = server().CreateUser("developer", "own-dev");
    lead_ = server().CreateUser("approver", "own-lead");
    id_ = RegisterApprovedApp(server(), owner_, UniqueName("owned"));
    path_ = "/api/v1/apps/" + std::to_string(id_);
    auto added =
        server().As(owner_).Put(path_ + "/members/" + dev_.username, {{"role", "developer"}});
    ASSERT_EQ(added.status, 200) << added;
  }
  std::map<std::string, std::string> Roles() {
    std::map<std::string, std::string> roles;
    auto members = server().Admin().Get(path_ + "/members");
    for (const auto& m : members.Object().at("items").as_array()) {
      roles[Text(m.at("username"))] = Text(m.at("role"));
    }
    return roles;
  }
  std::int64_t Version() { return server().Admin().Get(path_).Int("version"); }

  TestUser owner_, dev_, lead_;
  std::int64_t id_ = 0;
  std::string path_;
};

// The probe: a developer member answered 200 to PATCH {"owner": <self>}
// and then, as owner, chose the approvers of their own changes.
TEST_P(AppOwnershipTest, DeveloperMembersCannotMakeThemselvesOwner) {
  const auto before = Roles();
  const auto version = Version();
  auto taken = server().As(dev_).Patch(path_, {{"version", version}, {"owner", dev_.username}});
  EXPECT_EQ(taken.status, 403) << taken;
  EXPECT_EQ(taken.ErrorCode(), "forbidden");
  EXPECT_EQ(server().Admin().Get(path_).Str("owner"), owner_.username);
  EXPECT_EQ(Roles(), before);
  EXPECT_EQ(Version(), version);
  // Their own edits of the basic information still go through.
  auto edited =
      server().As(dev_).Patch(path_, {{"version", version}, {"description", "by the developer"}});
  EXPECT_EQ(edited.status, 200) << edited;
}

TEST_P(AppOwnershipTest, DeveloperMembersCannotChooseTheApprovers) {
  auto details = CompleteDetailsBody(Version(), lead_.username);
  auto refused = server().As(dev_).Put(path_ + "/details", details);
  EXPECT_EQ(refused.status, 403) << refused;
  EXPECT_EQ(refused.ErrorCode(), "forbidden");
  EXPECT_EQ(Roles().count(lead_.username), 0u);
  // Without approvers the same body is theirs to send.
  details.erase("approvers");
  auto completed = server().As(dev_).Put(path_ + "/details", details);
  EXPECT_EQ(completed.status, 200) << completed;
  // The owner chooses them.
  auto chosen = server().As(owner_).Put(
      path_ + "/details", {{"version", completed.Int("version")},
                           {"approvers", boost::json::array{boost::json::value(lead_.username)}}});
  EXPECT_EQ(chosen.status, 200) << chosen;
  EXPECT_EQ(Roles()[lead_.username], "approver");
}

TEST_P(AppOwnershipTest, HandingOverMakesTheNewOwnerTheOnlyOwner) {
  auto moved = server().As(owner_).Patch(path_, {{"version", Version()}, {"owner", dev_.username}});
  ASSERT_EQ(moved.status, 200) << moved;
  EXPECT_EQ(moved.Str("owner"), dev_.username);
  auto roles = Roles();
  EXPECT_EQ(roles[dev_.username], "owner");
  EXPECT_EQ(roles[owner_.username], "developer");
  // The former owner is a developer now: the owner's rights went with the field.
  auto back =
      server().As(owner_).Patch(path_, {{"version", Version()}, {"owner", owner_.username}});
  EXPECT_EQ(back.status, 403) << back;
}

TEST_P(AppOwnershipTest, TheOwnerFieldIsReadFromMembership) {
  // A second owner through the members route, then the first one leaves:
  // the field names an owner member at every step.
  ASSERT_EQ(
      server().As(owner_).Put(path_ + "/members/" + dev_.username, {{"role", "owner"}}).status,
      200);
  ASSERT_EQ(server().As(dev_).Delete(path_ + "/members/" + owner_.username).status, 204);
  auto app = server().Admin().Get(path_);
  EXPECT_EQ(app.Str("owner"), dev_.username) << app;
  auto listed = server().Admin().Get("/api/v1/apps?owner=" + dev_.username);
  bool found = false;
  for (const auto& item : listed.Object().at("items").as_array())
    found = found || item.at("id").as_int64() == id_;
  EXPECT_TRUE(found) << listed;
}

INSTANTIATE_TEST_SUITE_P(Backends, AppOwnershipTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
