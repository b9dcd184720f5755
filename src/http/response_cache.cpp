#include "http/response_cache.hpp"

namespace slipway::http {

std::optional<Response> ResponseCache::Get(const std::string& key, std::uint64_t generation) {
  if (ttl_ms_ <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.generation != generation || clock_.Now() - it->second.stored_at >= ttl_ms_) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.response;
}

void ResponseCache::Put(const std::string& key, std::uint64_t generation,
                        const Response& response) {
  if (ttl_ms_ <= 0 || response.stream) return;
  std::lock_guard lock(mutex_);
  // Crude but bounded: a full cache starts over rather than tracking recency.
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = Entry{generation, clock_.Now(), response};
}

}  // namespace slipway::http
