// User and token bodies: every malformed one is refused naming its field.
#include "http/handlers/user_input.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::http {
namespace {

namespace json = boost::json;

template <class T>
std::string FieldOf(const core::Result<T>& r) {
  if (r.ok()) return "(ok)";
  const auto* f = r.error().details.if_contains("field");
  return f ? std::string(f->as_string()) : "(none)";
}

TEST(UserInput, ANewUserNeedsAValidNameAPasswordAndARole) {
  auto ok =
      ParseCreateUser({{"username", "ann"}, {"password", "password-1"}, {"role", "developer"}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->role, core::Role::kDeveloper);
  EXPECT_FALSE(ok->display_name);
  EXPECT_EQ(FieldOf(ParseCreateUser(
                {{"username", "bad name"}, {"password", "password-1"}, {"role", "developer"}})),
            "username");
  EXPECT_EQ(
      FieldOf(ParseCreateUser({{"username", "ok"}, {"password", "password-1"}, {"role", "king"}})),
      "role");
  EXPECT_EQ(FieldOf(ParseCreateUser(
                {{"username", 5}, {"password", "password-1"}, {"role", "developer"}})),
            "username");
  EXPECT_EQ(FieldOf(ParseCreateUser({{"password", "password-1"}, {"role", "developer"}})),
            "username");
  EXPECT_EQ(FieldOf(ParseCreateUser(
                {{"username", "ok"}, {"password", "password-1"}, {"role", "viewer"}, {"x", 1}})),
            "x");
}

TEST(UserInput, AnEditNamesItsVersion) {
  EXPECT_EQ(FieldOf(ParseUpdateUser({{"role", "viewer"}})), "version");
  EXPECT_EQ(FieldOf(ParseUpdateUser({{"version", 1}, {"disabled", "yes"}})), "disabled");
  auto edit = ParseUpdateUser({{"version", 3}, {"role", "admin"}});
  ASSERT_TRUE(edit.ok());
  EXPECT_EQ(edit->version, 3);
  EXPECT_EQ(edit->role, core::Role::kAdmin);
  EXPECT_FALSE(edit->disabled);
}

TEST(UserInput, TokensLiveAtMostTenYears) {
  EXPECT_EQ(FieldOf(ParseCreateToken({{"name", "ci"}, {"expires_in_days", 3651}})),
            "expires_in_days");
  EXPECT_EQ(FieldOf(ParseCreateToken({{"expires_in_days", 1}})), "name");
  EXPECT_EQ(ParseCreateToken({{"name", "ci"}})->expires_in_days, std::nullopt);
  EXPECT_EQ(FieldOf(ParseResetPassword({{"password", 12345678}})), "password");
}

}  // namespace
}  // namespace slipway::http
