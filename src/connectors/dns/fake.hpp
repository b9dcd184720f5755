#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/dns.hpp"
#include "connectors/dns/zone_model.hpp"

namespace slipway::connectors::dns {

/// In-memory DnsZone for unit tests: the RFC 2136 ZoneModel the sandbox
/// responder also uses, a call log and injected failures.
class FakeDnsZone final : public DnsZone {
 public:
  explicit FakeDnsZone(std::string zone);
  const std::string& zone() const override { return model_.origin(); }
  core::Status Add(const DnsRecord& record) override;
  core::Status Create(const DnsRecord& record) override;
  core::Status Replace(const DnsRecord& record) override;
  core::Status Delete(std::string_view name, DnsType type) override;
  core::Result<std::vector<DnsRecord>> Query(std::string_view name, DnsType type) override;

  /// The next call of `operation` ("Add", "Query", …) fails with `error`.
  void FailNext(const std::string& operation, core::Error error);
  std::vector<std::string> calls() const;
  ZoneModel& model() { return model_; }

 private:
  std::optional<core::Error> Enter(const std::string& operation, std::string_view name);
  ZoneModel model_;
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<core::Error>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::dns
