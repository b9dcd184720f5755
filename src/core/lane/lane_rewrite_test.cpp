#include "core/lane/lane_rewrite.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

const RewriteContext kContext{.lane_namespace = "pay-q3", .suffix = "example.com"};

TEST(LaneRewrite, DefaultRulesRewriteQaHostsAndInternalNames) {
  struct Case {
    const char* before;
    const char* after;
  };
  for (auto [before, after] : {
           Case{"https://web-qa.example.com/login", "https://web-pay-q3.example.com/login"},
           Case{"order.app", "order.pay-q3"},
           Case{"http://med-d2d.app:8080/x", "http://med-d2d.pay-q3:8080/x"},
           Case{"a-qa.example.com,b-qa.example.com", "a-pay-q3.example.com,b-pay-q3.example.com"},
           Case{"order.app.example.com", "order.app.example.com"},
           Case{"web-qa.example.com.cn", "web-qa.example.com.cn"},
           Case{"web-qa.example.org", "web-qa.example.org"},
           Case{"xapp", "xapp"},
           Case{"", ""},
       }) {
    EXPECT_EQ(RewriteValue(before, DefaultRewriteRules(), kContext), after) << before;
  }
}

TEST(LaneRewrite, TemplatesAreLiteralNotPatterns) {
  std::vector<RewriteRule> rules{{"{x}.svc+1", "{x}.{lane}$1"}};
  EXPECT_EQ(RewriteValue("db.svc+1", rules, kContext), "db.pay-q3$1");
  EXPECT_EQ(RewriteValue("db.svcc1", rules, kContext), "db.svcc1");
}

TEST(LaneRewrite, RuleChecks) {
  EXPECT_FALSE(CheckRewriteRule({"{x}-qa.{suffix}", "{x}-{lane}.{suffix}"}));
  EXPECT_TRUE(CheckRewriteRule({"qa.{suffix}", "x"}));
  EXPECT_TRUE(CheckRewriteRule({"{x}.{x}", "x"}));
  EXPECT_TRUE(CheckRewriteRule({"{x}.{lane}", "x"}));
  EXPECT_TRUE(CheckRewriteRule({"{x}.app", ""}));
}

TEST(LaneRewrite, FilesReportTheChangedKeysOrLines) {
  std::vector<RewrittenLine> changed;
  std::string out =
      RewriteFile("app.properties", "a=1\nurl = https://web-qa.example.com\nsvc: pay.app\n", true,
                  DefaultRewriteRules(), kContext, &changed);
  EXPECT_EQ(out, "a=1\nurl = https://web-pay-q3.example.com\nsvc: pay.pay-q3\n");
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].where, "url");
  EXPECT_EQ(changed[1].where, "svc");
  EXPECT_EQ(changed[1].after, "svc: pay.pay-q3");

  changed.clear();
  out = RewriteFile("app.yaml", "x:\n  host: order.app", false, DefaultRewriteRules(), kContext,
                    &changed);
  EXPECT_EQ(out, "x:\n  host: order.pay-q3");
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].where, "line 2");
}

}  // namespace
}  // namespace slipway::core
