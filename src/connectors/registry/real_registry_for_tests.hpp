#pragma once
// Test-only (included by *_test.cpp): runs Debian's docker-registry
// (CNCF Distribution 2.8.2) on a free loopback port in a scratch folder,
// with delete enabled, and stops it by pid.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include "connectors/http_transport.hpp"
#include "support/temp_dir.hpp"

namespace slipway::connectors::registry::testing {

inline constexpr const char* kDockerRegistry = "/usr/bin/docker-registry";

/// A port nobody listens on right now (bound once, then released).
inline int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

class RealRegistry {
 public:
  static bool Available() { return std::filesystem::exists(kDockerRegistry); }

  /// Starts the server and waits until GET /v2/ answers (up to 15 s).
  RealRegistry() {
    port_ = FreeLoopbackPort();
    std::string config = dir_.path() + "/config.yml";
    std::ofstream(config)
        << "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
        << dir_.path() << "/data\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" << port_
        << "\n";
    std::string log = dir_.path() + "/registry.log";
    pid_ = ::fork();
    if (pid_ == 0) {
      int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::execl(kDockerRegistry, kDockerRegistry, "serve", config.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    HttpTransport probe({.base_url = url(), .max_retries = 0});
    for (int i = 0; i < 150; ++i) {
      auto r = probe.Send({.path = "/v2/"});
      if (r.ok() && r->status == 200) {
        ready_ = true;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~RealRegistry() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  RealRegistry(const RealRegistry&) = delete;
  RealRegistry& operator=(const RealRegistry&) = delete;

  bool ready() const { return ready_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  slipway::testing::TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  bool ready_ = false;
};

}  // namespace slipway::connectors::registry::testing
