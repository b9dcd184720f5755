#pragma once
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace slipway::sandbox::gitlab {

/// GitLab's error shape: {"message":"404 Project Not Found"}.
http::Response Message(int status, std::string_view message);
/// Decodes %XX escapes (and nothing else: '+' stays '+', as in a path).
std::string PercentDecode(std::string_view text);
/// "group/name" or deeper: non-empty segments of [A-Za-z0-9._-].
bool IsProjectPath(std::string_view path);
/// Now as GitLab writes times: "2026-01-02T03:04:05.000Z".
std::string NowIso();

}  // namespace slipway::sandbox::gitlab
