#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// Human-readable renderings of builds for `-o table`; missing fields show as "-".

/// One line per build: id, version, branch, state, who, when, digest.
std::string RenderBuildList(const boost::json::value& list);
/// Every field of a build, its Jenkins job and build, and what may be done with it.
std::string RenderBuild(const boost::json::value& build);

}  // namespace slipway::cli
