#include "services/notifications/notification_targets.hpp"

#include <gtest/gtest.h>

namespace slipway::services {
namespace {

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
  EXPECT_EQ(
      MaskUrl("https://oapi.dingtalk.com/robot/send?access_token=4f1c0e5a9b2d7c3e8f6a1b0c9d8e7f6a"),
      "https://oapi.dingtalk.com/robot/send?access_token=…7f6a");
  EXPECT_EQ(MaskUrl("https://user:pw@hooks.example.com:8443/services/T0000/B0000/"
                    "XXXXXXXXXXXXXXXXXXXXXXXX?v=2#x"),
            "https://hooks.example.com:8443/services/T0000/B0000/…XXXX?v=…");
  EXPECT_EQ(MaskUrl("http://10.0.0.5:8080"), "http://10.0.0.5:8080");
  EXPECT_EQ(MaskUrl("http://h/p?flag&k="), "http://h/p?flag&k=");
}

}  // namespace
}  // namespace slipway::services
