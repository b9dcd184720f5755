#pragma once
#include <string>
#include <string_view>

namespace slipway::store {

/// The escape character of LIKE patterns built by ContainsPattern: '!' and
/// not '\', whose meaning inside SQL literals differs between SQLite and
/// PostgreSQL settings. Write "column LIKE ? ESCAPE '!'".
inline constexpr std::string_view kLikeEscape = " ESCAPE '!'";

/// A LIKE pattern that matches `text` anywhere in a value: "%<text>%" with
/// the wildcards % and _ and the escape character of `text` escaped, so
/// that a search for "%" or "_" finds those characters, not every row.
std::string ContainsPattern(std::string_view text);

}  // namespace slipway::store
