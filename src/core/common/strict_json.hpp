#pragma once
#include <boost/json/value.hpp>
#include <string_view>

#include "core/common/error.hpp"

namespace slipway::core {

/// Parses JSON more strictly than Boost.JSON's `parse`, for input people
/// send (request bodies, JSON configuration files):
///   - an object naming a key twice fails (Boost.JSON keeps the last value
///     silently, so what was checked and what is used could differ);
///   - a NUL character in a string or key fails (nothing Slipway stores may
///     hold one; PostgreSQL cannot);
///   - a number beyond the range of a double ("1e400") fails instead of
///     becoming infinity.
/// Errors are `invalid`; details carry "offset" (bytes read when it
/// stopped) and, for the three rules above, "field": the member's path
/// ("ports[1].name"; "(document)" for the top-level value).
Result<boost::json::value> ParseStrictJson(std::string_view text);

}  // namespace slipway::core
