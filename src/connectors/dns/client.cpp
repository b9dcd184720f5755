#include "connectors/dns/client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "connectors/dns/ldns_support.hpp"

namespace slipway::connectors::dns {

namespace {

struct Exchange {
  PktPtr reply;
  std::vector<std::uint8_t> wire;
};

core::Error Transient(const DnsSettings& s, const std::string& what, const std::string& why) {
  return core::Error{core::Code::kTransient,
                     "dns: " + what + ": no answer from " + s.server + ":" +
                         std::to_string(s.port) + " (" + why + ")",
                     {{"system", "dns"}}};
}

// Sends `pkt` over UDP (TCP when asked or when the reply is truncated).
core::Result<Exchange> SendPacket(const DnsSettings& s, const ldns_pkt* pkt,
                                  const std::string& what) {
  sockaddr_storage to{};
  socklen_t to_len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&to);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&to);
  if (inet_pton(AF_INET, s.server.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(s.port);
    to_len = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, s.server.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(s.port);
    to_len = sizeof(sockaddr_in6);
  } else {
    return core::Invalid("dns: server must be an IP address, not " + s.server);
  }
  ldns_buffer* query = ldns_buffer_new(LDNS_MAX_PACKETLEN);
  if (ldns_pkt2buffer_wire(query, pkt) != LDNS_STATUS_OK) {
    ldns_buffer_free(query);
    return core::Error{core::Code::kInternal, "dns: cannot encode the message", {}};
  }
  timeval timeout{static_cast<time_t>(s.timeout.count() / 1000),
                  static_cast<suseconds_t>(s.timeout.count() % 1000 * 1000)};
  Exchange out;
  for (bool tcp = s.tcp;; tcp = true) {
    std::uint8_t* answer = nullptr;
    size_t answer_size = 0;
    ldns_status st = tcp ? ldns_tcp_send(&answer, query, &to, to_len, timeout, &answer_size)
                         : ldns_udp_send(&answer, query, &to, to_len, timeout, &answer_size);
    if (st != LDNS_STATUS_OK || !answer) {
      std::free(answer);
      ldns_buffer_free(query);
      return Transient(s, what, ldns_get_errorstr_by_id(st));
    }
    out.wire.assign(answer, answer + answer_size);
    std::free(answer);
    ldns_pkt* reply = nullptr;
    if (ldns_wire2pkt(&reply, out.wire.data(), out.wire.size()) != LDNS_STATUS_OK) {
      ldns_buffer_free(query);
      return Transient(s, what, "malformed reply");
    }
    out.reply.reset(reply);
    if (tcp || !ldns_pkt_tc(reply)) break;
  }
  ldns_buffer_free(query);
  if (ldns_pkt_id(out.reply.get()) != ldns_pkt_id(pkt))
    return Transient(s, what, "reply id mismatch");
  return out;
}

}  // namespace

DnsClient::DnsClient(DnsSettings settings) : settings_(std::move(settings)) {
  settings_.zone = CanonicalName(settings_.zone);
}

