#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slipway::connectors::dns {

// RR types and RCODEs the model speaks (RFC 1035, RFC 2136).
inline constexpr std::uint16_t kTypeA = 1, kTypeNs = 2, kTypeCname = 5, kTypeSoa = 6,
                               kTypeAny = 255;
enum Rcode : int {
  kNoError = 0,
  kFormErr = 1,
  kServFail = 2,
  kNxDomain = 3,
  kNotImp = 4,
  kRefused = 5,
  kYxDomain = 6,
  kYxRrset = 7,
  kNxRrset = 8,
  kNotAuth = 9,
  kNotZone = 10,
};

/// A record in presentation form: lower-case absolute owner, rdata text as
/// printed by ldns ("10.1.2.3", "web.example.test.").
struct Rr {
  std::string name;
  std::uint16_t type = kTypeA;
  std::uint32_t ttl = 300;
  std::string rdata;
};

/// RFC 2136 §2.4 prerequisites.
struct Prereq {
  enum Kind { kRrsetExists, kRrsetEquals, kRrsetAbsent, kNameInUse, kNameNotInUse } kind;
  std::string name;
  std::uint16_t type = kTypeAny;
  std::set<std::string> values;  ///< kRrsetEquals only
};

/// RFC 2136 §2.5 updates.
struct Update {
  enum Kind { kAdd, kDeleteRrset, kDeleteName, kDeleteRr } kind;
  Rr rr;
};

/// An authoritative zone with RFC 2136 semantics: every prerequisite checked
/// before any update, updates applied all or nothing, CNAME exclusivity
/// (§3.4.2.2), apex SOA/NS protected, SOA serial bumped on change. Shared by
/// the DnsZone fake and the sandbox's DNS responder. Thread-safe.
class ZoneModel {
 public:
  /// `origin` e.g. "example.test."; the zone starts with SOA, NS ns1 and ns1 A.
  explicit ZoneModel(std::string origin, std::string ns_address = "127.0.0.1");

  /// Applies one UPDATE; returns its RCODE (kNoError on success).
  int Apply(const std::vector<Prereq>& prereqs, const std::vector<Update>& updates);
  /// Records at `name` of `type` (kTypeAny: all). Empty when none.
  std::vector<Rr> Lookup(std::string_view name, std::uint16_t type) const;
  bool NameExists(std::string_view name) const;
  bool InZone(std::string_view name) const;
  const std::string& origin() const { return origin_; }
  std::uint32_t serial() const;
  boost::json::value ToJson() const;
  void Reset();

 private:
  using Key = std::pair<std::string, std::uint16_t>;                              ///< owner, type
  using Rrsets = std::map<Key, std::pair<std::uint32_t, std::set<std::string>>>;  ///< ttl, rdata
  int CheckPrereqs(const std::vector<Prereq>& prereqs) const;
  void ApplyOne(Rrsets& zone, const Update& update) const;
  std::string origin_;
  std::string ns_address_;
  mutable std::mutex mutex_;
  Rrsets rrsets_;
  std::uint32_t serial_ = 1;
};

/// Lower-case with a trailing dot.
std::string CanonicalName(std::string_view name);

}  // namespace slipway::connectors::dns
