#include "services/platform/crypto.hpp"

#include <argon2.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace slipway::services {

namespace {

void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string ToHex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

std::string RandomHex(std::size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return ToHex(buf.data(), buf.size());
}

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(out, sizeof out);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string PasswordHasher::Hash(std::string_view password) const {
  EnsureSodium();
  unsigned char salt[16];
  randombytes_buf(salt, sizeof salt);
  const std::size_t hash_len = 32;
  std::size_t encoded_len =
      argon2_encodedlen(time_cost, memory_kib, parallelism, sizeof salt, hash_len, Argon2_id);
  std::string encoded(encoded_len, '\0');
  int rc =
      argon2id_hash_encoded(time_cost, memory_kib, parallelism, password.data(), password.size(),
                            salt, sizeof salt, hash_len, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool PasswordHasher::Verify(std::string_view password, const std::string& encoded) const {
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace slipway::services
