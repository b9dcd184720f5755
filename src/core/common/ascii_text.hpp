#pragma once
// ASCII text helpers for protocol text (header names, label selectors,
// configuration keys), where only ASCII letters and blanks have a case or count
// as space whatever the locale.
#include <string>
#include <string_view>

namespace slipway::core {

/// `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string_view TrimSpace(std::string_view text);

/// Equal when compared ignoring ASCII case ("Content-Type" == "content-type").
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

/// `text` with ASCII letters lowered; other bytes unchanged.
std::string ToLowerAscii(std::string_view text);

}  // namespace slipway::core
