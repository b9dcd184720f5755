#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "sandbox/fault_control.hpp"

namespace slipway::sandbox {

/// One emulated external system speaking its real HTTP protocol on its own
/// loopback port (see sandbox_host.hpp). Implementations are thread-safe:
/// requests arrive on several worker threads at once.
class Emulator {
 public:
  virtual ~Emulator() = default;
  /// The system's key in the endpoints file: "kubernetes", "registry", …
  virtual std::string_view system() const = 0;
  /// Serves one protocol request. Paths under /_sandbox/ never reach it.
  virtual http::Response Handle(http::Request& request) = 0;
  /// Everything the emulator holds, for tests (GET /_sandbox/state).
  virtual boost::json::value State() const = 0;
  /// Forgets all state, back to how it started (POST /_sandbox/reset).
  virtual void Reset() = 0;
  /// Called once the emulator's own URL is known (before any request).
  virtual void SetBaseUrl(const std::string& url) { (void)url; }
};

/// A sandboxed system that is not HTTP (e.g. a DNS responder on UDP/TCP).
/// Its protocol has no room for the admin endpoints, so the host serves them
/// for it on an HTTP port of their own, listed as "<system>-admin".
class Service {
 public:
  virtual ~Service() = default;
  virtual std::string_view system() const = 0;
  /// Binds `port` (0: a free one) on `host` and starts serving; returns the
  /// endpoint, e.g. "127.0.0.1:5353". Throws when the port cannot be bound.
  virtual std::string Start(const std::string& host, std::uint16_t port) = 0;
  virtual void Stop() = 0;
  /// Everything the service holds (GET /_sandbox/state on its admin port).
  virtual boost::json::value State() const = 0;
  /// Forgets all state, back to how it started (POST /_sandbox/reset).
  virtual void Reset() = 0;
  /// Its own fault injection, in terms of its protocol.
  virtual FaultControl& faults() = 0;
};

}  // namespace slipway::sandbox
