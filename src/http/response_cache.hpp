#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/common/clock.hpp"
#include "http/message.hpp"

namespace slipway::http {

/// Rendered responses of read routes, per caller and target. An entry is
/// served while the data's change counter is unchanged and it is younger than
/// `ttl_ms` (the bound on staleness across replicas). Thread-safe.
class ResponseCache {
 public:
  ResponseCache(const core::Clock& clock, core::Millis ttl_ms, std::size_t max_entries = 1024)
      : clock_(clock), ttl_ms_(ttl_ms), max_entries_(max_entries) {}

  std::optional<Response> Get(const std::string& key, std::uint64_t generation);
  /// Keeps `response` for `key` as of `generation` (read before the data was).
  void Put(const std::string& key, std::uint64_t generation, const Response& response);

 private:
  struct Entry {
    std::uint64_t generation;
    core::Millis stored_at;
    Response response;
  };
  const core::Clock& clock_;
  core::Millis ttl_ms_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace slipway::http
