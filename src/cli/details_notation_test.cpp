#include "cli/details_notation.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

TEST(CliDetailsNotation, ParsesPorts) {
  EXPECT_EQ(Json(ParsePort("http:8080/TCP")), R"({"name":"http","port":8080,"protocol":"TCP"})");
  EXPECT_EQ(Json(ParsePort("grpc:9090")), R"({"name":"grpc","port":9090,"protocol":"TCP"})");
  EXPECT_EQ(Json(ParsePort("dns:53/udp")), R"({"name":"dns","port":53,"protocol":"UDP"})");
}

TEST(CliDetailsNotation, RejectsBadPortsAsUsage) {
  for (const char* bad :
       {"8080", ":8080", "http:", "http:0", "http:65536", "http:80x", "http:80/QUIC"}) {
    try {
      ParsePort(bad);
      ADD_FAILURE() << bad << " parsed";
    } catch (const Failure& failure) {
      EXPECT_EQ(failure.exit(), ExitCode::kUsage) << bad;
    }
  }
}

TEST(CliDetailsNotation, ParsesHealthChecks) {
  EXPECT_EQ(Json(ParseHealthCheck("http:/healthz:8080")),
            R"({"type":"http","path":"/healthz","port":8080})");
  EXPECT_EQ(Json(ParseHealthCheck("http:/a:b/c:81")),
            R"({"type":"http","path":"/a:b/c","port":81})");
  EXPECT_EQ(Json(ParseHealthCheck("tcp:9000")), R"({"type":"tcp","port":9000})");
  EXPECT_EQ(Json(ParseHealthCheck("exec:pg_isready -q")),
            R"({"type":"exec","command":"pg_isready -q"})");
}

TEST(CliDetailsNotation, RejectsBadHealthChecksAsUsage) {
  for (const char* bad :
       {"http:8080", "http:healthz:80", "http:/healthz", "tcp:", "tcp:x", "exec:", "grpc:1", ""}) {
    EXPECT_THROW(ParseHealthCheck(bad), Failure) << bad;
  }
}

TEST(CliDetailsNotation, FormatsWhatItParses) {
  for (const char* spec : {"http:8080/TCP", "dns:53/UDP"}) {
    EXPECT_EQ(FormatPort(ParsePort(spec)), spec);
  }
  for (const char* spec : {"http:/healthz:8080", "tcp:9000", "exec:true"}) {
    EXPECT_EQ(FormatHealthCheck(ParseHealthCheck(spec)), spec);
  }
  EXPECT_EQ(FormatHealthCheck(nullptr), "-");
  EXPECT_EQ(FormatPort(boost::json::parse("7")), "7");
}

}  // namespace
}  // namespace slipway::cli
