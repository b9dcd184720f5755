#pragma once
#include <string_view>

#include "core/common/error.hpp"
#include "core/config/config_file.hpp"

namespace slipway::services {

/// Checks that `content` reads as `format`: properties per
/// core::ParseProperties, JSON and YAML (several documents allowed) must
/// parse, text is anything. invalid with details {"field": "content",
/// "line": n} (1-based) naming where parsing stopped.
core::Status ValidateContent(core::ConfigFormat format, std::string_view content);

}  // namespace slipway::services
