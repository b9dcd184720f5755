#include "connectors/dns/plan.hpp"

#include <arpa/inet.h>

namespace slipway::connectors::dns {

namespace {

Rr ToRr(const DnsRecord& r) {
  return {CanonicalName(r.name), TypeCode(r.type), r.ttl,
          r.type == DnsType::kCname ? CanonicalName(r.value) : r.value};
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  std::size_t label = 0;
  for (char c : name) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '*') {
      if (++label > 63) return false;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::uint16_t TypeCode(DnsType type) { return type == DnsType::kA ? kTypeA : kTypeCname; }

core::Status CheckRecord(const DnsRecord& record, const std::string& zone) {
  auto name = CanonicalName(record.name);
  if (!ValidName(name)) return core::Invalid("dns: malformed name " + record.name);
  ZoneModel scope(zone);
  if (!scope.InZone(name)) return core::Invalid("dns: " + name + " is outside the zone " + zone);
  if (record.ttl > 0x7fffffffu) return core::Invalid("dns: TTL too large");
  if (record.type == DnsType::kA) {
    in_addr addr{};
    if (inet_pton(AF_INET, record.value.c_str(), &addr) != 1) {
      return core::Invalid("dns: " + record.value + " is not an IPv4 address");
    }
  } else if (!ValidName(CanonicalName(record.value))) {
    return core::Invalid("dns: malformed CNAME target " + record.value);
  }
  return core::Ok{};
}

UpdatePlan PlanAdd(const DnsRecord& record) {
  UpdatePlan plan;
  auto rr = ToRr(record);
  // The server silently ignores an A next to a CNAME (and vice versa); a
  // prerequisite turns that into a visible conflict.
  const auto other = record.type == DnsType::kA ? kTypeCname : kTypeA;
  plan.prereqs.push_back({Prereq::kRrsetAbsent, rr.name, other, {}});
  plan.updates.push_back({Update::kAdd, rr});
  return plan;
}

UpdatePlan PlanCreate(const DnsRecord& record) {
  UpdatePlan plan;
  auto rr = ToRr(record);
  plan.prereqs.push_back({Prereq::kNameNotInUse, rr.name, kTypeAny, {}});
  plan.updates.push_back({Update::kAdd, rr});
  plan.idempotent = false;
  return plan;
}

UpdatePlan PlanReplace(const DnsRecord& record) {
  UpdatePlan plan;
  auto rr = ToRr(record);
  if (record.type == DnsType::kCname) {
    plan.updates.push_back({Update::kDeleteName, {rr.name, kTypeAny, 0, ""}});
  } else {
    plan.updates.push_back({Update::kDeleteRrset, {rr.name, kTypeA, 0, ""}});
    plan.updates.push_back({Update::kDeleteRrset, {rr.name, kTypeCname, 0, ""}});
  }
  plan.updates.push_back({Update::kAdd, rr});
  return plan;
}

UpdatePlan PlanDelete(const std::string& name, DnsType type) {
  UpdatePlan plan;
  plan.updates.push_back({Update::kDeleteRrset, {CanonicalName(name), TypeCode(type), 0, ""}});
  return plan;
}

std::string RcodeName(int rcode) {
  static const char* names[] = {"NOERROR",  "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
                                "YXDOMAIN", "YXRRSET", "NXRRSET",  "NOTAUTH",  "NOTZONE"};
  return rcode >= 0 && rcode <= 10 ? names[rcode] : "RCODE" + std::to_string(rcode);
}

core::Error RcodeError(int rcode, const std::string& what, int tsig_error) {
  std::string message = "dns: " + what + ": " + RcodeName(rcode);
  if (tsig_error != 0) {
    message += tsig_error == 16   ? "(BADSIG)"
               : tsig_error == 17 ? "(BADKEY)"
               : tsig_error == 18 ? "(BADTIME)"
                                  : "(TSIG error " + std::to_string(tsig_error) + ")";
  }
  core::Code code = core::Code::kInvalid;
  switch (rcode) {
    case kNotAuth:
      code = core::Code::kUnauthenticated;
      break;
    case kRefused:
      code = core::Code::kForbidden;
      break;
    case kYxDomain:
    case kYxRrset:
    case kNxDomain:
    case kNxRrset:
      code = core::Code::kConflict;
      break;
    case kServFail:
      code = core::Code::kTransient;
      break;
    default:
      code = core::Code::kInvalid;
  }
  return core::Error{code, message, {{"system", "dns"}, {"rcode", RcodeName(rcode)}}};
}

}  // namespace slipway::connectors::dns

namespace slipway::connectors {
std::string_view DnsTypeName(DnsType type) { return type == DnsType::kA ? "A" : "CNAME"; }
}  // namespace slipway::connectors
