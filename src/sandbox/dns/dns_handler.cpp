#include "sandbox/dns/dns_handler.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>

#include "connectors/dns/ldns_support.hpp"

namespace slipway::sandbox {

namespace {

namespace dns = connectors::dns;
using dns::PktPtr;

constexpr int kBadSig = 16, kBadKey = 17, kBadTime = 18;

PktPtr ReplyTo(const ldns_pkt* request, int rcode) {
  PktPtr reply(ldns_pkt_new());
  ldns_pkt_set_id(reply.get(), ldns_pkt_id(request));
  ldns_pkt_set_qr(reply.get(), true);
  ldns_pkt_set_opcode(reply.get(), ldns_pkt_get_opcode(request));
  ldns_pkt_set_rcode(reply.get(), static_cast<std::uint8_t>(rcode));
  const ldns_rr_list* question = ldns_pkt_question(request);
  for (size_t i = 0; question && i < ldns_rr_list_rr_count(question); ++i) {
    ldns_pkt_push_rr(reply.get(), LDNS_SECTION_QUESTION,
                     ldns_rr_clone(ldns_rr_list_rr(question, i)));
  }
  return reply;
}

// The header alone, for messages ldns cannot parse.
std::vector<std::uint8_t> FormErr(const std::uint8_t* wire, std::size_t size) {
  if (size < 2) return {};
  return {wire[0], wire[1], 0x80, static_cast<std::uint8_t>(dns::kFormErr), 0, 0, 0, 0, 0, 0, 0, 0};
}

// RFC 8945 §5.3.2: BADKEY/BADSIG replies carry the request's TSIG fields with
// the error set, an empty MAC and no signature.
void AttachTsigError(ldns_pkt* reply, const ldns_rr* request_tsig, int error) {
  ldns_rr* rr = ldns_rr_new();
  ldns_rr_set_owner(rr, ldns_rdf_clone(ldns_rr_owner(request_tsig)));
  ldns_rr_set_type(rr, LDNS_RR_TYPE_TSIG);
  ldns_rr_set_class(rr, LDNS_RR_CLASS_ANY);
  ldns_rr_set_ttl(rr, 0);
  const std::uint8_t empty[2] = {0, 0};
  ldns_rr_push_rdf(rr, ldns_rdf_clone(ldns_rr_rdf(request_tsig, 0)));
  ldns_rr_push_rdf(rr, ldns_rdf_clone(ldns_rr_rdf(request_tsig, 1)));
  ldns_rr_push_rdf(rr, ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, 300));
  ldns_rr_push_rdf(rr, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, 2, empty));
  ldns_rr_push_rdf(rr, ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, ldns_pkt_id(reply)));
  ldns_rr_push_rdf(rr,
                   ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, static_cast<std::uint16_t>(error)));
  ldns_rr_push_rdf(rr, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, 2, empty));
  ldns_pkt_set_tsig(reply, rr);
}

bool SameName(const std::string& a, const std::string& b) {
  return dns::CanonicalName(a) == dns::CanonicalName(b);
}

void PushRrs(ldns_pkt* reply, ldns_pkt_section section, const std::vector<dns::Rr>& rrs) {
  for (const auto& rr : rrs) {
    if (auto encoded = dns::ToLdns(rr)) ldns_pkt_push_rr(reply, section, encoded.release());
  }
}

