#include "core/common/text_rules.hpp"

namespace slipway::core {

namespace {

// The first control character of UTF-8 text (C0, DEL, or C1 — which UTF-8
// writes as 0xC2 0x80..0x9F) other than those in `allowed`, or nullopt.
std::optional<unsigned char> FirstControl(std::string_view text, std::string_view allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 || c == 0x7f) && allowed.find(static_cast<char>(c)) == std::string_view::npos)
      return c;
    if (c == 0xc2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return next;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckSingleLine(std::string_view text) {
  if (FirstControl(text, ""))
    return "must not contain control characters (line breaks, tabs, NUL…)";
  return std::nullopt;
}

std::optional<std::string> CheckMultiLine(std::string_view text) {
  if (FirstControl(text, "\t\n\r"))
    return "must not contain control characters other than tabs and line breaks";
  return std::nullopt;
}

}  // namespace slipway::core
