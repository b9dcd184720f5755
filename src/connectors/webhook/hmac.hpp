#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace slipway::connectors {

// Byte helpers over libsodium shared by the webhook signature, the DingTalk
// robot signature and Consul's base64 values (one place, so every connector
// encodes alike).

/// HMAC-SHA256(key, message) as 32 raw bytes. Any key length.
std::string HmacSha256(std::string_view key, std::string_view message);
/// Standard base64 with padding.
std::string Base64Encode(std::string_view bytes);
/// Standard base64 (padding optional); nullopt when malformed.
std::optional<std::string> Base64Decode(std::string_view text);
/// Lower-case hex.
std::string HexEncode(std::string_view bytes);
/// Compares in time independent of where the first difference is.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace slipway::connectors
