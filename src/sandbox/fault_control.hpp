#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/common/error.hpp"

namespace slipway::sandbox {

/// What the shared admin endpoints drive: POST/DELETE /_sandbox/faults,
/// POST /_sandbox/latency, GET /_sandbox/calls, and the injection part of
/// /_sandbox/state and /_sandbox/reset (sandbox_host.hpp). FaultInjector does
/// it for the HTTP emulators; a non-HTTP service brings its own, whose rules
/// speak its protocol (DNS opcodes and RCODEs instead of paths and statuses).
/// Implementations are thread-safe.
class FaultControl {
 public:
  virtual ~FaultControl() = default;
  /// Parses and adds a rule from its JSON form (the POST /_sandbox/faults body).
  virtual core::Status AddRule(const boost::json::object& body) = 0;
  /// Every call answered `delay_ms` later.
  virtual void SetLatency(int delay_ms) = 0;
  /// Forgets the rules, the latency and the call log.
  virtual void Clear() = 0;
  /// {"latency_ms":…, "faults":[the rules still active]}.
  virtual boost::json::object ToJson() const = 0;
  /// The most recent calls, oldest first.
  virtual boost::json::array Calls() const = 0;
};

}  // namespace slipway::sandbox
