#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

enum class DnsType { kA, kCname };

/// One record. Names are fully qualified (a missing trailing dot is added);
/// `value` is an IPv4 address (A) or a target name (CNAME).
struct DnsRecord {
  std::string name;
  DnsType type = DnsType::kA;
  std::string value;
  std::uint32_t ttl = 300;
};

/// One DNS zone Slipway may change (lane domains, R-LANE-6): dynamic updates
/// (RFC 2136) signed with TSIG, and queries to read records back. Each call is
/// one atomic UPDATE message.
///
/// Errors: TSIG rejected (NOTAUTH with BADKEY/BADSIG/BADTIME) or an unsigned or
/// badly signed reply → unauthenticated; REFUSED (policy) → forbidden; a
/// failed prerequisite (YXDOMAIN/YXRRSET/NXDOMAIN/NXRRSET) → conflict; a name
/// outside the zone (NOTZONE), FORMERR or a bad value → invalid; SERVFAIL,
/// timeouts, unreachable server → transient. Messages name the RCODE.
/// Idempotent calls (all but Create) are retried on timeouts and SERVFAIL.
/// Implementations are thread-safe.
class DnsZone {
 public:
  virtual ~DnsZone() = default;
  /// The zone apex, with trailing dot ("example.test.").
  virtual const std::string& zone() const = 0;

  /// Adds the record to its RRset (A: one more address; a CNAME replaces the
  /// name's CNAME, RFC 2136 §3.4.2.2). conflict when the name holds the other
  /// type (A next to CNAME is not allowed). Idempotent.
  virtual core::Status Add(const DnsRecord& record) = 0;
  /// Adds the record only if the name holds nothing yet; conflict otherwise.
  virtual core::Status Create(const DnsRecord& record) = 0;
  /// Makes the record the only one of its type at the name: an A replaces the
  /// A RRset and any CNAME; a CNAME replaces everything at the name. Idempotent.
  virtual core::Status Replace(const DnsRecord& record) = 0;
  /// Deletes the name's RRset of `type`; absent is fine.
  virtual core::Status Delete(std::string_view name, DnsType type) = 0;
  /// The name's records of `type` (empty when none), sorted by value.
  virtual core::Result<std::vector<DnsRecord>> Query(std::string_view name, DnsType type) = 0;
};

/// "A" / "CNAME".
std::string_view DnsTypeName(DnsType type);

}  // namespace slipway::connectors
