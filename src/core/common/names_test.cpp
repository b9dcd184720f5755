#include "core/common/names.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(Dns1123Label, AcceptsValidNames) {
  for (const std::string& ok : {std::string("a"), std::string("order-svc"), std::string("a1"),
                                std::string("0day"), std::string(63, 'x')}) {
    EXPECT_FALSE(CheckDns1123Label(ok).has_value()) << ok;
  }
}

TEST(Dns1123Label, RefusesInvalidNamesWithTheRule) {
  for (std::string bad :
       {std::string(""), std::string("Order"), std::string("-a"), std::string("a-"),
        std::string("a_b"), std::string("a.b"), std::string(64, 'x'), std::string("中文")}) {
    auto rule = CheckDns1123Label(bad);
    ASSERT_TRUE(rule.has_value()) << bad;
    EXPECT_FALSE(rule->empty());
  }
}

TEST(Username, Rules) {
  EXPECT_FALSE(CheckUsername("alice.w_2-x").has_value());
  EXPECT_TRUE(CheckUsername("").has_value());
  EXPECT_TRUE(CheckUsername("a b").has_value());
  EXPECT_TRUE(CheckUsername(std::string(65, 'a')).has_value());
  EXPECT_TRUE(CheckUsername("3").has_value()) << "reads as an id";
  EXPECT_FALSE(CheckUsername("3d").has_value());
}

TEST(NotAnId, RefusesDigitsOnly) {
  for (const char* digits : {"7", "007", "1234567890123456789"})
    EXPECT_TRUE(CheckNotAnId(digits).has_value()) << digits;
  for (const char* name : {"7a", "a7", "7-7"}) EXPECT_FALSE(CheckNotAnId(name).has_value()) << name;
}

TEST(NameKey, LowerCasesAsciiLettersOnly) { EXPECT_EQ(NameKey("Alice.W_2-X"), "alice.w_2-x"); }

}  // namespace
}  // namespace slipway::core

namespace slipway::core {
namespace {

TEST(ParseId, OnlyPlainPositiveDecimals) {
  EXPECT_EQ(ParseId("42"), 42);
  EXPECT_EQ(ParseId("000007"), 7);
  for (const char* not_id : {"", "order-svc", "-1", "+1", " 1", "1.0", "1234567890123456789"}) {
    EXPECT_FALSE(ParseId(not_id).has_value()) << not_id;
  }
}

}  // namespace
}  // namespace slipway::core

namespace slipway::core {
namespace {

TEST(ImageNames, Addresses) {
  for (const char* ok :
       {"nginx:1.25", "registry.example.com:5000/team/app:1.0.3", "localhost:5000/a/b:latest",
        "team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
    EXPECT_FALSE(CheckImageAddress(ok)) << ok;
  }
  for (const char* bad :
       {"", "nginx", "registry:5000/app", "app:", "app:-x", "a b:1", "app@sha256:abc",
        "app@md5:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
    EXPECT_TRUE(CheckImageAddress(bad)) << bad;
  }
}

TEST(ImageNames, Tags) {
  EXPECT_FALSE(CheckImageTag("1.0.3"));
  EXPECT_FALSE(CheckImageTag("v2_rc-1"));
  EXPECT_TRUE(CheckImageTag(""));
  EXPECT_TRUE(CheckImageTag(".hidden"));
  EXPECT_TRUE(CheckImageTag("-x"));
  EXPECT_TRUE(CheckImageTag("a/b"));
  EXPECT_TRUE(CheckImageTag(std::string(129, 'a')));
}

}  // namespace
}  // namespace slipway::core
