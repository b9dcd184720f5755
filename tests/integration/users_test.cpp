// User administration: creation rules, optimistic locking, password reset.
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class UsersTest : public ApiTest {
 protected:
  std::string UserPath(std::int64_t id) { return "/api/v1/users/" + std::to_string(id); }
};

TEST_F(UsersTest, AdminCreatesAUser) {
  auto admin = server().Admin();
  const auto name = UniqueName("alice");
  auto created = admin.Post("/api/v1/users", {{"username", name},
                                              {"password", "long-enough-pw"},
                                              {"display_name", "Alice A."},
                                              {"role", "approver"}});
  ASSERT_EQ(created.status, 201) << created;
  EXPECT_EQ(created.Str("username"), name);
  EXPECT_EQ(created.Str("display_name"), "Alice A.");
  EXPECT_EQ(created.Str("role"), "approver");
  EXPECT_FALSE(created.Object().at("disabled").as_bool());
  EXPECT_EQ(created.Int("version"), 1);
  EXPECT_FALSE(created.Object().contains("password"));
  EXPECT_FALSE(created.Object().contains("password_hash"));

  auto by_name = admin.Get("/api/v1/users/" + name);
  ASSERT_EQ(by_name.status, 200) << by_name;
  EXPECT_EQ(by_name.Int("id"), created.Int("id"));
  auto listed = admin.Get("/api/v1/users?role=approver&q=" + name);
  ASSERT_EQ(listed.status, 200) << listed;
  ASSERT_EQ(listed.Object().at("items").as_array().size(), 1u) << listed;

  auto login = server().Anonymous().Post("/api/v1/auth/login",
                                         {{"username", name}, {"password", "long-enough-pw"}});
  EXPECT_EQ(login.status, 200) << login;
}

TEST_F(UsersTest, DuplicateUsernameIsAConflict) {
  auto admin = server().Admin();
  const auto name = UniqueName("dup");
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", name}, {"password", "long-enough-pw"}, {"role", "viewer"}})
                .status,
            201);
  auto again = admin.Post("/api/v1/users",
                          {{"username", name}, {"password", "other-password"}, {"role", "admin"}});
  EXPECT_EQ(again.status, 409) << again;
  EXPECT_EQ(again.ErrorCode(), "conflict");
  // The first one is untouched.
  EXPECT_EQ(admin.Get("/api/v1/users/" + name).Str("role"), "viewer");
}

TEST_F(UsersTest, InvalidUserInputIsRefusedWithTheField) {
  auto admin = server().Admin();
  struct Case {
    const char* what;
    boost::json::object body;
    const char* field;
  };
  const auto name = UniqueName("valid");
  std::vector<Case> cases = {
      {"space in username",
       {{"username", "bad name"}, {"password", "long-enough-pw"}, {"role", "viewer"}},
       "username"},
      {"slash in username",
       {{"username", "a/b"}, {"password", "long-enough-pw"}, {"role", "viewer"}},
       "username"},
      {"short password",
       {{"username", name}, {"password", "short"}, {"role", "viewer"}},
       "password"},
      {"unknown role",
       {{"username", name}, {"password", "long-enough-pw"}, {"role", "superuser"}},
       "role"},
      {"missing role", {{"username", name}, {"password", "long-enough-pw"}}, "role"},
      {"username not a string",
       {{"username", 42}, {"password", "long-enough-pw"}, {"role", "viewer"}},
       "username"},
  };
  for (const auto& c : cases) {
    auto reply = admin.Post("/api/v1/users", c.body);
    EXPECT_EQ(reply.status, 400) << c.what << ": " << reply;
    EXPECT_EQ(reply.ErrorCode(), "invalid") << c.what;
    EXPECT_EQ(reply.ErrorDetail("field"), c.field) << c.what << ": " << reply;
  }
  EXPECT_EQ(admin.Get("/api/v1/users/" + name).status, 404);
}

TEST_F(UsersTest, StaleVersionIsAConflictAndChangesNothing) {
  auto admin = server().Admin();
  auto user = server().CreateUser("developer", "stale");
  auto first = admin.Patch(UserPath(user.id), {{"version", 1}, {"display_name", "First"}});
  ASSERT_EQ(first.status, 200) << first;
  EXPECT_EQ(first.Int("version"), 2);

  auto stale = admin.Patch(UserPath(user.id),
                           {{"version", 1}, {"display_name", "Second"}, {"role", "viewer"}});
  EXPECT_EQ(stale.status, 409) << stale;
  EXPECT_EQ(stale.ErrorCode(), "conflict");
  auto now = admin.Get(UserPath(user.id));
  EXPECT_EQ(now.Str("display_name"), "First");
  EXPECT_EQ(now.Str("role"), "developer");
  EXPECT_EQ(now.Int("version"), 2);
}

