// Sessions, CSRF, API tokens and login throttling against a real server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AuthTest : public ApiTest {
 protected:
  // A cookie-keeping client logged in as `user`; the CSRF token is NOT set.
  Api LoggedIn(const TestUser& user, Reply* login = nullptr) {
    Api session(server().base_url(), "", /*cookies=*/true);
    auto reply = session.Post("/api/v1/auth/login",
                              {{"username", user.username}, {"password", user.password}});
    EXPECT_EQ(reply.status, 200) << reply;
    if (login) *login = reply;
    return session;
  }
};

TEST_F(AuthTest, LoginSetsAHttpOnlyLaxSessionCookieWithoutSecureOverPlainHttp) {
  auto user = server().CreateUser("developer", "cookie");
  Reply login;
  Api session = LoggedIn(user, &login);

  auto cookie = login.Header("Set-Cookie");
  ASSERT_TRUE(cookie.has_value()) << login;
  EXPECT_THAT(*cookie, HasSubstr("slipway_session="));
  EXPECT_THAT(*cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(*cookie, HasSubstr("SameSite=Lax"));
  EXPECT_THAT(*cookie, HasSubstr("Path=/"));
  EXPECT_THAT(*cookie, Not(HasSubstr("Secure")));
  EXPECT_FALSE(login.Str("csrf_token").empty());
  EXPECT_EQ(Text(login.Object().at("user").at("username")), user.username);

  auto me = session.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200) << me;
  EXPECT_EQ(Text(me.Object().at("user").at("username")), user.username);
  EXPECT_EQ(me.Str("csrf_token"), login.Str("csrf_token"));
}

TEST_F(AuthTest, CookieWritesNeedTheCsrfToken) {
  auto user = server().CreateUser("developer", "csrf");
  Reply login;
  Api session = LoggedIn(user, &login);
  auto tokens_before =
      server().As(user).Get("/api/v1/tokens").Object().at("items").as_array().size();

  auto refused = session.Post("/api/v1/tokens", {{"name", "no-csrf"}});
  EXPECT_EQ(refused.status, 403) << refused;
  EXPECT_EQ(refused.ErrorCode(), "forbidden");
  auto wrong = session.Send("POST", "/api/v1/tokens", boost::json::value{{"name", "bad-csrf"}},
                            {{"X-CSRF-Token", "not-the-token"}});
  EXPECT_EQ(wrong.status, 403) << wrong;
  EXPECT_EQ(server().As(user).Get("/api/v1/tokens").Object().at("items").as_array().size(),
            tokens_before);

  session.set_csrf_token(login.Str("csrf_token"));
  auto created = session.Post("/api/v1/tokens", {{"name", "with-csrf"}});
  EXPECT_EQ(created.status, 201) << created;
}

TEST_F(AuthTest, BearerTokensNeedNoCsrf) {
  auto user = server().CreateUser("developer", "bearer");
  auto created = server().As(user).Post("/api/v1/tokens", {{"name", "from-bearer"}});
  EXPECT_EQ(created.status, 201) << created;
  auto me = server().As(user).Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200) << me;
  EXPECT_TRUE(me.Object().at("csrf_token").is_null()) << me;
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  auto user = server().CreateUser("viewer", "logout");
  Reply login;
  Api session = LoggedIn(user, &login);
  session.set_csrf_token(login.Str("csrf_token"));
  ASSERT_EQ(session.Get("/api/v1/auth/me").status, 200);

  auto out = session.Post("/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204) << out;
  auto me = session.Get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 401) << me;
  EXPECT_EQ(me.ErrorCode(), "unauthenticated");
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserAreUnauthenticated) {
  auto user = server().CreateUser("developer", "wrongpw");
  auto anonymous = server().Anonymous();
  auto wrong = anonymous.Post("/api/v1/auth/login",
                              {{"username", user.username}, {"password", "not-it-at-all"}});
  EXPECT_EQ(wrong.status, 401) << wrong;
  EXPECT_EQ(wrong.ErrorCode(), "unauthenticated");
  EXPECT_FALSE(wrong.Header("Set-Cookie").has_value());
  auto unknown = anonymous.Post("/api/v1/auth/login",
                                {{"username", UniqueName("ghost")}, {"password", "whatever-pw"}});
  EXPECT_EQ(unknown.status, 401) << unknown;
  EXPECT_EQ(unknown.ErrorCode(), "unauthenticated");
}

TEST_F(AuthTest, FiveWrongPasswordsLockTheAccountWithRetryAfter) {
  auto user = server().CreateUser("developer", "lockout");  // dedicated: the lock is per user
  auto anonymous = server().Anonymous();
  for (int i = 0; i < 5; ++i) {
    auto wrong = anonymous.Post("/api/v1/auth/login",
                                {{"username", user.username}, {"password", "wrong-password"}});
    ASSERT_EQ(wrong.status, 401) << "attempt " << i << ": " << wrong;
  }
  auto locked = anonymous.Post("/api/v1/auth/login",
                               {{"username", user.username}, {"password", user.password}});
  EXPECT_EQ(locked.status, 429) << locked;
  EXPECT_EQ(locked.ErrorCode(), "too_many_requests");
  auto retry_after = locked.Header("Retry-After");
  ASSERT_TRUE(retry_after.has_value()) << locked;
  EXPECT_GT(std::stol(*retry_after), 0);
  // The lock is on password logins only: the user's token still works.
  EXPECT_EQ(server().As(user).Get("/api/v1/auth/me").status, 200);
}