PktPtr Answer(dns::ZoneModel& zone, const ldns_pkt* query) {
  const ldns_rr_list* question = ldns_pkt_question(query);
  if (!question || ldns_rr_list_rr_count(question) != 1) return ReplyTo(query, dns::kFormErr);
  const ldns_rr* q = ldns_rr_list_rr(question, 0);
  const std::string name = dns::CanonicalName(dns::RdfText(ldns_rr_owner(q)));
  const auto type = static_cast<std::uint16_t>(ldns_rr_get_type(q));
  if (!zone.InZone(name)) return ReplyTo(query, dns::kRefused);
  // A CNAME answers every type at its name; follow it while it stays in the zone.
  std::vector<dns::Rr> answers;
  std::string current = name;
  for (int hops = 0; hops < 8; ++hops) {
    auto direct = zone.Lookup(current, type);
    if (!direct.empty()) {
      answers.insert(answers.end(), direct.begin(), direct.end());
      break;
    }
    auto alias =
        type == dns::kTypeCname ? std::vector<dns::Rr>{} : zone.Lookup(current, dns::kTypeCname);
    if (alias.empty()) break;
    answers.push_back(alias.front());
    current = alias.front().rdata;
    if (!zone.InZone(current)) break;
  }
  const int rcode = answers.empty() && !zone.NameExists(name) ? dns::kNxDomain : dns::kNoError;
  PktPtr reply = ReplyTo(query, rcode);
  ldns_pkt_set_aa(reply.get(), true);
  PushRrs(reply.get(), LDNS_SECTION_ANSWER, answers);
  if (answers.empty())
    PushRrs(reply.get(), LDNS_SECTION_AUTHORITY, zone.Lookup(zone.origin(), dns::kTypeSoa));
  return reply;
}

std::string Opcode(const ldns_pkt* pkt) {
  switch (ldns_pkt_get_opcode(pkt)) {
    case LDNS_PACKET_QUERY:
      return "QUERY";
    case LDNS_PACKET_UPDATE:
      return "UPDATE";
    default:
      return std::to_string(static_cast<int>(ldns_pkt_get_opcode(pkt)));
  }
}

void AddOwners(const ldns_rr_list* section, std::vector<std::string>& names) {
  for (size_t i = 0; section && i < ldns_rr_list_rr_count(section); ++i) {
    auto name = dns::CanonicalName(dns::RdfText(ldns_rr_owner(ldns_rr_list_rr(section, i))));
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
  }
}

// What fault rules match on and the call log shows.
DnsMessage Describe(const ldns_pkt* pkt) {
  DnsMessage message;
  message.opcode = Opcode(pkt);
  const ldns_rr_list* question = ldns_pkt_question(pkt);
  if (question && ldns_rr_list_rr_count(question) > 0) {
    const ldns_rr* q = ldns_rr_list_rr(question, 0);
    message.name = dns::CanonicalName(dns::RdfText(ldns_rr_owner(q)));
    char* type = ldns_rr_type2str(ldns_rr_get_type(q));
    message.type = type ? type : "";
    free(type);
  }
  if (ldns_pkt_get_opcode(pkt) == LDNS_PACKET_UPDATE) {
    AddOwners(ldns_pkt_answer(pkt), message.updated);     // prerequisites
    AddOwners(ldns_pkt_authority(pkt), message.updated);  // updates
  }
  return message;
}

std::optional<int> RcodeOf(const std::vector<std::uint8_t>& wire) {
  if (wire.size() < 4) return std::nullopt;
  return wire[3] & 0x0f;
}

}  // namespace

DnsHandler::DnsHandler(std::string zone, TsigKey key)
    : zone_(std::move(zone)), key_(std::move(key)) {
  key_.name = dns::CanonicalName(key_.name);
  key_.algorithm = dns::CanonicalName(key_.algorithm);
}

DnsReply DnsHandler::Handle(const std::uint8_t* wire, std::size_t size) {
  ldns_pkt* parsed = nullptr;
  if (ldns_wire2pkt(&parsed, wire, size) != LDNS_STATUS_OK) {
    auto reply = FormErr(wire, size);
    faults_.Record({}, RcodeOf(reply), false);
    return {std::move(reply)};
  }
  PktPtr request(parsed);
  const DnsMessage message = Describe(request.get());
  const DnsVerdict verdict = faults_.Intercept(message);
  DnsReply reply{{}, verdict.delay};
  if (verdict.drop) {
    faults_.Record(message, std::nullopt, true);
    return reply;
  }
  reply.wire = verdict.rcode ? dns::ToWire(ReplyTo(request.get(), *verdict.rcode).get())
                             : Respond(request.get(), wire, size);
  faults_.Record(message, RcodeOf(reply.wire), verdict.injected);
  return reply;
}

