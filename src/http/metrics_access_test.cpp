#include "http/metrics_access.hpp"

#include <gtest/gtest.h>

namespace slipway::http {
namespace {

TEST(MetricsAccessTest, ByDefaultOnlyThisHostOrASignedInCaller) {
  const auto access = MetricsAccess::kLocalOrToken;
  for (auto local : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(MetricsAllowed(access, local, false)) << local;
  }
  for (auto remote : {"10.0.0.7", "192.168.1.20", "::ffff:10.0.0.7", "2001:db8::1", "128.0.0.1"}) {
    EXPECT_FALSE(MetricsAllowed(access, remote, false)) << remote;
    EXPECT_TRUE(MetricsAllowed(access, remote, true)) << remote;
  }
}

TEST(MetricsAccessTest, TokenAndPublic) {
  EXPECT_FALSE(MetricsAllowed(MetricsAccess::kToken, "127.0.0.1", false));
  EXPECT_TRUE(MetricsAllowed(MetricsAccess::kToken, "10.0.0.7", true));
  EXPECT_TRUE(MetricsAllowed(MetricsAccess::kPublic, "10.0.0.7", false));
}

TEST(MetricsAccessTest, ParsesTheSetting) {
  EXPECT_EQ(ParseMetricsAccess("local_or_token"), MetricsAccess::kLocalOrToken);
  EXPECT_EQ(ParseMetricsAccess("token"), MetricsAccess::kToken);
  EXPECT_EQ(ParseMetricsAccess("public"), MetricsAccess::kPublic);
  EXPECT_FALSE(ParseMetricsAccess("yes"));
}

}  // namespace
}  // namespace slipway::http
