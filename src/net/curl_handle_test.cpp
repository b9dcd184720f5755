// The libcurl core against a loopback server: what reaches the wire, how
// answers and failures come back, streaming, and the address hook.
#include "net/curl_handle.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>

#include "cli/canned_server_for_test.hpp"

namespace slipway::net {
namespace {

using cli::testing::CannedServer;

TEST(CurlHandle, SendsMethodHeadersAndBodyAndReadsTheAnswer) {
  CannedServer server({CannedServer::Response(201, R"({"id":1})", "X-Trace: t-1\r\n")});
  CurlHandle handle(ConnectionSettings{});
  auto response = handle.Perform(CurlRequest{.method = "PUT",
                                             .url = server.url() + "/things/1",
                                             .body = std::string(R"({"a":1})"),
                                             .headers = {{"Content-Type", "application/json"}}});
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, R"({"id":1})");
  EXPECT_EQ(response->Header("x-trace"), "t-1");
  const auto& request = server.requests().at(0);
  EXPECT_EQ(request.RequestLine(), "PUT /things/1 HTTP/1.1");
  EXPECT_TRUE(request.HasHeader("Content-Type: application/json"));
  EXPECT_FALSE(request.HasHeader("Expect: 100-continue"));
  EXPECT_EQ(request.body, R"({"a":1})");
}

TEST(CurlHandle, StreamsOnlySuccessfulBodiesWhenAsked) {
  CannedServer server(
      {CannedServer::Response(200, "one\ntwo\n"), CannedServer::Response(500, "broken")});
  CurlHandle handle(ConnectionSettings{});
  std::string streamed;
  CurlRequest request{.url = server.url() + "/log",
                      .on_data =
                          [&](std::string_view piece) {
                            streamed.append(piece);
                            return true;
                          },
                      .stream_success_only = true};
  auto ok = handle.Perform(request);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(streamed, "one\ntwo\n");
  EXPECT_EQ(ok->body, "");
  streamed.clear();
  auto failed = handle.Perform(request);
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->status, 500);
  EXPECT_EQ(failed->body, "broken");
  EXPECT_EQ(streamed, "");
}

TEST(CurlHandle, AStreamStoppedByItsReaderEndsWithoutError) {
  CannedServer server({CannedServer::Response(200, "first\nsecond\n")});
  CurlHandle handle(ConnectionSettings{});
  auto response = handle.Perform(CurlRequest{.url = server.url() + "/watch",
                                             .on_data = [](std::string_view) { return false; }});
  EXPECT_TRUE(response.ok()) << response.error().message;
}

TEST(CurlHandle, ARefusedAddressIsForbiddenAndNeverConnected) {
  CannedServer server({CannedServer::Response(200, "{}")});
  CurlHandle handle(ConnectionSettings{});
  int asked = 0;
  auto response = handle.Perform(
      CurlRequest{.url = server.url() + "/hook",
                  .refuse_address = [&](const sockaddr* address) -> std::optional<std::string> {
                    ++asked;
                    EXPECT_EQ(address->sa_family, AF_INET);
                    return "loopback";
                  }});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, core::Code::kForbidden);
  EXPECT_EQ(response.error().message, "refused to connect to " + server.url() + "/hook: loopback");
  EXPECT_EQ(asked, 1);
  // The same handle connects when the next call's hook allows it.
  auto allowed = handle.Perform(
      CurlRequest{.url = server.url() + "/hook",
                  .refuse_address = [](const sockaddr*) { return std::optional<std::string>(); }});
  ASSERT_TRUE(allowed.ok()) << allowed.error().message;
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(CurlHandle, TransportFailuresNameTheServerAsTold) {
  int port = 0;
  {
    CannedServer closed({});  // binds a free port, then releases it
    port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
  }
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  CurlHandle handle(ConnectionSettings{});
  auto by_url = handle.Perform(CurlRequest{.url = base + "/x"});
  ASSERT_FALSE(by_url.ok());
  EXPECT_EQ(by_url.error().code, core::Code::kTransient);
  EXPECT_EQ(by_url.error().message.rfind("cannot reach " + base + "/x: ", 0), 0u)
      << by_url.error().message;
  auto by_name = handle.Perform(CurlRequest{.url = base + "/x", .name_in_errors = base});
  ASSERT_FALSE(by_name.ok());
  EXPECT_EQ(by_name.error().message.rfind("cannot reach " + base + ": ", 0), 0u)
      << by_name.error().message;
}

}  // namespace
}  // namespace slipway::net
