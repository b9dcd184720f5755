#pragma once
#include <string>
#include <string_view>

namespace slipway::connectors::registry {

/// "sha256:<64 lower-case hex>" of exactly these bytes (libsodium).
std::string Sha256Digest(std::string_view bytes);

/// Whether `text` has the form "sha256:<64 lower-case hex>".
bool IsDigest(std::string_view text);

/// Repository names as Distribution accepts them: lower-case path components
/// of [a-z0-9] joined by '.', '_', '__' or dashes, separated by '/'.
bool IsValidRepositoryName(std::string_view name);

/// Tags: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}.
bool IsValidTag(std::string_view tag);

}  // namespace slipway::connectors::registry
