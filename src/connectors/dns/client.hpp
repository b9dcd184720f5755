#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "connectors/dns.hpp"
#include "connectors/dns/plan.hpp"

namespace slipway::connectors::dns {

struct DnsSettings {
  std::string server = "127.0.0.1";  ///< the zone's primary (SOA MNAME), an IP address
  std::uint16_t port = 53;
  std::string zone;        ///< e.g. "example.com."
  std::string key_name;    ///< TSIG key name, e.g. "slipway-key"
  std::string key_secret;  ///< base64, as in `tsig-keygen` output
  std::string algorithm = "hmac-sha256.";
  bool tcp = false;  ///< UDP by default; TCP when the reply is truncated
  std::chrono::milliseconds timeout{3'000};
  int max_retries = 2;  ///< for idempotent calls, on timeouts and SERVFAIL
  std::chrono::milliseconds retry_backoff{200};
};

/// DnsZone over RFC 2136 UPDATE messages built with libldns, signed with TSIG
/// (and the reply's signature verified); queries are plain, unsigned.
class DnsClient final : public DnsZone {
 public:
  explicit DnsClient(DnsSettings settings);
  const std::string& zone() const override { return settings_.zone; }
  core::Status Add(const DnsRecord& record) override;
  core::Status Create(const DnsRecord& record) override;
  core::Status Replace(const DnsRecord& record) override;
  core::Status Delete(std::string_view name, DnsType type) override;
  core::Result<std::vector<DnsRecord>> Query(std::string_view name, DnsType type) override;

 private:
  core::Status Send(const UpdatePlan& plan, const std::string& what);
  core::Status SendOnce(const UpdatePlan& plan, const std::string& what);
  DnsSettings settings_;
};

}  // namespace slipway::connectors::dns
