#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// Checks text meant to stay on one line (names, titles, teams, URLs,
/// secrets): no control character at all — C0 (NUL, CR, LF, tab…), DEL or
/// C1. A CR/LF that reaches a header, a log line or a Jenkins URL forges
/// what follows it. Returns the rule broken, or nullopt.
std::optional<std::string> CheckSingleLine(std::string_view text);

/// Checks free text that may span lines (descriptions, comments, file
/// content, environment values): tab, LF and CR are allowed; every other
/// control character, NUL first of all, is not (PostgreSQL cannot even
/// store NUL in text). Returns the rule broken, or nullopt.
std::optional<std::string> CheckMultiLine(std::string_view text);

}  // namespace slipway::core
