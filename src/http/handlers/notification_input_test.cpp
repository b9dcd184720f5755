// Notification target bodies as people write them: defaults, keep markers,
// and every refusal naming its field.
#include "http/handlers/notification_input.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::http {
namespace {

namespace json = boost::json;

std::string FieldOf(const core::Result<services::ReplaceTargetsCommand>& r) {
  if (r.ok()) return "(ok)";
  const auto* f = r.error().details.if_contains("field");
  return f ? std::string(f->as_string()) : "(none)";
}

json::object Robot() {
  return {{"name", "ops"},
          {"type", "dingtalk"},
          {"url", "https://oapi.dingtalk.com/robot/send?access_token=abc"}};
}

TEST(NotificationInput, ReadsTargetsWithDefaultsAndKeepMarkers) {
  json::object hook{{"name", "pager"},
                    {"type", "webhook"},
                    {"secret", nullptr},
                    {"kinds", json::array{"release_failed", "release_failed"}}};
  auto r = ParseReplaceTargets({{"targets", json::array{Robot(), hook}}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->targets.size(), 2u);
  EXPECT_EQ(r->targets[0].kinds.size(), 4u);  // every kind by default
  EXPECT_FALSE(r->targets[0].secret);         // absent: keep
  EXPECT_EQ(r->targets[1].secret, "");        // null: remove
  EXPECT_FALSE(r->targets[1].url);            // absent: keep
  EXPECT_EQ(r->targets[1].kinds, std::vector<std::string>{"release_failed"});
  EXPECT_TRUE(ParseReplaceTargets({{"targets", json::array{}}}).ok());
}

TEST(NotificationInput, RefusesBadInputNamingTheField) {
  auto with = [](const char* key, json::value v) {
    auto t = Robot();
    t[key] = std::move(v);
    return json::object{{"targets", json::array{t}}};
  };
  EXPECT_EQ(FieldOf(ParseReplaceTargets({})), "targets");
  EXPECT_EQ(FieldOf(ParseReplaceTargets({{"targets", "x"}})), "targets");
  EXPECT_EQ(FieldOf(ParseReplaceTargets({{"targets", json::array{}}, {"extra", 1}})), "extra");
  EXPECT_EQ(FieldOf(ParseReplaceTargets({{"targets", json::array{1}}})), "targets[0]");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("name", "Ops Group"))), "targets[0].name");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("type", "slack"))), "targets[0].type");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("url", "ftp://x/y"))), "targets[0].url");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("url", "https://oapi.dingtalk.com/robot/send"))),
            "targets[0].url");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("kinds", json::array{}))), "targets[0].kinds");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("kinds", json::array{"lane_expiring"}))),
            "targets[0].kinds");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("secret", 5))), "targets[0].secret");
  EXPECT_EQ(FieldOf(ParseReplaceTargets(with("colour", "red"))), "targets[0].colour");
  EXPECT_EQ(FieldOf(ParseReplaceTargets({{"targets", json::array{Robot(), Robot()}}})),
            "targets[1].name");
  json::array many;
  for (int i = 0; i < 21; ++i) many.push_back(Robot());
  EXPECT_EQ(FieldOf(ParseReplaceTargets({{"targets", many}})), "targets");
}

}  // namespace
}  // namespace slipway::http
