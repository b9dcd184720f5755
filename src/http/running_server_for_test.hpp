#pragma once
// Test helper: an http::Server on a free loopback port, serving on a thread
// of its own until the helper is destroyed.
#include <memory>
#include <thread>

#include "http/server.hpp"

namespace slipway::http::testing {

class RunningServer {
 public:
  explicit RunningServer(Handler handler, Observer observer = nullptr, ServerSettings settings = {})
      : server_(std::make_unique<Server>(WithFreePort(std::move(settings)), std::move(handler),
                                         std::move(observer))) {
    server_->Listen();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    server_->Shutdown();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  std::uint16_t port() const { return server_->port(); }

 private:
  static ServerSettings WithFreePort(ServerSettings settings) {
    settings.port = 0;
    return settings;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
};

}  // namespace slipway::http::testing
