// A write that changes nothing keeps the version (issue 9, "Low"): clients
// holding the version must not get a 409 because of an empty edit.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class UnchangedPatchTest : public ApiTest {};

TEST_F(UnchangedPatchTest, AnApplicationEditWithTheSameValuesKeepsTheVersion) {
  auto owner = server().CreateUser("developer", "same-owner");
  auto approver = server().CreateUser("approver", "same-approver");
  const auto id = RegisterApprovedApp(server(), owner, UniqueName("same"));
  const auto path = "/api/v1/apps/" + std::to_string(id);
  auto api = server().As(owner);
  auto app = api.Get(path);
  const auto version = app.Int("version");
  auto same = api.Patch(path, {{"version", version},
                               {"team", app.Str("team")},
                               {"owner", owner.username},
                               {"description", app.Str("description")}});
  ASSERT_EQ(same.status, 200) << same;
  EXPECT_EQ(same.Int("version"), version);

  auto details = CompleteDetailsBody(version, approver.username);
  auto completed = api.Put(path + "/details", details);
  ASSERT_EQ(completed.status, 200) << completed;
  details["version"] = completed.Int("version");
  auto again = api.Put(path + "/details", details);
  ASSERT_EQ(again.status, 200) << again;
  EXPECT_EQ(again.Int("version"), completed.Int("version"));
}

TEST_F(UnchangedPatchTest, AUserEditWithTheSameValuesKeepsTheVersion) {
  auto user = server().CreateUser("developer", "same-user");
  const auto path = "/api/v1/users/" + std::to_string(user.id);
  auto admin = server().Admin();
  auto before = admin.Get(path);
  auto same = admin.Patch(path, {{"version", before.Int("version")},
                                 {"role", "developer"},
                                 {"disabled", false},
                                 {"display_name", before.Str("display_name")}});
  ASSERT_EQ(same.status, 200) << same;
  EXPECT_EQ(same.Int("version"), before.Int("version"));
}

TEST_F(UnchangedPatchTest, AClusterEditWithTheSameValuesKeepsTheVersion) {
  auto admin = server().Admin();
  auto cluster = admin.Post(
      "/api/v1/clusters",
      {{"name", UniqueName("same")}, {"connection", "in_cluster"}, {"description", "as it was"}});
  ASSERT_EQ(cluster.status, 201) << cluster;
  auto same = admin.Patch("/api/v1/clusters/" + std::to_string(cluster.Int("id")),
                          {{"version", cluster.Int("version")}, {"description", "as it was"}});
  ASSERT_EQ(same.status, 200) << same;
  EXPECT_EQ(same.Int("version"), cluster.Int("version"));
}

}  // namespace
}  // namespace slipway::testing
