#pragma once
// ldns's common.h redefines bool/true/false unless stdbool has run first.
#include <stdbool.h>
// clang-format off
#include <ldns/ldns.h>
// clang-format on

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/dns/zone_model.hpp"

namespace slipway::connectors::dns {

// Owning handles for ldns objects and the conversions between them and the
// model's Prereq/Update/Rr, shared by the real client (encoding) and the
// sandbox responder (decoding). Prerequisite/update encodings: RFC 2136 §2.4-2.5.

struct PktFree {
  void operator()(ldns_pkt* p) const { ldns_pkt_free(p); }
};
struct RrFree {
  void operator()(ldns_rr* r) const { ldns_rr_free(r); }
};
struct RrListFree {
  void operator()(ldns_rr_list* l) const { ldns_rr_list_deep_free(l); }
};
using PktPtr = std::unique_ptr<ldns_pkt, PktFree>;
using RrPtr = std::unique_ptr<ldns_rr, RrFree>;
using RrListPtr = std::unique_ptr<ldns_rr_list, RrListFree>;

/// Presentation text of an rdf (names lower-cased); "" for null.
std::string RdfText(const ldns_rdf* rdf);
/// The model's view of an RR: canonical owner, type, ttl, rdata text.
Rr FromLdns(const ldns_rr* rr);
/// A zone-class (IN) RR with rdata from the model's text form; nullptr if it
/// does not parse.
RrPtr ToLdns(const Rr& rr);

RrPtr EncodePrereq(const Prereq& p);
RrPtr EncodeUpdate(const Update& u);
/// Decodes the prerequisite section; nullopt on FORMERR (bad class/TTL).
std::optional<std::vector<Prereq>> DecodePrereqs(const ldns_rr_list* section);
/// Decodes the update section; nullopt on FORMERR.
std::optional<std::vector<Update>> DecodeUpdates(const ldns_rr_list* section);

/// A TSIG RR's numeric field (5: error) or its MAC rdf (3), per ldns's layout:
/// algorithm, time signed, fudge, MAC, original id, error, other data.
int TsigError(const ldns_rr* tsig);
const ldns_rdf* TsigMac(const ldns_rr* tsig);
/// TSIG "time signed" in seconds since the epoch.
std::uint64_t TsigTime(const ldns_rr* tsig);

/// The packet's wire form.
std::vector<std::uint8_t> ToWire(const ldns_pkt* pkt);

}  // namespace slipway::connectors::dns
