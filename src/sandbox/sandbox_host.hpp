#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sandbox/emulator.hpp"
#include "sandbox/fault_injector.hpp"

namespace slipway::http {
class Server;
}

namespace slipway::sandbox {

/// Runs emulators, each on its own HTTP server and loopback port, with the
/// admin endpoints every emulator shares:
///   POST   /_sandbox/faults   {"method"?,"path_prefix"?,"count"?,"status"?,"body"?,
///                              "delay_ms"?,"timeout"?,"timeout_ms"?}  the next calls fail or hang
///   DELETE /_sandbox/faults   clears faults and latency
///   POST   /_sandbox/latency  {"delay_ms":50}  every call takes that much longer
///   GET    /_sandbox/state    the emulator's state and the active faults
///   GET    /_sandbox/calls    the most recent calls (method, target, status, the
///                              caller's X-Slipway-Step as "step", arrival "at_ms",
///                              answer ready "done_ms")
///   POST   /_sandbox/reset    forgets all state and faults
/// A non-HTTP Service gets the same endpoints on an HTTP port of its own
/// ("<system>-admin" among the endpoints), driving the service's own faults.
class SandboxHost {
 public:
  explicit SandboxHost(std::string host = "127.0.0.1");
  ~SandboxHost();

  void Add(std::unique_ptr<Emulator> emulator);
  void Add(std::unique_ptr<Service> service);
  /// Binds every emulator and service (and its admin port) and starts
  /// serving in background threads. `ports` names the port wanted per
  /// endpoint key ("registry", "dns", "dns-admin"); the others get a free
  /// one. A wanted port that is taken is replaced by a free one, unless
  /// `required`: then Start throws, naming it.
  void Start(const std::map<std::string, std::uint16_t>& ports = {}, bool required = false);
  /// The endpoint keys in a fixed order: the emulators as added, then each
  /// service followed by its admin port ("dns", "dns-admin").
  std::vector<std::string> EndpointNames() const;
  /// Shuts every server down and joins the threads.
  void Stop();
  /// Blocks until every server has stopped (they stop on SIGTERM/SIGINT).
  void Wait();
  /// system → URL ("http://127.0.0.1:PORT", or HOST:PORT for non-HTTP services,
  /// whose admin endpoints are at "<system>-admin" → "http://127.0.0.1:PORT").
  const std::map<std::string, std::string>& endpoints() const { return endpoints_; }
  /// The emulator serving `system`, or nullptr.
  Emulator* Find(std::string_view system) const;

 private:
  struct Hosted;
  struct HostedService;
  std::string host_;
  std::vector<std::unique_ptr<Hosted>> hosted_;
  std::vector<std::unique_ptr<HostedService>> services_;
  std::map<std::string, std::string> endpoints_;
};

/// Wraps an emulator with the admin endpoints and fault injection: the
/// handler SandboxHost gives each emulator's server.
http::Response HandleSandboxRequest(Emulator& emulator, FaultInjector& faults,
                                    http::Request& request);

/// The admin endpoints of a non-HTTP service; anything else is a 404 (the
/// service's protocol is served on its own port).
http::Response HandleServiceAdmin(Service& service, http::Request& request);

}  // namespace slipway::sandbox
