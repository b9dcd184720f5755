#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/consul.hpp"

namespace slipway::connectors::consul {

/// Consul's KV semantics in memory: one global, strictly increasing index
/// bumped by every successful write or delete, CAS on ModifyIndex, prefix
/// listings and blocking waits. Shared by the fake and the sandbox emulator so
/// both behave alike; the contract suite then checks the real client's wire
/// mapping against it. Thread-safe.
class KvStore {
 public:
  std::optional<KvEntry> Get(std::string_view key) const;
  /// Entries whose key starts with `prefix`, sorted.
  std::vector<KvEntry> Range(std::string_view prefix) const;
  /// Key names under `prefix`, folded at the first `separator` after it.
  std::vector<std::string> Keys(std::string_view prefix, std::string_view separator) const;

  /// True when written; false when the CAS check failed.
  bool Put(std::string_view key, std::string_view value, std::uint64_t flags,
           std::optional<std::uint64_t> cas);
  /// True when deleted or absent; false when the CAS check failed.
  bool Delete(std::string_view key, std::optional<std::uint64_t> cas);
  void DeleteTree(std::string_view prefix);

  /// The index a read of `key` (exact) or `prefix` reports: the highest
  /// modify/delete index among matching keys, or the global index if none.
  std::uint64_t IndexOf(std::string_view key, bool prefix) const;
  /// Blocks until IndexOf(key, prefix) > `index` or `deadline` passes.
  void WaitBeyond(std::string_view key, bool prefix, std::uint64_t index,
                  std::chrono::steady_clock::time_point deadline) const;

  std::uint64_t index() const;
  void Reset();

 private:
  std::uint64_t IndexLocked(std::string_view key, bool prefix) const;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::string, KvEntry, std::less<>> entries_;
  std::map<std::string, std::uint64_t, std::less<>> tombstones_;  ///< key → delete index
  std::uint64_t index_ = 1;
};

}  // namespace slipway::connectors::consul
