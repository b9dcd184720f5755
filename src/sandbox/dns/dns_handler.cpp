#include "sandbox/dns/dns_handler.hpp"

#include <boost/json.hpp>
#include <chrono>

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

}  // namespace

DnsHandler::DnsHandler(std::string zone, TsigKey key)
    : zone_(std::move(zone)), key_(std::move(key)) {
  key_.name = dns::CanonicalName(key_.name);
  key_.algorithm = dns::CanonicalName(key_.algorithm);
}

std::vector<std::uint8_t> DnsHandler::Handle(const std::uint8_t* wire, std::size_t size) {
  ldns_pkt* parsed = nullptr;
  if (ldns_wire2pkt(&parsed, wire, size) != LDNS_STATUS_OK) return FormErr(wire, size);
  PktPtr request(parsed);
  {
    std::lock_guard lock(mutex_);
    if (drop_ > 0) {
      --drop_;
      return {};
    }
    if (fail_ > 0) {
      --fail_;
      return dns::ToWire(ReplyTo(request.get(), fail_rcode_).get());
    }
  }
  if (ldns_pkt_get_opcode(request.get()) == LDNS_PACKET_QUERY) {
    std::lock_guard lock(mutex_);
    ++queries_;
    return dns::ToWire(Answer(zone_, request.get()).get());
  }
  if (ldns_pkt_get_opcode(request.get()) != LDNS_PACKET_UPDATE) {
    return dns::ToWire(ReplyTo(request.get(), dns::kNotImp).get());
  }
  auto reject = [&](int rcode, int tsig_error = 0) {
    std::lock_guard lock(mutex_);
    ++rejected_;
    PktPtr reply = ReplyTo(request.get(), rcode);
    if (tsig_error != 0) AttachTsigError(reply.get(), ldns_pkt_tsig(request.get()), tsig_error);
    return dns::ToWire(reply.get());
  };
  const ldns_rr_list* zone_section = ldns_pkt_question(request.get());
  if (!zone_section || ldns_rr_list_rr_count(zone_section) != 1 ||
      ldns_rr_get_type(ldns_rr_list_rr(zone_section, 0)) != LDNS_RR_TYPE_SOA) {
    return reject(dns::kFormErr);
  }
  if (!SameName(dns::RdfText(ldns_rr_owner(ldns_rr_list_rr(zone_section, 0))), zone_.origin())) {
    return reject(dns::kNotAuth);
  }
  const ldns_rr* tsig = ldns_pkt_tsig(request.get());
  if (!tsig) return reject(dns::kRefused);  // the zone only takes signed updates
  if (!SameName(dns::RdfText(ldns_rr_owner(tsig)), key_.name) ||
      !SameName(dns::RdfText(ldns_rr_rdf(tsig, 0)), key_.algorithm)) {
    return reject(dns::kNotAuth, kBadKey);
  }
  if (!ldns_pkt_tsig_verify(request.get(), wire, size, key_.name.c_str(), key_.secret.c_str(),
                            nullptr)) {
    return reject(dns::kNotAuth, kBadSig);
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto fudge = ldns_rdf2native_int16(ldns_rr_rdf(tsig, 2));
  const auto signed_at = static_cast<std::int64_t>(dns::TsigTime(tsig));
  if (std::llabs(now - signed_at) > fudge) return reject(dns::kNotAuth, kBadTime);

  auto prereqs = dns::DecodePrereqs(ldns_pkt_answer(request.get()));
  auto updates = dns::DecodeUpdates(ldns_pkt_authority(request.get()));
  int rcode = prereqs && updates ? zone_.Apply(*prereqs, *updates) : dns::kFormErr;
  PktPtr reply = ReplyTo(request.get(), rcode);
  if (ldns_pkt_tsig_sign(reply.get(), key_.name.c_str(), key_.secret.c_str(), 300,
                         key_.algorithm.c_str(), dns::TsigMac(tsig)) != LDNS_STATUS_OK) {
    return reject(dns::kServFail);
  }
  std::lock_guard lock(mutex_);
  ++updates_;
  return dns::ToWire(reply.get());
}

void DnsHandler::DropNext(int count) {
  std::lock_guard lock(mutex_);
  drop_ = count;
}

void DnsHandler::FailNext(int count, int rcode) {
  std::lock_guard lock(mutex_);
  fail_ = count;
  fail_rcode_ = rcode;
}

boost::json::value DnsHandler::State() const {
  std::lock_guard lock(mutex_);
  return boost::json::object{
      {"zone", zone_.ToJson()},
      {"key_name", key_.name},
      {"algorithm", key_.algorithm},
      {"updates", updates_},
      {"queries", queries_},
      {"rejected", rejected_},
      {"faults", {{"drop", drop_}, {"fail", fail_}, {"rcode", fail_rcode_}}}};
}

void DnsHandler::Reset() {
  zone_.Reset();
  std::lock_guard lock(mutex_);
  drop_ = fail_ = 0;
  updates_ = queries_ = rejected_ = 0;
}

}  // namespace slipway::sandbox
