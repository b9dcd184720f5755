#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace slipway::services {

/// Opaque list cursors: the last row's sort key and id, hex-encoded so that
/// clients treat them as tokens rather than something to edit.
std::string EncodeAppCursor(const std::string& sort_key, std::int64_t id);
std::optional<std::pair<std::string, std::int64_t>> DecodeAppCursor(const std::string& cursor);

}  // namespace slipway::services
