#include "cli/http_client.hpp"

#include <gtest/gtest.h>

#include "cli/canned_server_for_test.hpp"

namespace slipway::cli {
namespace {

using testing::CannedServer;

HttpClientOptions At(std::string url) {
  HttpClientOptions options;
  options.base_url = std::move(url);
  return options;
}

TEST(CliHttpClient, SendsJsonWithBearerAndReadsStatusBodyAndHeaders) {
  CannedServer server({CannedServer::Response(201, R"({"id":7})", "X-Request-Id: r-1\r\n")});
  HttpClientOptions options;
  options.base_url = server.url() + "/";
  options.bearer_token = "swt_abc";
  HttpClient client(options);
  const boost::json::value body{{"name", "ci"}};
  auto response = client.SendJson("POST", "/api/v1/tokens", &body);
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->Header("x-request-id"), "r-1");
  ASSERT_TRUE(response->Json().ok());
  EXPECT_EQ(response->Json()->at("id").as_int64(), 7);

  const auto& request = server.requests().at(0);
  EXPECT_EQ(request.RequestLine(), "POST /api/v1/tokens HTTP/1.1");
  EXPECT_TRUE(request.HasHeader("Authorization: Bearer swt_abc"));
  EXPECT_TRUE(request.HasHeader("Content-Type: application/json"));
  EXPECT_EQ(request.body, R"({"name":"ci"})");
}

TEST(CliHttpClient, ErrorStatusesAreResponsesNotErrors) {
  CannedServer server({CannedServer::Response(404, R"({"error":{"code":"not_found"}})")});
  HttpClient client(At(server.url()));
  auto response = client.SendJson("GET", "/api/v1/apps/x");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
}

TEST(CliHttpClient, KeepsCookiesAndSendsCsrfOnWritesOnly) {
  CannedServer server({
      CannedServer::Response(200, R"({"csrf_token":"c1"})",
                             "Set-Cookie: slipway_session=s1; HttpOnly; Path=/\r\n"),
      CannedServer::Response(200, "{}"),
      CannedServer::Response(204, ""),
  });
  HttpClientOptions options;
  options.base_url = server.url();
  options.cookies = true;
  HttpClient client(options);
  ASSERT_TRUE(client.SendJson("POST", "/api/v1/auth/login").ok());
  client.set_csrf_token("c1");
  ASSERT_TRUE(client.SendJson("GET", "/api/v1/auth/me").ok());
  auto logout = client.SendJson("POST", "/api/v1/auth/logout");
  ASSERT_TRUE(logout.ok());
  EXPECT_EQ(logout->status, 204);
  EXPECT_TRUE(logout->Json().ok());
  EXPECT_TRUE(logout->Json()->is_null());

  const auto& requests = server.requests();
  EXPECT_FALSE(requests[0].HasHeader("Cookie: slipway_session=s1"));
  EXPECT_TRUE(requests[1].HasHeader("Cookie: slipway_session=s1"));
  EXPECT_FALSE(requests[1].HasHeader("X-CSRF-Token: c1"));
  EXPECT_TRUE(requests[2].HasHeader("Cookie: slipway_session=s1"));
  EXPECT_TRUE(requests[2].HasHeader("X-CSRF-Token: c1"));
  EXPECT_TRUE(requests[2].HasHeader("Content-Length: 0"));
}

TEST(CliHttpClient, EachRequestUsesOnlyItsOwnMethodAndBody) {
  CannedServer server({CannedServer::Response(200, "{}"), CannedServer::Response(204, ""),
                       CannedServer::Response(200, "{}"), CannedServer::Response(200, "")});
  HttpClient client(At(server.url()));
  const boost::json::value body{{"version", 3}};
  ASSERT_TRUE(client.SendJson("PATCH", "/api/v1/users/5", &body).ok());
  ASSERT_TRUE(client.SendJson("DELETE", "/api/v1/tokens/9").ok());
  ASSERT_TRUE(client.SendJson("GET", "/api/v1/apps").ok());
  HttpRequest head;
  head.method = "HEAD";
  head.path = "/healthz";
  ASSERT_TRUE(client.Send(head).ok());
  const auto& requests = server.requests();
  EXPECT_EQ(requests[0].RequestLine(), "PATCH /api/v1/users/5 HTTP/1.1");
  EXPECT_EQ(requests[0].body, R"({"version":3})");
  EXPECT_EQ(requests[1].RequestLine(), "DELETE /api/v1/tokens/9 HTTP/1.1");
  EXPECT_EQ(requests[1].body, "");
  EXPECT_EQ(requests[2].RequestLine(), "GET /api/v1/apps HTTP/1.1");
  EXPECT_EQ(requests[2].body, "");
  EXPECT_EQ(requests[3].RequestLine(), "HEAD /healthz HTTP/1.1");
}

TEST(CliHttpClient, StreamsASuccessfulBodyAndCollectsAnErrorBody) {
  CannedServer server({CannedServer::Response(200, "line one\nline two\n"),
                       CannedServer::Response(404, R"({"error":{"code":"not_found"}})")});
  HttpClient client(At(server.url()));
  std::string streamed;
  HttpRequest request;
  request.path = "/api/v1/builds/1/log?follow=1";
  request.on_body = [&](std::string_view piece) { streamed.append(piece); };
  auto ok = client.Send(request);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(streamed, "line one\nline two\n");
  EXPECT_TRUE(ok->body.empty());
  streamed.clear();
  auto missing = client.Send(request);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(streamed.empty());
  EXPECT_NE(missing->body.find("not_found"), std::string::npos);
}

TEST(CliHttpClient, ReadsAreRetriedOnABusyServerWritesAreNot) {
  CannedServer server({CannedServer::Response(503, "busy"), CannedServer::Response(200, "{}"),
                       CannedServer::Response(503, "busy")});
  HttpClientOptions options = At(server.url());
  options.retry_backoff = std::chrono::milliseconds(1);
  HttpClient client(options);
  auto read = client.SendJson("GET", "/api/v1/apps");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->status, 200);
  auto write = client.SendJson("POST", "/api/v1/apps");
  ASSERT_TRUE(write.ok()) << write.error().message;
  EXPECT_EQ(write->status, 503);  // sent once: it may have happened
  const auto& requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].RequestLine(), "GET /api/v1/apps HTTP/1.1");
  EXPECT_EQ(requests[1].RequestLine(), "GET /api/v1/apps HTTP/1.1");
  EXPECT_EQ(requests[2].RequestLine(), "POST /api/v1/apps HTTP/1.1");
}

TEST(CliHttpClient, UnreachableServerIsATransportError) {
  int port = 0;
  {
    CannedServer closed({});  // binds a free port, then releases it
    port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
  }
  HttpClient client(At("http://127.0.0.1:" + std::to_string(port)));
  auto response = client.SendJson("GET", "/healthz");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, core::Code::kTransient);
  EXPECT_NE(response.error().message.find("cannot reach http://127.0.0.1:"), std::string::npos);
}

TEST(CliHttpClient, UnparsableBodyIsReportedWithItsStatus) {
  HttpResponse response{502, "<html>bad gateway</html>", {}};
  auto json = response.Json();
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.error().message.find("HTTP 502"), std::string::npos);
}

}  // namespace
}  // namespace slipway::cli
