#pragma once
#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/fault_control.hpp"

namespace slipway::sandbox {

/// One injected DNS fault: the next `count` messages matching `opcode`
/// ("QUERY" or "UPDATE"; empty: any) and `name` (at or below it; empty: any)
/// are answered with `rcode` instead of being handled or, with `timeout`, not
/// answered at all (the client times out), after `delay_ms`.
struct DnsFaultRule {  // (defaults everywhere: designated initializers may omit any)
  std::string opcode{};
  std::string name{};
  int count = 1;
  int rcode = 2;  ///< SERVFAIL
  bool timeout = false;
  int delay_ms = 0;
};

/// What the fault injection sees of a message.
struct DnsMessage {
  std::string opcode;                ///< "QUERY", "UPDATE", or the opcode's number
  std::string name;                  ///< the question's name; for an UPDATE, the zone
  std::string type;                  ///< the question's type ("A", "SOA" for an UPDATE, …)
  std::vector<std::string> updated;  ///< an UPDATE's prerequisite and update owner names
};

/// What to do with one message.
struct DnsVerdict {
  bool injected = false;
  bool drop = false;                   ///< injected: no answer
  std::optional<int> rcode;            ///< injected: answer with this RCODE, unhandled
  std::chrono::milliseconds delay{0};  ///< latency plus the rule's delay
};

/// Fault and latency injection and a call log for the DNS responder, driven
/// by the sandbox host's admin endpoints (FaultControl) or directly by tests
/// (Add). Rules as JSON: {"opcode"?, "name"?, "count"?, "rcode"? (a name such
/// as "REFUSED" or a number 0-15; SERVFAIL by default), "timeout"?,
/// "delay_ms"?}. Thread-safe.
class DnsFaults final : public FaultControl {
 public:
  core::Status AddRule(const boost::json::object& body) override;
  void SetLatency(int delay_ms) override;
  void Clear() override;
  boost::json::object ToJson() const override;
  boost::json::array Calls() const override;

  void Add(DnsFaultRule rule);
  /// Applies the latency and consumes one use of the first matching rule.
  DnsVerdict Intercept(const DnsMessage& message);
  /// `rcode` of the answer sent, or nullopt when none was.
  void Record(const DnsMessage& message, std::optional<int> rcode, bool injected);

 private:
  struct Call {
    DnsMessage message;
    std::optional<int> rcode;
    bool injected = false;
  };
  mutable std::mutex mutex_;
  std::vector<DnsFaultRule> rules_;
  int latency_ms_ = 0;
  std::deque<Call> calls_;  ///< the most recent messages
};

}  // namespace slipway::sandbox
