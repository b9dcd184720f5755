#pragma once
#include <memory>
#include <string>
#include <vector>

#include "connectors/consul/kv_store.hpp"
#include "sandbox/emulator.hpp"

namespace slipway::sandbox {

/// The ACL token `slipway sandbox` gives its Consul (read and write on every key).
inline constexpr const char* kSandboxConsulToken = "sandbox-consul-token";

/// One ACL token of the emulator: read (and optionally write) on a key prefix.
struct ConsulToken {
  std::string secret;
  std::string accessor;
  std::string prefix;  ///< "" covers every key
  bool write = true;
};

struct ConsulEmulatorOptions {
  /// Empty: ACLs off, every request allowed. Otherwise default-deny: no token
  /// → "Permission denied", unknown token → "ACL not found" (both 403).
  std::vector<ConsulToken> tokens;
};

/// Consul's KV HTTP API (/v1/kv): GET with recurse / keys+separator / raw,
/// blocking queries (index+wait; a blocked GET holds a worker thread), PUT
/// and DELETE with cas, flags, recurse, X-Consul-Index on every read, and ACL
/// tokens from X-Consul-Token, `Authorization: Bearer` or `?token=`.
/// Not emulated: sessions/locks (acquire/release), /v1/txn, other APIs
/// except /v1/status/leader.
class ConsulEmulator final : public Emulator {
 public:
  explicit ConsulEmulator(ConsulEmulatorOptions options = {});
  std::string_view system() const override { return "consul"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override { store_.Reset(); }

 private:
  const ConsulToken* Authorize(const http::Request& request, std::string& denial) const;
  http::Response Read(const http::Request& request, const std::string& key,
                      const ConsulToken* token);
  http::Response Write(const http::Request& request, const std::string& key,
                       const ConsulToken* token);
  bool CanRead(const ConsulToken* token, std::string_view key) const;
  ConsulEmulatorOptions options_;
  connectors::consul::KvStore store_;
};

/// The Consul of `slipway sandbox`: ACLs on, kSandboxConsulToken may do anything.
std::unique_ptr<ConsulEmulator> MakeSandboxConsul();

}  // namespace slipway::sandbox
