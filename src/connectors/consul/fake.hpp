#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/consul.hpp"
#include "connectors/consul/kv_store.hpp"

namespace slipway::connectors::consul {

/// In-memory ConsulKv for unit tests: the same KV semantics as the sandbox
/// emulator (shared KvStore, real blocking), a call log and injected failures.
class FakeConsulKv final : public ConsulKv {
 public:
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

  /// The next call of `operation` ("Get", "Put", …) fails with `error`.
  void FailNext(const std::string& operation, core::Error error);
  /// Operations called so far, as "Put app/x".
  std::vector<std::string> calls() const;
  KvStore& store() { return store_; }

 private:
  std::optional<core::Error> Enter(const std::string& operation, std::string_view key);
  KvSnapshot Read(std::string_view key, bool prefix, const Blocking& blocking);
  KvStore store_;
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<core::Error>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::consul
