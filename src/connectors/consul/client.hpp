#pragma once
#include <string>

#include "connectors/consul.hpp"
#include "connectors/http_transport.hpp"

namespace slipway::connectors::consul {

struct ConsulSettings {
  TransportSettings transport;  ///< base_url: the agent, e.g. http://consul:8500
  std::string token;            ///< ACL token sent as X-Consul-Token; empty: anonymous
  std::string datacenter;       ///< `dc=`; empty: the agent's own
};

/// ConsulKv over Consul's HTTP API (/v1/kv). Blocking reads hold one libcurl
/// handle for up to wait + wait/16 (Consul's jitter) plus the usual timeout.
class ConsulClient final : public ConsulKv {
 public:
  explicit ConsulClient(ConsulSettings settings);

  core::Result<KvEntry> Get(std::string_view key) override;
  core::Result<KvSnapshot> List(std::string_view prefix, const Blocking& blocking = {}) override;
  core::Result<KvSnapshot> Watch(std::string_view key, const Blocking& blocking) override;
  core::Result<std::vector<std::string>> Keys(std::string_view prefix,
                                              std::string_view separator = "") override;
  core::Status Put(std::string_view key, std::string_view value,
                   std::optional<std::uint64_t> cas = std::nullopt) override;
  core::Status Delete(std::string_view key,
                      std::optional<std::uint64_t> cas = std::nullopt) override;
  core::Status DeleteTree(std::string_view prefix) override;

 private:
  core::Result<TransportResponse> Call(std::string method, std::string_view key, std::string query,
                                       std::optional<std::string> body = std::nullopt,
                                       const Blocking* blocking = nullptr);
  core::Result<KvSnapshot> Read(std::string_view key, std::string query, const Blocking& blocking);
  core::Status Write(std::string method, std::string_view key, std::string query,
                     std::optional<std::string> body, std::optional<std::uint64_t> cas);
  ConsulSettings settings_;
  HttpTransport transport_;
};

/// Maps a failed Consul response: 403 "ACL not found" → unauthenticated,
/// other 403 → forbidden, then the usual status mapping; the text is kept.
core::Error ConsulError(const TransportResponse& response, std::string_view what);

}  // namespace slipway::connectors::consul
