#include "services/notifications/notification_targets.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::services {
namespace {

namespace json = boost::json;

std::string FieldOf(const core::Result<std::vector<TargetSpec>>& r) {
  if (r.ok()) return "(ok)";
  const auto* f = r.error().details.if_contains("field");
  return f ? std::string(f->as_string()) : "(none)";
}

json::object Robot() {
  return {{"name", "ops"}, {"type", "dingtalk"}, {"url", "https://oapi.dingtalk.com/robot/send?access_token=abc"}};
}

TEST(NotificationTargets, ReadsTargetsWithDefaultsAndKeepMarkers) {
  json::object hook{{"name", "pager"},
                    {"type", "webhook"},
                    {"secret", nullptr},
                    {"kinds", json::array{"release_failed", "release_failed"}}};
  auto r = ParseTargetSpecs({{"targets", json::array{Robot(), hook}}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].kinds.size(), 4u);  // every kind by default
  EXPECT_FALSE((*r)[0].secret);         // absent: keep
  EXPECT_EQ((*r)[1].secret, "");        // null: remove
  EXPECT_FALSE((*r)[1].url);            // absent: keep
  EXPECT_EQ((*r)[1].kinds, std::vector<std::string>{"release_failed"});
  EXPECT_TRUE(ParseTargetSpecs({{"targets", json::array{}}}).ok());
}

TEST(NotificationTargets, RefusesBadInputNamingTheField) {
  auto with = [](const char* key, json::value v) {
    auto t = Robot();
    t[key] = std::move(v);
    return json::object{{"targets", json::array{t}}};
  };
  EXPECT_EQ(FieldOf(ParseTargetSpecs({})), "targets");
  EXPECT_EQ(FieldOf(ParseTargetSpecs({{"targets", "x"}})), "targets");
  EXPECT_EQ(FieldOf(ParseTargetSpecs({{"targets", json::array{}}, {"extra", 1}})), "extra");
  EXPECT_EQ(FieldOf(ParseTargetSpecs({{"targets", json::array{1}}})), "targets[0]");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("name", "Ops Group"))), "targets[0].name");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("type", "slack"))), "targets[0].type");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("url", "ftp://x/y"))), "targets[0].url");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("url", "https://oapi.dingtalk.com/robot/send"))), "targets[0].url");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("kinds", json::array{}))), "targets[0].kinds");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("kinds", json::array{"lane_expiring"}))), "targets[0].kinds");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("secret", 5))), "targets[0].secret");
  EXPECT_EQ(FieldOf(ParseTargetSpecs(with("colour", "red"))), "targets[0].colour");
  EXPECT_EQ(FieldOf(ParseTargetSpecs({{"targets", json::array{Robot(), Robot()}}})), "targets[1].name");
  json::array many;
  for (int i = 0; i < 21; ++i) many.push_back(Robot());
  EXPECT_EQ(FieldOf(ParseTargetSpecs({{"targets", many}})), "targets");
}

TEST(NotificationTargets, UrlRules) {
  EXPECT_FALSE(CheckTargetUrl("webhook", "https://hooks.example.com/slipway"));
  EXPECT_FALSE(CheckTargetUrl("webhook", "http://10.0.0.5:8080"));
  EXPECT_TRUE(CheckTargetUrl("webhook", "https://"));
  EXPECT_TRUE(CheckTargetUrl("webhook", "https:///path"));
  EXPECT_TRUE(CheckTargetUrl("webhook", "https://a b/"));
  EXPECT_TRUE(CheckTargetUrl("webhook", "https://host/\n"));
  EXPECT_FALSE(CheckTargetUrl("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=x"));
  EXPECT_TRUE(CheckTargetUrl("dingtalk", "https://oapi.dingtalk.com/robot/send?token=x"));
}

TEST(NotificationTargets, MasksCredentialsInUrls) {
  EXPECT_EQ(MaskUrl("https://oapi.dingtalk.com/robot/send?access_token=4f1c0e5a9b2d7c3e8f6a1b0c9d8e7f6a"),
            "https://oapi.dingtalk.com/robot/send?access_token=…7f6a");
  EXPECT_EQ(MaskUrl("https://user:pw@hooks.example.com:8443/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX?v=2#x"),
            "https://hooks.example.com:8443/services/T0000/B0000/…XXXX?v=…");
  EXPECT_EQ(MaskUrl("http://10.0.0.5:8080"), "http://10.0.0.5:8080");
  EXPECT_EQ(MaskUrl("http://h/p?flag&k="), "http://h/p?flag&k=");
}

}  // namespace
}  // namespace slipway::services
