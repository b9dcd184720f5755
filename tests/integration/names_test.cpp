// Names that could be mistaken (issue 9, item 8): `{id}` in paths takes an
// id or a name, so no name may be all digits; user names are unique without
// regard to case, so `ADMIN` cannot stand beside `admin`.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class NamesTest : public BackendApiTest {};

TEST_P(NamesTest, AnApplicationNameCannotReadAsAnId) {
  auto dev = server().CreateUser("developer", "names-dev");
  auto reply = server().As(dev).Post("/api/v1/apps", AppBody("7"));
  EXPECT_EQ(reply.status, 400) << reply;
  EXPECT_EQ(reply.ErrorDetail("field"), "name");
  EXPECT_EQ(server().Admin().Get("/api/v1/apps?q=7").Object().at("items").as_array().size(), 0u);
}

TEST_P(NamesTest, AUserNameCannotReadAsAnId) {
  auto reply = server().Admin().Post(
      "/api/v1/users", {{"username", "3"}, {"password", "long-enough-pw"}, {"role", "admin"}});
  EXPECT_EQ(reply.status, 400) << reply;
  EXPECT_EQ(reply.ErrorDetail("field"), "username");
}

TEST_P(NamesTest, AClusterNameCannotReadAsAnId) {
  auto reply =
      server().Admin().Post("/api/v1/clusters", {{"name", "42"}, {"connection", "in_cluster"}});
  EXPECT_EQ(reply.status, 400) << reply;
  EXPECT_EQ(reply.ErrorDetail("field"), "name");
}

TEST_P(NamesTest, UserNamesAreUniqueWithoutRegardToCase) {
  auto admin = server().Admin();
  auto upper = admin.Post(
      "/api/v1/users", {{"username", "ADMIN"}, {"password", "long-enough-pw"}, {"role", "admin"}});
  EXPECT_EQ(upper.status, 409) << upper;
  EXPECT_EQ(upper.ErrorDetail("field"), "username");
  const auto name = UniqueName("Mixed");
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", name}, {"password", "long-enough-pw"}, {"role", "viewer"}})
                .status,
            201);
  std::string lower = name;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto again = admin.Post("/api/v1/users",
                          {{"username", lower}, {"password", "long-enough-pw"}, {"role", "admin"}});
  EXPECT_EQ(again.status, 409) << again;
  // Either spelling finds the one user.
  EXPECT_EQ(admin.Get("/api/v1/users/" + lower).Str("username"), name);
}

TEST_P(NamesTest, MembersAreRecordedUnderTheUsersOwnName) {
  auto owner = server().CreateUser("developer", "names-owner");
  auto helper = server().CreateUser("developer", "Names-Helper");
  auto id = RegisterApprovedApp(server(), owner, UniqueName("names"));
  std::string shouted = helper.username;
  for (auto& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto put = server().As(owner).Put("/api/v1/apps/" + std::to_string(id) + "/members/" + shouted,
                                    {{"role", "developer"}});
  ASSERT_EQ(put.status, 200) << put;
  bool recorded = false;
  for (const auto& m : put.Object().at("items").as_array())
    recorded = recorded || Text(m.at("username")) == helper.username;
  EXPECT_TRUE(recorded) << put;
  // …so the membership counts for them.
  const auto path = "/api/v1/apps/" + std::to_string(id);
  auto edit = server().As(helper).Patch(
      path,
      {{"version", server().Admin().Get(path).Int("version")}, {"description", "by the helper"}});
  EXPECT_EQ(edit.status, 200) << edit;
}

INSTANTIATE_TEST_SUITE_P(Backends, NamesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
