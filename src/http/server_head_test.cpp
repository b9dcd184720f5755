// HEAD answers carry the header fields of the would-be GET answer and no body
// (RFC 9110 §9.3.2), even when the handler filled one in. Checked on the raw
// bytes: a body after a HEAD header would be read as the next response.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "http/server.hpp"

namespace slipway::http {
namespace {

class HeadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<Server>(
        ServerSettings{.port = 0},
        [](Request& r) {
          if (r.path == "/stream") {
            auto stream = std::make_shared<QueueStream>();
            stream->Push("chunk-one");
            stream->Close();
            Response response;
            response.stream = stream;
            return response;
          }
          return Response::Text(200, "hello world");  // also for HEAD, as lazy handlers do
        },
        nullptr);
    server_->Listen();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Shutdown();
    thread_.join();
  }

  /// Sends `requests` on one connection and returns every byte until the server closes it.
  std::string Exchange(const std::string& requests) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(server_->port());
    timeval timeout{5, 0};  // a server waiting for more would otherwise hang the test
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::send(fd, requests.data(), requests.size(), 0), static_cast<ssize_t>(requests.size()));
    std::string received;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) received.append(buffer, n);
    ::close(fd);
    return received;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
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
