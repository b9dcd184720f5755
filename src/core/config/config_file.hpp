#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// How a configuration file's content is read (R-CFG-1). It decides how the
/// content is validated and diffed: properties by key, the others by line.
enum class ConfigFormat { kProperties, kYaml, kJson, kText };

std::string_view ConfigFormatName(ConfigFormat f);

/// The format a file name implies: `.properties` → properties, `.yaml` and
/// `.yml` → yaml, `.json` → json, anything else (`.txt`, `.xml`, `.conf`, no
/// extension) → text. The name is the single source of the format, so a
/// file cannot be stored as one format and read as another.
ConfigFormat ConfigFormatOf(std::string_view file_name);

/// Checks a configuration file name: 1–100 characters of letters, digits,
/// '.', '_' and '-', starting with a letter or digit, no "..", not ending
/// with '.'. The name becomes the last segment of a Consul key and an Apollo
/// namespace, so '/' and spaces are refused. Returns the rule broken.
std::optional<std::string> CheckConfigFileName(std::string_view name);

}  // namespace slipway::core
