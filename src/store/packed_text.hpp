#pragma once
// Text kept compressed in a TEXT column: zlib (deflate), then base64, so that
// both dialects store it as plain text (PostgreSQL's TEXT refuses NUL bytes).
#include <optional>
#include <string>
#include <string_view>

namespace slipway::store {

std::string PackText(std::string_view text);
/// nullopt when `packed` is not what PackText wrote (corrupt or truncated).
std::optional<std::string> UnpackText(std::string_view packed);

}  // namespace slipway::store
