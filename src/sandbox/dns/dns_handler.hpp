#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connectors/dns/zone_model.hpp"

namespace slipway::sandbox {

/// The TSIG key the responder accepts (RFC 8945).
struct TsigKey {
  std::string name = "slipway-sandbox-key.";
  std::string secret;  ///< base64
  std::string algorithm = "hmac-sha256.";
};

/// An authoritative server for one zone, one message at a time: RFC 2136
/// UPDATEs that must carry a valid TSIG (no TSIG → REFUSED; unknown key →
/// NOTAUTH/BADKEY; bad MAC → NOTAUTH/BADSIG; |now − time signed| > fudge →
/// NOTAUTH/BADTIME; those three answered with an unsigned TSIG carrying the
/// error), prerequisites and updates applied atomically through ZoneModel,
/// replies signed over the request MAC; and plain queries (A, CNAME, SOA,
/// NS, ANY) answered authoritatively with CNAME chasing inside the zone.
/// Fault injection for tests: drop the next N messages (a timeout as the
/// client sees it) or answer them with a given RCODE. Thread-safe.
class DnsHandler {
 public:
  DnsHandler(std::string zone, TsigKey key);

  /// The reply's wire form; empty when the message is dropped.
  std::vector<std::uint8_t> Handle(const std::uint8_t* wire, std::size_t size);

  void DropNext(int count);
  void FailNext(int count, int rcode);
  boost::json::value State() const;
  void Reset();
  connectors::dns::ZoneModel& zone() { return zone_; }
  const TsigKey& key() const { return key_; }

 private:
  connectors::dns::ZoneModel zone_;
  TsigKey key_;
  mutable std::mutex mutex_;
  int drop_ = 0;
  int fail_ = 0;
  int fail_rcode_ = 2;
  std::uint64_t updates_ = 0, queries_ = 0, rejected_ = 0;
};

}  // namespace slipway::sandbox
