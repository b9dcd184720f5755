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

/// Checks a full image address ("registry:5000/team/app:1.2",
/// "team/app@sha256:<64 hex>"): letters, digits and . _ - / : @, with a tag or
/// a digest after the last '/'. Returns the rule broken, or nullopt.
std::optional<std::string> CheckImageAddress(std::string_view image);

/// Checks an image tag as OCI distribution defines it:
/// [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. Returns the rule broken, or nullopt.
std::optional<std::string> CheckImageTag(std::string_view tag);

/// Checks a user name: 1–64 characters of letters, digits, '.', '_', '-',
/// not all digits. Names are compared without regard to case.
std::optional<std::string> CheckUsername(std::string_view name);

/// Refuses a name made of digits only: paths take an id or a name in the
/// same place (`/apps/{id}`), where "7" always means the id.
std::optional<std::string> CheckNotAnId(std::string_view name);

/// A name as names are compared: ASCII letters lower-cased.
std::string NameKey(std::string_view name);

}  // namespace slipway::core
