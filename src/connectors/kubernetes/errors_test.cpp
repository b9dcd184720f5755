#include "connectors/kubernetes/errors.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace slipway::connectors::kube {
namespace {

std::string StatusBody(int code, const char* reason, const char* message) {
  return std::string(
             R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":")") +
         message + R"(","reason":")" + reason +
         R"(","details":{"name":"web","group":"apps","kind":"deployments"},"code":)" +
         std::to_string(code) + "}";
}

struct ErrorCase {
  int http;
  const char* reason;
  core::Code code;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.http << " " << c.reason; }

class StatusMapping : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(StatusMapping, ByReason) {
  const auto& c = GetParam();
  auto error = ErrorFromStatus(c.http, StatusBody(c.http, c.reason, "the server's words"));
  EXPECT_EQ(error.code, c.code) << c.reason;
  EXPECT_EQ(error.message, "kubernetes: the server's words");
  EXPECT_EQ(Reason(error), c.reason);
  EXPECT_EQ(error.details.at("status").as_int64(), c.http);
  EXPECT_EQ(error.details.at("details").at("name").as_string(), "web");
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, StatusMapping,
    ::testing::Values(ErrorCase{404, "NotFound", core::Code::kNotFound},
                      ErrorCase{409, "AlreadyExists", core::Code::kConflict},
                      ErrorCase{409, "Conflict", core::Code::kConflict},
                      ErrorCase{422, "Invalid", core::Code::kInvalid},
                      ErrorCase{400, "BadRequest", core::Code::kInvalid},
                      ErrorCase{401, "Unauthorized", core::Code::kUnauthenticated},
                      ErrorCase{403, "Forbidden", core::Code::kForbidden},
                      ErrorCase{429, "TooManyRequests", core::Code::kTransient},
                      ErrorCase{500, "InternalError", core::Code::kTransient},
                      ErrorCase{503, "ServiceUnavailable", core::Code::kTransient},
                      ErrorCase{504, "Timeout", core::Code::kTransient},
                      ErrorCase{410, "Expired", core::Code::kNotFound}));

TEST(ErrorFromStatus, NonStatusBodyFallsBackToHttpStatus) {
  auto error = ErrorFromStatus(502, "<html>Bad Gateway</html>");
  EXPECT_EQ(error.code, core::Code::kTransient);
  EXPECT_NE(error.message.find("Bad Gateway"), std::string::npos);
  auto empty = ErrorFromStatus(401, "");
  EXPECT_EQ(empty.code, core::Code::kUnauthenticated);
}

TEST(ErrorFromStatus, ExpiredIsRecognised) {
  EXPECT_TRUE(IsExpired(
      ErrorFromStatus(410, StatusBody(410, "Expired", "too old resource version: 1 (3171407)"))));
  EXPECT_TRUE(IsExpired(ErrorFromStatus(410, StatusBody(410, "Gone", "gone"))));
  EXPECT_FALSE(IsExpired(ErrorFromStatus(404, StatusBody(404, "NotFound", "x"))));
}

TEST(ErrorFromStatusObject, WatchErrorEvent) {
  boost::json::object status{{"kind", "Status"},
                             {"status", "Failure"},
                             {"reason", "Expired"},
                             {"message", "too old resource version: 1 (3171407)"},
                             {"code", 410}};
  auto error = ErrorFromStatusObject(status);
  EXPECT_TRUE(IsExpired(error));
  EXPECT_EQ(error.message, "kubernetes: too old resource version: 1 (3171407)");
}

TEST(StatusObjectFromError, GivesBackTheStatusTheErrorWasMadeOf) {
  auto status =
      boost::json::parse(StatusBody(422, "Invalid", "Deployment.apps \\\"web\\\" is invalid"))
          .as_object();
  auto back = StatusObjectFromError(ErrorFromStatusObject(status));
  EXPECT_EQ(back, status) << boost::json::serialize(back);
}

}  // namespace
}  // namespace slipway::connectors::kube
