#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::core {

/// One key of a properties file, with the (1-based) line it starts on.
struct Property {
  std::string key;
  std::string value;
  int line = 0;
};

/// Parses a Java properties file, strictly: every logical line is blank, a
/// comment (`#` or `!`), or `key=value` / `key:value`. Escapes (`\t \n \r \f
/// \uXXXX`, `\` before any other character) and continuation lines (a line
/// ending in an odd number of backslashes) follow java.util.Properties.
/// Stricter than Java on purpose, because a line Java reads differently from
/// what its author meant is almost always a mistake (pasted YAML, a missing
/// '='): a line without '=' or ':', an empty key, unescaped whitespace inside
/// a key, and a key given twice are refused as `invalid` with
/// details {"line": n}. Keys keep the file's order.
Result<std::vector<Property>> ParseProperties(std::string_view text);

/// The same as a map (keys are unique after ParseProperties).
std::map<std::string, std::string> PropertiesMap(const std::vector<Property>& properties);

/// Writes `key=value` lines sorted by key, escaped so that ParseProperties
/// (and Java) read back exactly `properties`.
std::string RenderProperties(const std::map<std::string, std::string>& properties);

}  // namespace slipway::core
