#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace slipway::services {

/// `bytes` random bytes from libsodium's CSPRNG, hex-encoded.
std::string RandomHex(std::size_t bytes);
/// SHA-256 of `data`, hex-encoded. Used for high-entropy secrets (session
/// ids, API tokens), where a slow KDF buys nothing.
std::string Sha256Hex(std::string_view data);
/// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

/// argon2id password hashing (PHC string format, salt included).
struct PasswordHasher {
  std::uint32_t time_cost = 3;
  std::uint32_t memory_kib = 65536;
  std::uint32_t parallelism = 1;

  std::string Hash(std::string_view password) const;
  bool Verify(std::string_view password, const std::string& encoded) const;
};

}  // namespace slipway::services
