#include "http/security_headers.hpp"

#include <gtest/gtest.h>

namespace slipway::http {
namespace {

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "<absent>";
}

TEST(SecurityHeaders, ApiAnswersRenderNothingAndCannotBeFramed) {
  auto r = Response::Json(200, boost::json::object{{"a", 1}});
  AddSecurityHeaders(r);
  EXPECT_EQ(Header(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(r, "Content-Security-Policy"), kApiPolicy);
  EXPECT_NE(Header(r, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(Header(r, "X-Frame-Options"), "DENY");
}

TEST(SecurityHeaders, TheConsoleLoadsOnlyItsOwnScripts) {
  Response r;
  r.route = "console";
  r.headers.emplace_back("x-frame-options", "DENY");
  AddSecurityHeaders(r);
  EXPECT_EQ(Header(r, "Content-Security-Policy"), kConsolePolicy);
  EXPECT_NE(std::string(kConsolePolicy).find("script-src 'self';"), std::string::npos);
  int frame_options = 0;
  for (const auto& h : r.headers)
    frame_options += h.first == "x-frame-options" || h.first == "X-Frame-Options";
  EXPECT_EQ(frame_options, 1) << "a header the answer has is not repeated";
}

}  // namespace
}  // namespace slipway::http
