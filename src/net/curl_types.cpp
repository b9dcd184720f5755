#include "net/curl_types.hpp"

#include "core/common/ascii_text.hpp"

namespace slipway::net {

std::optional<std::string> FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (core::EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

}  // namespace slipway::net
