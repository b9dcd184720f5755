#pragma once
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connectors/dns/zone_model.hpp"
#include "sandbox/dns/dns_faults.hpp"

struct ldns_struct_pkt;  // ldns_pkt, without ldns's headers

namespace slipway::sandbox {

/// The TSIG key the responder accepts (RFC 8945).
struct TsigKey {
  std::string name = "slipway-sandbox-key.";
  std::string secret;  ///< base64
  std::string algorithm = "hmac-sha256.";
};

/// The reply to one message: its wire form (empty: no reply, the client
/// times out), to be sent `delay` from now (injected latency).
struct DnsReply {
  std::vector<std::uint8_t> wire;
  std::chrono::milliseconds delay{0};
};

/// An authoritative server for one zone, one message at a time: RFC 2136
/// UPDATEs that must carry a valid TSIG (no TSIG → REFUSED; unknown key →
/// NOTAUTH/BADKEY; bad MAC → NOTAUTH/BADSIG; |now − time signed| > fudge →
/// NOTAUTH/BADTIME; those three answered with an unsigned TSIG carrying the
/// error), prerequisites and updates applied atomically through ZoneModel,
/// replies signed over the request MAC; and plain queries (A, CNAME, SOA,
/// NS, ANY) answered authoritatively with CNAME chasing inside the zone.
/// Every message passes DnsFaults first (latency, injected RCODEs and
/// timeouts, the call log). Thread-safe.
class DnsHandler {
 public:
  DnsHandler(std::string zone, TsigKey key);

  DnsReply Handle(const std::uint8_t* wire, std::size_t size);

  /// The zone and counters (the admin endpoints add the faults).
  boost::json::value State() const;
  /// Empties the zone, the counters and the faults.
  void Reset();
  DnsFaults& faults() { return faults_; }
  connectors::dns::ZoneModel& zone() { return zone_; }
  const TsigKey& key() const { return key_; }

 private:
  /// The real answer: a query's, or an UPDATE's after its TSIG is verified.
  std::vector<std::uint8_t> Respond(ldns_struct_pkt* request, const std::uint8_t* wire,
                                    std::size_t size);
  connectors::dns::ZoneModel zone_;
  TsigKey key_;
  DnsFaults faults_;
  mutable std::mutex mutex_;
  std::uint64_t updates_ = 0, queries_ = 0, rejected_ = 0;
};

}  // namespace slipway::sandbox
