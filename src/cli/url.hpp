#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slipway::cli {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// Percent-encodes every byte except RFC 3986 unreserved characters, so the
/// result is safe both as a path segment and as a query value.
std::string PercentEncode(std::string_view text);

/// `path?k=v&…` with keys and values encoded; pairs with an empty value are
/// left out (an unset filter), and no `?` is added when none remain.
std::string WithQuery(std::string path, const QueryParams& params);

}  // namespace slipway::cli
