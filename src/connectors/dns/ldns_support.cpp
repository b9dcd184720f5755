#include "connectors/dns/ldns_support.hpp"

#include <cstdlib>
#include <map>

namespace slipway::connectors::dns {

std::string RdfText(const ldns_rdf* rdf) {
  if (!rdf) return "";
  char* text = ldns_rdf2str(rdf);
  std::string out = text ? text : "";
  std::free(text);
  if (ldns_rdf_get_type(rdf) == LDNS_RDF_TYPE_DNAME) out = CanonicalName(out);
  return out;
}

Rr FromLdns(const ldns_rr* rr) {
  Rr out;
  out.name = CanonicalName(RdfText(ldns_rr_owner(rr)));
  out.type = static_cast<std::uint16_t>(ldns_rr_get_type(rr));
  out.ttl = ldns_rr_ttl(rr);
  for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
    if (i > 0) out.rdata += ' ';
    out.rdata += RdfText(ldns_rr_rdf(rr, i));
  }
  return out;
}

RrPtr ToLdns(const Rr& rr) {
  char* type = ldns_rr_type2str(static_cast<ldns_rr_type>(rr.type));
  std::string text = rr.name + " " + std::to_string(rr.ttl) + " IN " + type + " " + rr.rdata;
  std::free(type);
  ldns_rr* out = nullptr;
  if (ldns_rr_new_frm_str(&out, text.c_str(), 0, nullptr, nullptr) != LDNS_STATUS_OK)
    return nullptr;
  return RrPtr(out);
}

namespace {

// An RR with no rdata (class ANY/NONE forms).
RrPtr Empty(const std::string& name, std::uint16_t type, ldns_rr_class klass) {
  RrPtr rr(ldns_rr_new());
  ldns_rr_set_owner(rr.get(), ldns_dname_new_frm_str(name.c_str()));
  ldns_rr_set_type(rr.get(), static_cast<ldns_rr_type>(type));
  ldns_rr_set_class(rr.get(), klass);
  ldns_rr_set_ttl(rr.get(), 0);
  return rr;
}

}  // namespace

RrPtr EncodePrereq(const Prereq& p) {
  switch (p.kind) {
    case Prereq::kRrsetExists:
      return Empty(p.name, p.type, LDNS_RR_CLASS_ANY);
    case Prereq::kRrsetAbsent:
      return Empty(p.name, p.type, LDNS_RR_CLASS_NONE);
    case Prereq::kNameInUse:
      return Empty(p.name, kTypeAny, LDNS_RR_CLASS_ANY);
    case Prereq::kNameNotInUse:
      return Empty(p.name, kTypeAny, LDNS_RR_CLASS_NONE);
    case Prereq::kRrsetEquals:
      break;  // several RRs: not produced by the client's plans
  }
  return nullptr;
}

RrPtr EncodeUpdate(const Update& u) {
  switch (u.kind) {
    case Update::kAdd:
      return ToLdns(u.rr);
    case Update::kDeleteRrset:
      return Empty(u.rr.name, u.rr.type, LDNS_RR_CLASS_ANY);
    case Update::kDeleteName:
      return Empty(u.rr.name, kTypeAny, LDNS_RR_CLASS_ANY);
    case Update::kDeleteRr: {
      auto rr = ToLdns({u.rr.name, u.rr.type, 0, u.rr.rdata});
      if (rr) ldns_rr_set_class(rr.get(), LDNS_RR_CLASS_NONE);
      return rr;
    }
  }
  return nullptr;
}

std::optional<std::vector<Prereq>> DecodePrereqs(const ldns_rr_list* section) {
  std::vector<Prereq> out;
  std::map<std::pair<std::string, std::uint16_t>, std::set<std::string>> equals;
  for (size_t i = 0; section && i < ldns_rr_list_rr_count(section); ++i) {
    const ldns_rr* rr = ldns_rr_list_rr(section, i);
    Rr r = FromLdns(rr);
    if (r.ttl != 0) return std::nullopt;
    const bool empty = ldns_rr_rd_count(rr) == 0;
    switch (ldns_rr_get_class(rr)) {
      case LDNS_RR_CLASS_ANY:
        if (!empty) return std::nullopt;
        out.push_back(
            {r.type == kTypeAny ? Prereq::kNameInUse : Prereq::kRrsetExists, r.name, r.type, {}});
        break;
      case LDNS_RR_CLASS_NONE:
        if (!empty) return std::nullopt;
        out.push_back({r.type == kTypeAny ? Prereq::kNameNotInUse : Prereq::kRrsetAbsent,
                       r.name,
                       r.type,
                       {}});
        break;
      case LDNS_RR_CLASS_IN:
        equals[{r.name, r.type}].insert(r.rdata);
        break;
      default:
        return std::nullopt;
    }
  }
  for (auto& [key, values] : equals)
    out.push_back({Prereq::kRrsetEquals, key.first, key.second, values});
  return out;
}

std::optional<std::vector<Update>> DecodeUpdates(const ldns_rr_list* section) {
  std::vector<Update> out;
  for (size_t i = 0; section && i < ldns_rr_list_rr_count(section); ++i) {
    const ldns_rr* rr = ldns_rr_list_rr(section, i);
    Rr r = FromLdns(rr);
    const bool empty = ldns_rr_rd_count(rr) == 0;
    switch (ldns_rr_get_class(rr)) {
      case LDNS_RR_CLASS_IN:
        if (empty || r.type == kTypeAny) return std::nullopt;
        out.push_back({Update::kAdd, r});
        break;
      case LDNS_RR_CLASS_ANY:
        if (!empty || r.ttl != 0) return std::nullopt;
        out.push_back({r.type == kTypeAny ? Update::kDeleteName : Update::kDeleteRrset, r});
        break;
      case LDNS_RR_CLASS_NONE:
        if (empty || r.ttl != 0 || r.type == kTypeAny) return std::nullopt;
        out.push_back({Update::kDeleteRr, r});
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

int TsigError(const ldns_rr* tsig) {
  const ldns_rdf* rdf = ldns_rr_rdf(tsig, 5);
  return rdf ? ldns_rdf2native_int16(rdf) : 0;
}

const ldns_rdf* TsigMac(const ldns_rr* tsig) { return ldns_rr_rdf(tsig, 3); }

std::uint64_t TsigTime(const ldns_rr* tsig) {
  const ldns_rdf* rdf = ldns_rr_rdf(tsig, 1);
  if (!rdf || ldns_rdf_size(rdf) != 6) return 0;
  const std::uint8_t* d = ldns_rdf_data(rdf);
  std::uint64_t t = 0;
  for (int i = 0; i < 6; ++i) t = (t << 8) | d[i];
  return t;
}

std::vector<std::uint8_t> ToWire(const ldns_pkt* pkt) {
  std::uint8_t* wire = nullptr;
  size_t size = 0;
  if (ldns_pkt2wire(&wire, pkt, &size) != LDNS_STATUS_OK) return {};
  std::vector<std::uint8_t> out(wire, wire + size);
  std::free(wire);
  return out;
}

}  // namespace slipway::connectors::dns
