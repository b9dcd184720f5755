// DNS messages in wire form as the sandbox's authoritative server receives
// them (sandbox::DnsHandler over the shared connectors::dns::ZoneModel).
// Each input is handled as sent and then, when it parses as an UPDATE,
// again signed with the zone's TSIG key, so that arbitrary prerequisites
// and updates reach the zone model rather than stopping at REFUSED.
// Properties: every reply parses and answers the request's id, and the zone
// keeps its apex SOA and NS and never holds a CNAME beside other data.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "connectors/dns/ldns_support.hpp"
#include "fuzz_check.hpp"
#include "sandbox/dns/dns_handler.hpp"

namespace {

namespace dns = slipway::connectors::dns;
constexpr const char* kZone = "fuzz.test.";
constexpr const char* kSecret = "c2xpcHdheS1mdXp6LXRzaWctc2VjcmV0LTMyYnl0ZXM=";

void CheckReply(const slipway::sandbox::DnsReply& reply, const std::uint8_t* request,
                std::size_t size) {
  if (reply.wire.empty()) return;
  ldns_pkt* parsed = nullptr;
  FUZZ_CHECK(ldns_wire2pkt(&parsed, reply.wire.data(), reply.wire.size()) == LDNS_STATUS_OK,
             "a reply does not parse");
  dns::PktPtr owned(parsed);
  if (size >= 2) {
    FUZZ_CHECK(ldns_pkt_id(parsed) == ((request[0] << 8) | request[1]),
               "a reply answers another id");
  }
}

void CheckZone(const dns::ZoneModel& zone) {
  FUZZ_CHECK(!zone.Lookup(kZone, dns::kTypeSoa).empty(), "the apex lost its SOA");
  FUZZ_CHECK(!zone.Lookup(kZone, dns::kTypeNs).empty(), "the apex lost its NS");
  std::map<std::string, std::set<std::int64_t>> types;
  const auto state = zone.ToJson();
  for (const auto& record : state.at("records").as_array()) {
    types[std::string(record.at("name").as_string())].insert(
        record.at("type").to_number<std::int64_t>());
  }
  for (const auto& [name, set] : types) {
    FUZZ_CHECK(!set.contains(dns::kTypeCname) || set.size() == 1, "a CNAME shares its name");
  }
}

// The input re-encoded as a TSIG-signed UPDATE, or nothing.
std::vector<std::uint8_t> SignedUpdate(const std::uint8_t* data, std::size_t size) {
  ldns_pkt* parsed = nullptr;
  if (ldns_wire2pkt(&parsed, data, size) != LDNS_STATUS_OK) return {};
  dns::PktPtr pkt(parsed);
  if (ldns_pkt_get_opcode(parsed) != LDNS_PACKET_UPDATE) return {};
  if (ldns_rr* old = ldns_pkt_tsig(parsed)) {
    ldns_pkt_set_tsig(parsed, nullptr);
    ldns_rr_free(old);
  }
  if (ldns_pkt_tsig_sign(parsed, "slipway-sandbox-key.", kSecret, 300, "hmac-sha256.", nullptr) !=
      LDNS_STATUS_OK) {
    return {};
  }
  return dns::ToWire(parsed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  slipway::sandbox::DnsHandler handler(kZone, {.secret = kSecret});
  CheckReply(handler.Handle(data, size), data, size);
  const auto update = SignedUpdate(data, size);
  if (!update.empty())
    CheckReply(handler.Handle(update.data(), update.size()), update.data(), update.size());
  CheckZone(handler.zone());
  return 0;
}
