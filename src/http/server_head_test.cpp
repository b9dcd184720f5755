// HEAD answers carry the header fields of the would-be GET answer and no body
// (RFC 9110 §9.3.2), even when the handler filled one in. Checked on the raw
// bytes: a body after a HEAD header would be read as the next response.
#include <gtest/gtest.h>

#include <string>

#include "http/running_server_for_test.hpp"
#include "support/raw_connection.hpp"

namespace slipway::http {
namespace {

class HeadTest : public ::testing::Test {
 protected:
  static Response Handle(Request& r) {
    if (r.path == "/stream") {
      auto stream = std::make_shared<QueueStream>();
      stream->Push("chunk-one");
      stream->Close();
      Response response;
      response.stream = stream;
      return response;
    }
    return Response::Text(200, "hello world");  // also for HEAD, as lazy handlers do
  }

  /// Sends `requests` on one connection and returns every byte until the server closes it.
  std::string Exchange(const std::string& requests) {
    return slipway::testing::RawExchange(server_.port(), requests);
  }

  testing::RunningServer server_{Handle};
};

TEST_F(HeadTest, HeadHasTheGetContentLengthAndNoBody) {
  // HEAD then GET on one connection: the GET's status line must follow the HEAD's header directly.
  auto bytes = Exchange(
      "HEAD /thing HTTP/1.1\r\nHost: t\r\n\r\n"
      "GET /thing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  auto end_of_head = bytes.find("\r\n\r\n");
  ASSERT_NE(end_of_head, std::string::npos) << bytes;
  const std::string head = bytes.substr(0, end_of_head);
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("Content-Length: 11"), std::string::npos) << head;
  const std::string rest = bytes.substr(end_of_head + 4);
  EXPECT_EQ(rest.rfind("HTTP/1.1 200", 0), 0u) << "bytes after the HEAD header:\n" << rest;
  EXPECT_TRUE(rest.ends_with("\r\n\r\nhello world")) << rest;  // GET still gets its body
}

TEST_F(HeadTest, HeadOfAStreamSendsOnlyTheHeader) {
  auto bytes = Exchange("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\n");
  auto end_of_head = bytes.find("\r\n\r\n");
  ASSERT_NE(end_of_head, std::string::npos) << bytes;
  EXPECT_EQ(bytes.rfind("HTTP/1.1 200", 0), 0u) << bytes;
  EXPECT_EQ(bytes.size(), end_of_head + 4) << "no chunk after the header:\n" << bytes;
}

}  // namespace
}  // namespace slipway::http
