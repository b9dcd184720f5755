#include "store/packed_text.hpp"

#include <sodium.h>
#include <zlib.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace slipway::store {

namespace {

constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

}  // namespace

std::string PackText(std::string_view text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::vector<unsigned char> deflated(size);
  if (compress2(deflated.data(), &size, reinterpret_cast<const Bytef*>(text.data()),
                static_cast<uLong>(text.size()), Z_BEST_COMPRESSION) != Z_OK) {
    throw std::runtime_error("zlib could not compress " + std::to_string(text.size()) + " bytes");
  }
  // The original length first (8 hex digits), so unpacking knows the buffer to give zlib.
  char length[9];
  std::snprintf(length, sizeof length, "%08zx", text.size());
  std::string out(length);
  std::string encoded(sodium_base64_encoded_len(size, kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), deflated.data(), size, kVariant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return out + encoded;
}

std::optional<std::string> UnpackText(std::string_view packed) {
  if (packed.size() < 8) return std::nullopt;
  std::size_t length = 0;
  for (char c : packed.substr(0, 8)) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    length = length * 16 + static_cast<std::size_t>(digit);
  }
  const auto encoded = packed.substr(8);
  std::vector<unsigned char> deflated(encoded.size());
  std::size_t deflated_size = 0;
  if (sodium_base642bin(deflated.data(), deflated.size(), encoded.data(), encoded.size(), nullptr,
                        &deflated_size, nullptr, kVariant) != 0) {
    return std::nullopt;
  }
  std::string out(length, '\0');
  uLongf out_size = static_cast<uLongf>(length);
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &out_size, deflated.data(),
                 static_cast<uLong>(deflated_size)) != Z_OK ||
      out_size != length) {
    return std::nullopt;
  }
  return out;
}

}  // namespace slipway::store
