#include "connectors/webhook/hmac.hpp"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace slipway::connectors {

namespace {
void InitSodium() {
  static std::once_flag once;
  // -1 means no usable randomness: nothing here would be safe after that.
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();
  });
}
const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

std::string HmacSha256(std::string_view key, std::string_view message) {
  InitSodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, Bytes(key), key.size());
  crypto_auth_hmacsha256_update(&state, Bytes(message), message.size());
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
  return mac;
}

std::string Base64Encode(std::string_view bytes) {
  InitSodium();
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(), kVariant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  InitSodium();
  // Accept missing padding by restoring it: ORIGINAL requires it.
  std::string padded(text);
  while (padded.size() % 4 != 0) padded += '=';
  std::string out(padded.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), padded.data(),
                        padded.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != padded.data() + padded.size()) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string HexEncode(std::string_view bytes) {
  InitSodium();
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), Bytes(bytes), bytes.size());
  out.resize(bytes.size() * 2);
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  InitSodium();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace slipway::connectors
