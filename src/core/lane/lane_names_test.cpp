#include "core/lane/lane_names.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(LaneNamespace, FollowsTheNamingRule) {
  struct Case {
    const char* name;
    const char* ns;
  };
  for (auto [name, ns] : {Case{"pay-2024", "pay-2024"}, Case{"Pay_Q3.v2", "pay-q3-v2"},
                          Case{"-x-", "x"}, Case{"__a__", "a"}, Case{"A", "a"}, Case{"支付", ""},
                          Case{"x支付", "x"}, Case{"---", ""}}) {
    EXPECT_EQ(LaneNamespace(name), ns) << name;
  }
  EXPECT_EQ(LaneNamespace(std::string(70, 'a')).size(), 63u);
  EXPECT_EQ(LaneNamespace(std::string(62, 'a') + "_b"), std::string(62, 'a'))
      << "no trailing '-' after the cut";
}

TEST(LaneName, RulesNameTheProblem) {
  for (const char* ok : {"pay-2024", "Pay_Q3.v2", "a", "x1"}) EXPECT_FALSE(CheckLaneName(ok)) << ok;
  for (std::string bad : {std::string(""), std::string(41, 'a'), std::string("a b"),
                          std::string("a/b"), std::string("-a"), std::string("a."),
                          std::string("a..b"), std::string("42"), std::string("支付")}) {
    auto rule = CheckLaneName(bad);
    ASSERT_TRUE(rule) << bad;
    EXPECT_FALSE(rule->empty());
  }
}

TEST(LaneNames, EverySystemsName) {
  EXPECT_EQ(LaneBranch("Pay_Q3"), "feature/Pay_Q3");
  EXPECT_EQ(LaneJenkinsFolder("Pay_Q3"), "Pay_Q3");
  EXPECT_EQ(LaneJobPath("Pay_Q3", "order"), "Pay_Q3/order");
  EXPECT_EQ(LaneConfigBranch("Pay_Q3"), "feature-pay-q3");
  EXPECT_EQ(LaneInternalDomain("med-d2d", "swimlane"), "med-d2d.swimlane");
  EXPECT_EQ(LaneExternalDomain("web", "Pay_Q3", "example.com"), "web-pay-q3.example.com");
  EXPECT_EQ(LaneConsumerGroup("orders", "Pay_Q3"), "orders-pay-q3");
  EXPECT_EQ(LaneImageTag("Pay_Q3", "0123456789abcdef"), "pay-q3-01234567");
  EXPECT_EQ(LaneManualImageTag("Pay_Q3"), "pay-q3-manual");
}

TEST(BusinessDomain, IsAShortDnsLabel) {
  EXPECT_FALSE(CheckBusinessDomain("web"));
  EXPECT_TRUE(CheckBusinessDomain("Web"));
  EXPECT_TRUE(CheckBusinessDomain(std::string(21, 'a')));
  EXPECT_TRUE(CheckBusinessDomain(""));
}

TEST(LaneNames, LongestNameStillGivesOneDnsLabel) {
  std::string label = LaneExternalDomain(std::string(kMaxBusinessDomainLength, 'w'),
                                         std::string(kMaxLaneNameLength, 'n'), "x");
  EXPECT_LE(label.find('.'), 63u);
}

}  // namespace
}  // namespace slipway::core
