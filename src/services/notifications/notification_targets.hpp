#pragma once
// The rules of notification target URLs: what a URL must look like, and how
// one that carries credentials may be shown.
#include <optional>
#include <string>
#include <string_view>

namespace slipway::services {

/// The rule a target URL breaks, or nullopt: http(s), a host, no blanks,
/// at most 2048 characters; a DingTalk robot's URL carries its access_token.
std::optional<std::string> CheckTargetUrl(std::string_view type, std::string_view url);

/// The URL as it may be shown: user info dropped, query values and long
/// path segments (tokens) reduced to "…" and their last four characters.
std::string MaskUrl(std::string_view url);

}  // namespace slipway::services
