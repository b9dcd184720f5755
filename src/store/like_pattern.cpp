#include "store/like_pattern.hpp"

namespace slipway::store {

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace slipway::store
