#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// Checks a DNS-1123 label (RFC 1123, as Kubernetes uses it for names):
/// 1–63 characters, lower-case letters, digits and '-', starting and ending
/// with a letter or digit. Returns the rule broken, or nullopt when valid.
std::optional<std::string> CheckDns1123Label(std::string_view name);

/// A positive decimal id ("42"), or nullopt for anything else (names,
/// signs, spaces, values beyond 18 digits). Path refs accept an id or a name.
std::optional<std::int64_t> ParseId(std::string_view text);

/// Checks a user name: 1–64 characters of letters, digits, '.', '_', '-'.
std::optional<std::string> CheckUsername(std::string_view name);

}  // namespace slipway::core