std::vector<std::uint8_t> DnsHandler::Respond(ldns_pkt* request, const std::uint8_t* wire,
                                              std::size_t size) {
  if (ldns_pkt_get_opcode(request) == LDNS_PACKET_QUERY) {
    std::lock_guard lock(mutex_);
    ++queries_;
    return dns::ToWire(Answer(zone_, request).get());
  }
  if (ldns_pkt_get_opcode(request) != LDNS_PACKET_UPDATE) {
    return dns::ToWire(ReplyTo(request, dns::kNotImp).get());
  }
  auto reject = [&](int rcode, int tsig_error = 0) {
    std::lock_guard lock(mutex_);
    ++rejected_;
    PktPtr reply = ReplyTo(request, rcode);
    if (tsig_error != 0) AttachTsigError(reply.get(), ldns_pkt_tsig(request), tsig_error);
    return dns::ToWire(reply.get());
  };
  const ldns_rr_list* zone_section = ldns_pkt_question(request);
  if (!zone_section || ldns_rr_list_rr_count(zone_section) != 1 ||
      ldns_rr_get_type(ldns_rr_list_rr(zone_section, 0)) != LDNS_RR_TYPE_SOA) {
    return reject(dns::kFormErr);
  }
  if (!SameName(dns::RdfText(ldns_rr_owner(ldns_rr_list_rr(zone_section, 0))), zone_.origin())) {
    return reject(dns::kNotAuth);
  }
  const ldns_rr* tsig = ldns_pkt_tsig(request);
  if (!tsig) return reject(dns::kRefused);  // the zone only takes signed updates
  if (!SameName(dns::RdfText(ldns_rr_owner(tsig)), key_.name) ||
      !SameName(dns::RdfText(ldns_rr_rdf(tsig, 0)), key_.algorithm)) {
    return reject(dns::kNotAuth, kBadKey);
  }
  if (!ldns_pkt_tsig_verify(request, wire, size, key_.name.c_str(), key_.secret.c_str(), nullptr)) {
    return reject(dns::kNotAuth, kBadSig);
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto fudge = ldns_rdf2native_int16(ldns_rr_rdf(tsig, 2));
  const auto signed_at = static_cast<std::int64_t>(dns::TsigTime(tsig));
  if (std::llabs(now - signed_at) > fudge) return reject(dns::kNotAuth, kBadTime);

  auto prereqs = dns::DecodePrereqs(ldns_pkt_answer(request));
  auto updates = dns::DecodeUpdates(ldns_pkt_authority(request));
  int rcode = prereqs && updates ? zone_.Apply(*prereqs, *updates) : dns::kFormErr;
  PktPtr reply = ReplyTo(request, rcode);
  if (ldns_pkt_tsig_sign(reply.get(), key_.name.c_str(), key_.secret.c_str(), 300,
                         key_.algorithm.c_str(), dns::TsigMac(tsig)) != LDNS_STATUS_OK) {
    return reject(dns::kServFail);
  }
  std::lock_guard lock(mutex_);
  ++updates_;
  return dns::ToWire(reply.get());
}

boost::json::value DnsHandler::State() const {
  std::lock_guard lock(mutex_);
  return boost::json::object{{"zone", zone_.ToJson()},      {"key_name", key_.name},
                             {"algorithm", key_.algorithm}, {"updates", updates_},
                             {"queries", queries_},         {"rejected", rejected_}};
}

void DnsHandler::Reset() {
  zone_.Reset();
  faults_.Clear();
  std::lock_guard lock(mutex_);
  updates_ = queries_ = rejected_ = 0;
}

}  // namespace slipway::sandbox
