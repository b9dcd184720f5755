// Operations endpoints (R-OPS-2), request ids and graceful shutdown.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <csignal>
#include <set>
#include <string>
#include <vector>

#include "core/common/utf8.hpp"
#include "support/api_fixture.hpp"
#include "support/raw_connection.hpp"
#include "support/slipway_process.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

class OpsTest : public ApiTest {};

TEST_F(OpsTest, HealthzIsOk) {
  auto reply = server().Anonymous().Get("/healthz");
  EXPECT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(reply.Str("status"), "ok");
}

TEST_F(OpsTest, HeadHealthzIsOkWithoutABody) {
  auto bytes = RawExchange(static_cast<std::uint16_t>(server().process().port()),
                           "HEAD /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(bytes), 200) << bytes;
  EXPECT_THAT(bytes, HasSubstr("Content-Length: 15\r\n"));  // {"status":"ok"}, as GET would send
  EXPECT_TRUE(bytes.ends_with("\r\n\r\n")) << "no body:\n" << bytes;
}

TEST_F(OpsTest, ErrorsAboutInvalidBytesInThePathAreValidUtf8Json) {
  auto bytes = RawExchange(static_cast<std::uint16_t>(server().process().port()),
                           "GET /api/v1/%ff%fe HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(bytes), 404) << bytes;
  const std::string body = bytes.substr(bytes.find("\r\n\r\n") + 4);
  EXPECT_TRUE(core::IsValidUtf8(body)) << body;
  boost::system::error_code ec;
  auto json = boost::json::parse(body, ec);
  ASSERT_FALSE(ec) << body;
  // Each invalid byte is shown as U+FFFD.
  EXPECT_EQ(json.at("error").at("message").as_string(),
            "no such endpoint: /api/v1/\xef\xbf\xbd\xef\xbf\xbd");
}

class ReadinessTest : public BackendApiTest {};

TEST_P(ReadinessTest, ReadyzReportsTheDatabase) {
  auto reply = server().Anonymous().Get("/readyz");
  EXPECT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(reply.Str("database"), "ok");
  EXPECT_EQ(reply.Int("pending_migrations"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadinessTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

TEST_F(OpsTest, MetricsCountRequestsByRouteAndExposeGauges) {
  auto dev = server().CreateUser("viewer", "metrics");
  ASSERT_EQ(server().As(dev).Get("/api/v1/apps?limit=1").status, 200);
  // The access observer runs after the response is written: poll briefly.
  const std::string counter =
      R"(slipway_http_requests_total{route="/api/v1/apps",method="GET",status="200"})";
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  do {
    auto reply = server().Anonymous().Get("/metrics");
    ASSERT_EQ(reply.status, 200) << reply;
    EXPECT_THAT(reply.Header("Content-Type").value_or(""), HasSubstr("text/plain"));
    text = reply.raw.body;
  } while (text.find(counter) == std::string::npos && std::chrono::steady_clock::now() < deadline);
  EXPECT_THAT(text, HasSubstr(counter));
  EXPECT_THAT(text, HasSubstr("slipway_http_request_duration_seconds_bucket{"));
  for (const char* gauge : {"slipway_engine_queue_depth ", "slipway_db_pool_in_use ",
                            "slipway_db_pool_size ", "slipway_db_pool_waiting "}) {
    EXPECT_THAT(text, HasSubstr(std::string("\n") + gauge)) << gauge;
  }
  // Labels are route patterns, never raw paths (bounded cardinality).
  EXPECT_THAT(text, ::testing::Not(HasSubstr("limit=1")));
}

// The default lets this host scrape without credentials (the test above);
// `token` asks every client for one, as behind a proxy on the same host.
TEST(MetricsAccessTest, WithTokenAccessAnonymousScrapersAreRefused) {
  ApiServer own({.extra_config = "server:\n  metrics_access: token\n"});
  auto anonymous = own.Anonymous().Get("/metrics");
  EXPECT_EQ(anonymous.status, 401) << anonymous;
  EXPECT_EQ(anonymous.ErrorCode(), "unauthenticated");
  EXPECT_THAT(anonymous.raw.body, ::testing::Not(HasSubstr("slipway_http_requests_total")));
  auto viewer = own.CreateUser("viewer", "scraper");
  auto scraped = own.As(viewer).Get("/metrics");
  EXPECT_EQ(scraped.status, 200) << scraped;
  EXPECT_THAT(scraped.raw.body, HasSubstr("slipway_http_requests_total"));
}

// JSON access-log lines stay one valid UTF-8 JSON object each, whatever the
// request held, and requests the HTTP parser refused are logged too.
TEST(AccessLogTest, JsonLinesSurviveHostileRequestsAndIncludeRefusedOnes) {
  ApiServer own({.extra_config = "log:\n  format: json\n"});
  const auto port = static_cast<std::uint16_t>(own.process().port());
  const std::size_t before = own.process().ReadStdout().size();
  const std::vector<std::string> requests = {
      "GET /api/v1/nothing/%ff%fe/%22%0a HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",  // 404
      "GET /\xff\xfe\"x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",         // 400, raw bytes
      "POST /healthz HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n",  // 501
      "GET /healthz HTTP/1.1\r\nHost: t\r\nX-A: b\r\n c\r\n\r\n",                  // 400, obs-fold
      "NOT HTTP AT ALL\r\n\r\n",                                                   // 400
  };
  std::multiset<std::int64_t> sent;
  for (const auto& r : requests) sent.insert(RawStatus(RawExchange(port, r)));
  EXPECT_EQ(sent, (std::multiset<std::int64_t>{400, 400, 400, 404, 501}));

  std::multiset<std::int64_t> logged;
  std::string tail;
  // The observer writes a line after the answer is out: look until all five are there.
  WaitUntil(
      [&] {
        tail = own.process().ReadStdout().substr(before);
        logged.clear();
        std::size_t start = 0;
        for (std::size_t end; (end = tail.find('\n', start)) != std::string::npos;
             start = end + 1) {
          const std::string line = tail.substr(start, end - start);
          boost::system::error_code ec;
          auto v = boost::json::parse(line, ec);
          EXPECT_TRUE(!ec && v.is_object() && core::IsValidUtf8(line))
              << "not a JSON line: " << line;
          // 2xx lines are the fixture's own sign-in, which may be logged late.
          if (!ec && v.is_object() && v.as_object().contains("status") &&
              v.at("status").as_int64() >= 300) {
            logged.insert(v.at("status").as_int64());
          }
        }
        return logged.size() >= requests.size();
      },
      std::chrono::seconds(10));
  EXPECT_EQ(logged, sent) << tail;
}

TEST_F(OpsTest, RequestIdsAreEchoedAndValidOnesKept) {
  auto api = server().Anonymous();
  auto generated = api.Get("/healthz");
  auto id = generated.Header("X-Request-Id");
  ASSERT_TRUE(id.has_value());
  EXPECT_FALSE(id->empty());
  EXPECT_NE(api.Get("/healthz").Header("X-Request-Id"), id) << "ids are per request";

  auto kept = api.Send("GET", "/healthz", std::nullopt, {{"X-Request-Id", "trace-abc_123.4"}});
  EXPECT_EQ(kept.Header("X-Request-Id"), "trace-abc_123.4");
  auto replaced =
      api.Send("GET", "/healthz", std::nullopt, {{"X-Request-Id", "bad id with spaces"}});
  ASSERT_TRUE(replaced.Header("X-Request-Id").has_value());
  EXPECT_NE(*replaced.Header("X-Request-Id"), "bad id with spaces");
  // Errors carry one too.
  EXPECT_TRUE(api.Get("/api/v1/nothing").Header("X-Request-Id").has_value());
}

TEST_F(OpsTest, OpenApiDocumentIsServed) {
  auto reply = server().Anonymous().Get("/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(reply.Str("openapi").substr(0, 2), "3.");
  EXPECT_TRUE(reply.Object().at("paths").as_object().contains("/api/v1/apps"));
}

TEST(GracefulShutdownTest, SigtermLetsTheInFlightRequestFinishAndExitsZero) {
  ApiServer own;  // a server of its own: this test stops it
  auto keep_alive = own.Anonymous();
  ASSERT_EQ(keep_alive.Get("/healthz").status, 200);  // an idle keep-alive connection

  // The request's headers are in (the server is handling it), its body not yet.
  const std::string body = R"({"username":"admin","password":"wrong-password"})";
  RawConnection in_flight(own.base_url());
  ASSERT_TRUE(in_flight.connected());
  ASSERT_TRUE(in_flight.Write(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n"));
  // Make sure the server read the headers before the signal: a full
  // round trip on another connection orders after it on the one network thread.
  ASSERT_EQ(own.Anonymous().Get("/healthz").status, 200);

  ASSERT_EQ(::kill(own.process().pid(), SIGTERM), 0);
  // Shutdown has begun once new connections are refused.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (RawConnection(own.base_url()).connected() && std::chrono::steady_clock::now() < deadline) {
  }
  ASSERT_FALSE(RawConnection(own.base_url()).connected())
      << "the server kept accepting after SIGTERM";

  ASSERT_TRUE(in_flight.Write(body));
  auto response = in_flight.ReadAll();
  EXPECT_THAT(response, HasSubstr("HTTP/1.1 401")) << response;
  EXPECT_THAT(response, HasSubstr("unauthenticated")) << response;

  auto exit = own.process().Wait(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value()) << "the server did not exit within 10 s of SIGTERM";
  EXPECT_TRUE(exit->exited() && exit->code == 0) << exit->Describe();
}

}  // namespace
}  // namespace slipway::testing

namespace slipway::testing {
namespace {

// Every answer a browser could render carries the security headers; the
// console's page may load only its own scripts (issue 14).
TEST_F(OpsTest, EveryAnswerCarriesTheSecurityHeaders) {
  auto api = server().Anonymous();
  for (const std::string path : {"/healthz", "/api/v1/apps", "/api/v1/no-such-route"}) {
    auto reply = api.Get(path);
    EXPECT_EQ(reply.Header("X-Content-Type-Options").value_or(""), "nosniff") << path;
    EXPECT_EQ(reply.Header("Content-Security-Policy").value_or(""),
              "default-src 'none'; frame-ancestors 'none'")
        << path;
  }
  auto page = api.Get("/");
  ASSERT_EQ(page.status, 200) << "the console's page";
  EXPECT_NE(page.Header("Content-Security-Policy").value_or("").find("script-src 'self';"),
            std::string::npos);
  EXPECT_EQ(page.Header("X-Frame-Options").value_or(""), "DENY");
}

}  // namespace
}  // namespace slipway::testing
