#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// `-o table` renderings of changes.

/// id, type, state, environment, title, image, author, last update.
std::string RenderChangeList(const boost::json::value& list);
/// The change's fields, what the caller may do, and its history.
std::string RenderChange(const boost::json::value& change);

}  // namespace slipway::cli
