#include "core/common/utf8.hpp"

#include <algorithm>

namespace slipway::core {

namespace {
constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD
}  // namespace

std::size_t Utf8SequenceAt(std::string_view bytes, bool& complete) {
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  std::size_t n = b0 < 0x80           ? 1
                  : (b0 >> 5) == 0x6  ? 2
                  : (b0 >> 4) == 0xe  ? 3
                  : (b0 >> 3) == 0x1e ? 4
                                      : 0;
  if (n == 0 || (n == 2 && b0 < 0xc2) || (n == 4 && b0 > 0xf4)) return 0;
  complete = bytes.size() >= n;
  for (std::size_t i = 1; i < std::min(n, bytes.size()); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if ((b & 0xc0) != 0x80) return 0;
    // Overlong 3- and 4-byte forms, surrogates, and code points above U+10FFFF.
    if (i == 1 && ((b0 == 0xe0 && b < 0xa0) || (b0 == 0xed && b > 0x9f) ||
                   (b0 == 0xf0 && b < 0x90) || (b0 == 0xf4 && b > 0x8f))) {
      return 0;
    }
  }
  return n;
}

bool IsValidUtf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;  // the common case, without the call
      continue;
    }
    bool complete = true;
    const std::size_t n = Utf8SequenceAt(bytes.substr(i), complete);
    if (n == 0 || !complete) return false;
    i += n;
  }
  return true;
}

std::string ToValidUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 8);
  std::size_t i = 0;
  while (i < bytes.size()) {
    bool complete = true;
    const std::size_t n = Utf8SequenceAt(bytes.substr(i), complete);
    if (n == 0 || !complete) {
      out += kReplacement;
      ++i;
      continue;
    }
    out.append(bytes.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace slipway::core
