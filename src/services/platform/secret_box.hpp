#pragma once
#include <array>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace slipway::services {

/// Seals connector secrets (cluster kubeconfigs) for storage: libsodium's
/// XSalsa20-Poly1305 secretbox with a random nonce per value. Thread-safe.
class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  using Key = std::array<unsigned char, kKeyBytes>;

  explicit SecretBox(const Key& key);

  /// "v1:" + base64(nonce ‖ ciphertext).
  std::string Seal(std::string_view plaintext) const;
  /// The plaintext; kInternal when the value was not sealed with this key
  /// (a changed key file) or was altered.
  core::Result<std::string> Open(std::string_view sealed) const;

  /// A key from base64 text (SLIPWAY_SECRET_KEY); nullopt-like Invalid when
  /// it does not decode to 32 bytes.
  static core::Result<Key> KeyFromBase64(std::string_view text);
  /// Reads the key file, or creates it (mode 0600, random key) when absent.
  static core::Result<Key> LoadOrCreateKeyFile(const std::string& path);

 private:
  Key key_;
};

}  // namespace slipway::services
