#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// One key of Consul's KV store. `value` holds the raw bytes.
struct KvEntry {
  std::string key;
  std::string value;
  std::uint64_t create_index = 0;
  std::uint64_t modify_index = 0;  ///< what a CAS write must name
  std::uint64_t flags = 0;
};

/// The result of a (possibly blocking) read: the matching entries and the
/// index to pass to the next blocking read (Consul's `X-Consul-Index`).
struct KvSnapshot {
  std::vector<KvEntry> entries;
  std::uint64_t index = 0;
};

/// A blocking query: return once the index under the key/prefix exceeds
/// `index`, or after `wait`. `index == 0` reads at once.
struct Blocking {
  std::uint64_t index = 0;
  std::chrono::milliseconds wait{std::chrono::seconds(5)};
};

/// Consul's KV store (the Config issue publishes with CAS; lanes branch a
/// prefix). Keys are plain strings where `/` is only a convention.
///
/// Errors: unknown ACL token → unauthenticated ("ACL not found"); a token
/// lacking the permission → forbidden ("Permission denied…"); a failed CAS →
/// conflict; agent unreachable or 5xx → transient. Messages keep Consul's text.
/// Implementations are thread-safe.
class ConsulKv {
 public:
  virtual ~ConsulKv() = default;

  /// The entry at exactly `key`; not_found when absent.
  virtual core::Result<KvEntry> Get(std::string_view key) = 0;

  /// Every entry whose key starts with `prefix` (prefix, not path semantics:
  /// "app" also matches "apple"), sorted by key; empty when none match.
  /// With `blocking.index > 0` it waits as a blocking query does.
  virtual core::Result<KvSnapshot> List(std::string_view prefix, const Blocking& blocking = {}) = 0;

  /// A blocking read of one key: 0 or 1 entries and the index to wait on next.
  virtual core::Result<KvSnapshot> Watch(std::string_view key, const Blocking& blocking) = 0;

  /// Key names under `prefix`; with a separator, one level only (deeper keys
  /// fold into "folder/" entries). Empty when none match.
  virtual core::Result<std::vector<std::string>> Keys(std::string_view prefix,
                                                      std::string_view separator = "") = 0;

  /// Writes `value` at `key`. With `cas`: 0 writes only if the key is absent,
  /// N only if its ModifyIndex is still N; otherwise conflict and nothing
  /// written. Idempotent without `cas`; a CAS write is sent once (a retry after a
  /// lost reply would report a conflict for the caller's own write).
  virtual core::Status Put(std::string_view key, std::string_view value,
                           std::optional<std::uint64_t> cas = std::nullopt) = 0;

  /// Deletes `key` (absent is fine). With `cas`, only if ModifyIndex matches,
  /// else conflict.
  virtual core::Status Delete(std::string_view key,
                              std::optional<std::uint64_t> cas = std::nullopt) = 0;

  /// Deletes every key starting with `prefix` (end it with "/" to spare
  /// siblings such as "app/prod-old" when deleting "app/prod/"). Idempotent.
  virtual core::Status DeleteTree(std::string_view prefix) = 0;
};

}  // namespace slipway::connectors
