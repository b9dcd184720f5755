#pragma once
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "http/message.hpp"
#include "sandbox/fault_control.hpp"

namespace slipway::sandbox {

/// One injected fault: the next `count` calls matching method (empty: any)
/// and path prefix either get `status` with `body`, or hang for
/// `hang_ms` (a timeout as the client sees it), after an optional delay.
struct FaultRule {
  std::string method;
  std::string path_prefix = "/";
  int count = 1;
  int status = 503;
  std::string body;
  int delay_ms = 0;
  int hang_ms = 0;
};

/// A call an emulator received, for tests to inspect.
struct CallRecord {
  std::string method;
  std::string target;
  int status = 0;
  bool injected = false;
  /// The caller's `X-Slipway-Step` header: which workflow step made the call.
  std::string step;
  /// When the call arrived (wall clock, ms), before any injected latency.
  std::int64_t at_ms = 0;
  /// When the emulator had its answer (wall clock, ms): `done_ms - at_ms` is
  /// the emulator's own time, injected latency included.
  std::int64_t done_ms = 0;
};

/// Fault and latency injection plus a call log, in front of every HTTP
/// emulator. Thread-safe.
class FaultInjector final : public FaultControl {
 public:
  core::Status AddRule(const boost::json::object& body) override;
  void SetLatency(int delay_ms) override;
  void Clear() override;

  /// Applies latency and, when a rule matches, consumes one use of it and
  /// returns the injected response (after sleeping as the rule says).
  std::optional<http::Response> Intercept(const http::Request& request);
  /// Logs a call that arrived at `at_ms` (NowMs() before Intercept) and is
  /// answered now.
  void Record(const http::Request& request, int status, bool injected, std::int64_t at_ms);
  static std::int64_t NowMs();

  boost::json::object ToJson() const override;
  boost::json::array Calls() const override;

 private:
  mutable std::mutex mutex_;
  std::vector<FaultRule> rules_;
  int latency_ms_ = 0;
  std::deque<CallRecord> calls_;  ///< the most recent calls
};

}  // namespace slipway::sandbox
