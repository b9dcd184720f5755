#pragma once
#include <string>
#include <vector>

#include "connectors/dns.hpp"
#include "connectors/dns/zone_model.hpp"

namespace slipway::connectors::dns {

/// The RFC 2136 message behind one DnsZone call: defined once, applied by the
/// fake to a ZoneModel and encoded on the wire by the real client.
struct UpdatePlan {
  std::vector<Prereq> prereqs;
  std::vector<Update> updates;
  bool idempotent = true;  ///< safe to resend after a lost reply
};

/// invalid when the name is not in `zone`, the IPv4 address or CNAME target is
/// malformed, or the TTL exceeds 2^31-1.
core::Status CheckRecord(const DnsRecord& record, const std::string& zone);
std::uint16_t TypeCode(DnsType type);

UpdatePlan PlanAdd(const DnsRecord& record);
UpdatePlan PlanCreate(const DnsRecord& record);
UpdatePlan PlanReplace(const DnsRecord& record);
UpdatePlan PlanDelete(const std::string& name, DnsType type);

/// The port's error for a failed UPDATE or query (see DnsZone).
core::Error RcodeError(int rcode, const std::string& what, int tsig_error = 0);
std::string RcodeName(int rcode);

}  // namespace slipway::connectors::dns
