#include "core/names.hpp"

namespace slipway::core {

namespace {
bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
}  // namespace

std::optional<std::string> CheckDns1123Label(std::string_view name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > 63) return "must be at most 63 characters";
  for (char c : name) {
    if (!IsLowerAlnum(c) && c != '-') {
      return "must consist of lower-case letters, digits and '-' (DNS-1123 label)";
    }
  }
  if (!IsLowerAlnum(name.front()) || !IsLowerAlnum(name.back())) {
    return "must start and end with a lower-case letter or digit (DNS-1123 label)";
  }
  return std::nullopt;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoll(std::string(text));
}

std::optional<std::string> CheckUsername(std::string_view name) {
  if (name.empty() || name.size() > 64) return "must be 1 to 64 characters";
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return "may contain only letters, digits, '.', '_' and '-'";
  }
  return std::nullopt;
}

}  // namespace slipway::core
