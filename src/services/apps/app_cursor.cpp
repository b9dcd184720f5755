#include "services/apps/app_cursor.hpp"

#include "core/common/names.hpp"

namespace slipway::services {

std::string EncodeAppCursor(const std::string& sort_key, std::int64_t id) {
  static const char* hex = "0123456789abcdef";
  std::string plain = std::to_string(id) + ":" + sort_key;
  std::string out;
  for (unsigned char c : plain) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::optional<std::pair<std::string, std::int64_t>> DecodeAppCursor(const std::string& cursor) {
  if (cursor.size() % 2 != 0 || cursor.size() > 1024) return std::nullopt;
  std::string plain;
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    int v = 0;
    for (std::size_t j = i; j < i + 2; ++j) {
      char c = cursor[j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return std::nullopt;
      v = v * 16 + d;
    }
    plain += static_cast<char>(v);
  }
  auto colon = plain.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 18) return std::nullopt;
  auto id = core::ParseId(plain.substr(0, colon));
  if (!id) return std::nullopt;
  return std::make_pair(plain.substr(colon + 1), *id);
}

}  // namespace slipway::services