TEST_F(UsersTest, PatchChangesRoleAndName) {
  auto admin = server().Admin();
  auto user = server().CreateUser("viewer", "promote");
  auto patched = admin.Patch(UserPath(user.id),
                             {{"version", 1}, {"role", "developer"}, {"display_name", "Dev"}});
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.Str("role"), "developer");
  // The role applies to the user's existing token at once.
  EXPECT_EQ(server().As(user).Post("/api/v1/apps", AppBody(UniqueName("promoted"))).status, 201);
}

TEST_F(UsersTest, AdminsCannotDisableThemselves) {
  auto admin = server().Admin();
  auto me = admin.Get(UserPath(server().admin_user().id));
  auto refused = admin.Patch(UserPath(server().admin_user().id),
                             {{"version", me.Int("version")}, {"disabled", true}});
  EXPECT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(admin.Get("/api/v1/auth/me").status, 200);
}

TEST_F(UsersTest, ResetPasswordReplacesTheOldOne) {
  auto admin = server().Admin();
  auto user = server().CreateUser("developer", "reset");
  auto reset = admin.Post(UserPath(user.id) + "/password", {{"password", "brand-new-password"}});
  EXPECT_EQ(reset.status, 204) << reset;
  auto anonymous = server().Anonymous();
  auto old_login = anonymous.Post("/api/v1/auth/login",
                                  {{"username", user.username}, {"password", user.password}});
  EXPECT_EQ(old_login.status, 401) << old_login;
  auto new_login = anonymous.Post(
      "/api/v1/auth/login", {{"username", user.username}, {"password", "brand-new-password"}});
  EXPECT_EQ(new_login.status, 200) << new_login;

  auto too_short = admin.Post(UserPath(user.id) + "/password", {{"password", "short"}});
  EXPECT_EQ(too_short.status, 400) << too_short;
  EXPECT_EQ(too_short.ErrorDetail("field"), "password");
  auto unknown = admin.Post("/api/v1/users/" + UniqueName("nobody") + "/password",
                            {{"password", "long-enough-pw"}});
  EXPECT_EQ(unknown.status, 404) << unknown;
}

TEST_F(UsersTest, ListPagesThroughEveryMatchOnce) {
  auto admin = server().Admin();
  const auto prefix = UniqueName("page");
  std::vector<std::string> created;
  for (int i = 0; i < 5; ++i) {
    created.push_back(prefix + "-u" + std::to_string(i));
    ASSERT_EQ(admin
                  .Post("/api/v1/users", {{"username", created.back()},
                                          {"password", "long-enough-pw"},
                                          {"role", "viewer"}})
                  .status,
              201);
  }
  std::vector<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    auto reply = admin.Get("/api/v1/users?limit=2&q=" + prefix +
                           (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(reply.status, 200) << reply;
    for (const auto& u : reply.Object().at("items").as_array())
      seen.push_back(Text(u.at("username")));
    if (reply.Object().at("next_cursor").is_null()) break;
    cursor = reply.Str("next_cursor");
  }
  EXPECT_EQ(seen, created);
}

TEST_F(UsersTest, NonAdminsAreForbidden) {
  for (const char* role : {"developer", "approver", "viewer"}) {
    auto user = server().CreateUser(role, role);
    auto api = server().As(user);
    EXPECT_EQ(api.Get("/api/v1/users").status, 403) << role;
    auto create = api.Post(
        "/api/v1/users",
        {{"username", UniqueName("sneaky")}, {"password", "long-enough-pw"}, {"role", "admin"}});
    EXPECT_EQ(create.status, 403) << role << ": " << create;
    EXPECT_EQ(create.ErrorCode(), "forbidden");
    auto self_promote = api.Patch(UserPath(user.id), {{"version", 1}, {"role", "admin"}});
    EXPECT_EQ(self_promote.status, 403) << role << ": " << self_promote;
    EXPECT_EQ(server().Admin().Get(UserPath(user.id)).Str("role"), role);
  }
}

}  // namespace
}  // namespace slipway::testing
