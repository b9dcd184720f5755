#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace slipway::http {

struct ServerSettings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (see Server::port())
  int network_threads = 1;    ///< threads doing socket I/O and parsing
  int worker_threads = 4;     ///< threads running handlers (blocking work)
  std::size_t body_limit = 1 << 20;
  std::size_t header_limit = 16 << 10;
  std::chrono::milliseconds idle_timeout{60'000};     ///< waiting for the next request
  std::chrono::milliseconds request_timeout{30'000};  ///< receiving one request's body
  std::chrono::milliseconds shutdown_grace{20'000};   ///< in-flight requests get this long
  bool trust_forwarded_proto = false;  ///< honour X-Forwarded-Proto: https (behind a TLS proxy)
};

/// Runs on a worker thread; may block. Must not throw (exceptions become 500).
using Handler = std::function<Response(Request&)>;
/// Runs on a network thread before `Handler`; must never block. Returns a
/// response when one is ready without blocking work (e.g. a cache hit).
using InlineHandler = std::function<std::optional<Response>(Request&)>;
/// Called on a network thread after each response was written.
using Observer = std::function<void(const Request&, const Response&, double seconds)>;

/// The HTTP/1.1 server (Boost.Beast, C++20 coroutines). Network threads parse
/// and write; every handler runs on the worker pool, so a slow database or
/// connector call never stalls other connections.
class Server {
 public:
  Server(ServerSettings settings, Handler handler, Observer observer,
         InlineHandler inline_handler = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket (throws std::runtime_error on failure).
  void Listen();
  /// The bound port (after Listen).
  std::uint16_t port() const;
  /// Serves until Shutdown() or SIGTERM/SIGINT; returns once every
  /// in-flight request finished (or the grace period ran out).
  void Run();
  /// Stops accepting, lets in-flight requests finish, closes idle
  /// connections. Thread-safe; may be called from any thread.
  void Shutdown();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace slipway::http