core::Status DnsClient::Send(const UpdatePlan& plan, const std::string& what) {
  auto backoff = settings_.retry_backoff;
  for (int attempt = 0;; ++attempt) {
    auto result = SendOnce(plan, what);
    if (result.ok() || !plan.idempotent || attempt >= settings_.max_retries ||
        result.error().code != core::Code::kTransient) {
      return result;
    }
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

core::Status DnsClient::SendOnce(const UpdatePlan& plan, const std::string& what) {
  RrListPtr prereqs(ldns_rr_list_new()), updates(ldns_rr_list_new());
  for (const auto& p : plan.prereqs) ldns_rr_list_push_rr(prereqs.get(), EncodePrereq(p).release());
  for (const auto& u : plan.updates) {
    auto rr = EncodeUpdate(u);
    if (!rr) return core::Invalid("dns: " + what + ": cannot encode " + u.rr.rdata);
    ldns_rr_list_push_rr(updates.get(), rr.release());
  }
  PktPtr pkt(ldns_update_pkt_new(ldns_dname_new_frm_str(settings_.zone.c_str()), LDNS_RR_CLASS_IN,
                                 prereqs.get(), updates.get(), nullptr));
  if (!pkt) return core::Error{core::Code::kInternal, "dns: cannot build the UPDATE", {}};
  ldns_pkt_set_random_id(pkt.get());
  ldns_pkt_set_rd(pkt.get(), false);  // 0x2800 as RFC 2136 has it
  if (ldns_pkt_tsig_sign(pkt.get(), settings_.key_name.c_str(), settings_.key_secret.c_str(), 300,
                         settings_.algorithm.c_str(), nullptr) != LDNS_STATUS_OK) {
    return core::Invalid("dns: cannot sign with TSIG key " + settings_.key_name + " (" +
                         settings_.algorithm + ")");
  }
  auto exchange = SendPacket(settings_, pkt.get(), what);
  if (!exchange.ok()) return exchange.error();
  ldns_pkt* reply = exchange->reply.get();
  const int rcode = static_cast<int>(ldns_pkt_get_rcode(reply));
  const ldns_rr* tsig = ldns_pkt_tsig(reply);
  if (tsig && TsigError(tsig) != 0) return RcodeError(rcode, what, TsigError(tsig));
  if (!tsig) {
    // Rejections of unsigned or unknown-key requests come back unsigned.
    if (rcode != kNoError) return RcodeError(rcode, what);
    return core::Unauthenticated("dns: " + what + ": the server's reply is not signed");
  }
  if (!ldns_pkt_tsig_verify(reply, exchange->wire.data(), exchange->wire.size(),
                            settings_.key_name.c_str(), settings_.key_secret.c_str(),
                            TsigMac(ldns_pkt_tsig(pkt.get())))) {
    return core::Unauthenticated("dns: " + what + ": the reply's TSIG signature does not verify");
  }
  if (rcode != kNoError) return RcodeError(rcode, what);
  return core::Ok{};
}

core::Status DnsClient::Add(const DnsRecord& record) {
  if (auto ok = CheckRecord(record, settings_.zone); !ok.ok()) return ok.error();
  return Send(PlanAdd(record),
              "adding " + CanonicalName(record.name) + " " + std::string(DnsTypeName(record.type)));
}

core::Status DnsClient::Create(const DnsRecord& record) {
  if (auto ok = CheckRecord(record, settings_.zone); !ok.ok()) return ok.error();
  return Send(PlanCreate(record), "creating " + CanonicalName(record.name));
}

core::Status DnsClient::Replace(const DnsRecord& record) {
  if (auto ok = CheckRecord(record, settings_.zone); !ok.ok()) return ok.error();
  return Send(PlanReplace(record), "replacing " + CanonicalName(record.name));
}

core::Status DnsClient::Delete(std::string_view name, DnsType type) {
  DnsRecord probe{std::string(name), DnsType::kA, "127.0.0.1", 0};
  if (auto ok = CheckRecord(probe, settings_.zone); !ok.ok()) return ok.error();
  return Send(PlanDelete(std::string(name), type), "deleting " + CanonicalName(name));
}

core::Result<std::vector<DnsRecord>> DnsClient::Query(std::string_view name, DnsType type) {
  const auto owner = CanonicalName(name);
  if (!ZoneModel(settings_.zone).InZone(owner)) {
    return core::Invalid("dns: " + owner + " is outside the zone " + settings_.zone);
  }
  const auto what = "querying " + owner + " " + std::string(DnsTypeName(type));
  auto backoff = settings_.retry_backoff;
  for (int attempt = 0;; ++attempt) {
    PktPtr query(ldns_pkt_query_new(ldns_dname_new_frm_str(owner.c_str()),
                                    static_cast<ldns_rr_type>(TypeCode(type)), LDNS_RR_CLASS_IN,
                                    0));
    ldns_pkt_set_random_id(query.get());
    auto exchange = SendPacket(settings_, query.get(), what);
    int rcode = exchange.ok() ? static_cast<int>(ldns_pkt_get_rcode(exchange->reply.get()))
                              : int{kServFail};
    if (exchange.ok() && (rcode == kNoError || rcode == kNxDomain)) {
      std::vector<DnsRecord> out;
      const ldns_rr_list* answer = ldns_pkt_answer(exchange->reply.get());
      for (size_t i = 0; answer && i < ldns_rr_list_rr_count(answer); ++i) {
        Rr rr = FromLdns(ldns_rr_list_rr(answer, i));
        if (rr.name == owner && rr.type == TypeCode(type))
          out.push_back({rr.name, type, rr.rdata, rr.ttl});
      }
      std::sort(out.begin(), out.end(),
                [](const auto& a, const auto& b) { return a.value < b.value; });
      return out;
    }
    core::Error error = exchange.ok() ? RcodeError(rcode, what) : exchange.error();
    if (error.code != core::Code::kTransient || attempt >= settings_.max_retries) return error;
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

}  // namespace slipway::connectors::dns
