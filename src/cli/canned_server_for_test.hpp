#pragma once
// Test helper: a loopback HTTP server on plain POSIX sockets that answers
// each connection with the next canned response and records the requests.
// Header-only so it stays out of the slipway_cli library.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <thread>
#include <vector>

namespace slipway::cli::testing {

struct RecordedRequest {
  std::string head;  ///< request line and headers
  std::string body;
  std::string RequestLine() const { return head.substr(0, head.find("\r\n")); }
  bool HasHeader(const std::string& line) const {
    return head.find("\r\n" + line + "\r\n") != std::string::npos;
  }
};

class CannedServer {
 public:
  /// `responses` are complete HTTP responses, served one per connection.
  explicit CannedServer(std::vector<std::string> responses) : responses_(std::move(responses)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listen_fd_, 8);
    socklen_t length = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }

  ~CannedServer() {
    ::shutdown(listen_fd_, SHUT_RDWR);  // unblocks accept() if a test ended early
    Join();
    ::close(listen_fd_);
  }

  CannedServer(const CannedServer&) = delete;
  CannedServer& operator=(const CannedServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  /// Waits until every response was served, then returns what was asked.
  const std::vector<RecordedRequest>& requests() {
    Join();
    return requests_;
  }

  static std::string Response(int status, const std::string& body,
                              const std::string& extra_headers = "") {
    return "HTTP/1.1 " + std::to_string(status) + " Canned\r\nContent-Type: application/json\r\n" +
           extra_headers + "Content-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
  }

 private:
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

  void Serve() {
    for (const auto& response : responses_) {
      int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      requests_.push_back(ReadRequest(fd));
      ::send(fd, response.data(), response.size(), MSG_NOSIGNAL);
      ::close(fd);
    }
  }

  static RecordedRequest ReadRequest(int fd) {
    std::string data;
    char buffer[4096];
    size_t head_end = std::string::npos;
    size_t body_length = 0;
    while (true) {
      if (head_end == std::string::npos &&
          (head_end = data.find("\r\n\r\n")) != std::string::npos) {
        std::string lower = data.substr(0, head_end);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (auto at = lower.find("content-length:"); at != std::string::npos) {
          body_length = std::stoul(lower.substr(at + 15));
        }
      }
      if (head_end != std::string::npos && data.size() >= head_end + 4 + body_length) break;
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      data.append(buffer, static_cast<size_t>(n));
    }
    if (head_end == std::string::npos) return {data, ""};
    return {data.substr(0, head_end + 2), data.substr(head_end + 4, body_length)};
  }

  std::vector<std::string> responses_;
  std::vector<RecordedRequest> requests_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace slipway::cli::testing
