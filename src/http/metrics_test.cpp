#include "http/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace slipway::http {
namespace {

TEST(MetricsTest, InventedMethodsShareOneSeries) {
  Metrics metrics;
  metrics.ObserveRequest("unmatched", "GET", 404, 0.001);
  metrics.ObserveRequest("unmatched", "BREW", 404, 0.001);
  metrics.ObserveRequest("unmatched", "XYZZY1", 404, 0.001);
  metrics.ObserveRequest("unmatched", "", 400, 0.001);
  const auto text = metrics.Render();
  EXPECT_THAT(text,
              ::testing::HasSubstr(
                  R"(slipway_http_requests_total{route="unmatched",method="GET",status="404"} 1)"));
  EXPECT_THAT(
      text, ::testing::HasSubstr(
                R"(slipway_http_requests_total{route="unmatched",method="other",status="404"} 2)"));
  EXPECT_THAT(
      text, ::testing::HasSubstr(
                R"(slipway_http_requests_total{route="unmatched",method="none",status="400"} 1)"));
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("BREW")));
}

}  // namespace
}  // namespace slipway::http