TEST_F(AuthTest, DisabledUsersCannotLogInAndTheirTokensStopWorking) {
  auto user = server().CreateUser("developer", "disabled");
  Reply login;
  Api session = LoggedIn(user, &login);
  auto admin = server().Admin();
  auto current = admin.Get("/api/v1/users/" + std::to_string(user.id));
  auto disabled = admin.Patch("/api/v1/users/" + std::to_string(user.id),
                              {{"version", current.Int("version")}, {"disabled", true}});
  ASSERT_EQ(disabled.status, 200) << disabled;
  EXPECT_TRUE(disabled.Object().at("disabled").as_bool());

  auto token_use = server().As(user).Get("/api/v1/auth/me");
  EXPECT_EQ(token_use.status, 401) << token_use;
  EXPECT_EQ(session.Get("/api/v1/auth/me").status, 401);
  auto relogin = server().Anonymous().Post(
      "/api/v1/auth/login", {{"username", user.username}, {"password", user.password}});
  EXPECT_EQ(relogin.status, 401) << relogin;
  EXPECT_EQ(relogin.ErrorCode(), "unauthenticated");
}

TEST_F(AuthTest, TokenSecretIsShownOnceAndRevokingEndsIt) {
  auto user = server().CreateUser("developer", "tokens");
  auto created =
      server().As(user).Post("/api/v1/tokens", {{"name", "ci"}, {"expires_in_days", 30}});
  ASSERT_EQ(created.status, 201) << created;
  const std::string secret = created.Str("token");
  EXPECT_EQ(secret.rfind("swt_", 0), 0u) << created;
  EXPECT_FALSE(created.Str("expires_at").empty());

  Api with_new(server().base_url(), secret);
  ASSERT_EQ(with_new.Get("/api/v1/auth/me").status, 200);
  auto list = with_new.Get("/api/v1/tokens");
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_THAT(list.raw.body, Not(HasSubstr(secret)));
  bool listed = false;
  for (const auto& item : list.Object().at("items").as_array()) {
    EXPECT_FALSE(item.as_object().contains("token")) << list;
    listed = listed || item.at("id").as_int64() == created.Int("id");
  }
  EXPECT_TRUE(listed) << list;

  auto revoked = with_new.Delete("/api/v1/tokens/" + std::to_string(created.Int("id")));
  EXPECT_EQ(revoked.status, 204) << revoked;
  auto after = with_new.Get("/api/v1/auth/me");
  EXPECT_EQ(after.status, 401) << after;
  EXPECT_EQ(after.ErrorCode(), "unauthenticated");
  // The user's other token is untouched.
  EXPECT_EQ(server().As(user).Get("/api/v1/auth/me").status, 200);
}

TEST_F(AuthTest, TokenLifetimeIsBounded) {
  auto api = server().As(server().CreateUser("developer", "lifetime"));
  for (int days : {0, -1, 3651}) {
    auto reply = api.Post("/api/v1/tokens", {{"name", "bounded"}, {"expires_in_days", days}});
    EXPECT_EQ(reply.status, 400) << days << ": " << reply;
    EXPECT_EQ(reply.ErrorDetail("field"), "expires_in_days");
  }
}

TEST_F(AuthTest, OthersTokensCannotBeRevokedByNonAdmins) {
  auto owner = server().CreateUser("developer", "tokowner");
  auto other = server().CreateUser("developer", "tokother");
  auto refused = server().As(other).Delete("/api/v1/tokens/" + std::to_string(owner.token_id));
  EXPECT_EQ(refused.status, 404) << refused;  // ids reveal nothing about other users
  EXPECT_EQ(server().As(owner).Get("/api/v1/auth/me").status, 200);
}

TEST_F(AuthTest, GarbageCredentialsAreUnauthenticated) {
  Api bogus(server().base_url(), "swt_0000000000000000");
  EXPECT_EQ(bogus.Get("/api/v1/auth/me").status, 401);
  auto basic = server().Anonymous().Send("GET", "/api/v1/auth/me", std::nullopt,
                                         {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
  EXPECT_EQ(basic.status, 401) << basic;
  auto cookie = server().Anonymous().Send("GET", "/api/v1/auth/me", std::nullopt,
                                          {{"Cookie", "slipway_session=deadbeef"}});
  EXPECT_EQ(cookie.status, 401) << cookie;
}

TEST_F(AuthTest, PasswordChangeNeedsTheCurrentPassword) {
  auto user = server().CreateUser("developer", "pwchange");
  auto api = server().As(user);
  auto wrong = api.Post("/api/v1/auth/password", {{"current_password", "not-mine-at-all"},
                                                  {"new_password", "a-new-password"}});
  EXPECT_EQ(wrong.status, 400) << wrong;
  EXPECT_EQ(wrong.ErrorCode(), "invalid");
  auto changed = api.Post("/api/v1/auth/password", {{"current_password", user.password},
                                                    {"new_password", "a-new-password"}});
  EXPECT_EQ(changed.status, 204) << changed;
  auto anonymous = server().Anonymous();
  EXPECT_EQ(
      anonymous
          .Post("/api/v1/auth/login", {{"username", user.username}, {"password", user.password}})
          .status,
      401);
  EXPECT_EQ(
      anonymous
          .Post("/api/v1/auth/login", {{"username", user.username}, {"password", "a-new-password"}})
          .status,
      200);
}

// Expired sessions are not covered here: they need a controllable clock,
// which a real process lacks (the service's unit tests own that case).

}  // namespace
}  // namespace slipway::testing
