#pragma once
#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace slipway::cli {

// Human-readable renderings of builds for `-o table`; missing fields show as "-".

/// One line per build: id, version, branch, state, who, when, digest.
std::string RenderBuildList(const boost::json::value& list);
/// Every field of a build, its Jenkins job and build, and what may be done with it.
std::string RenderBuild(const boost::json::value& build);

/// What changed in a followed build between two readings (`before` null for
/// the first, which gets a heading line): its state, with the Jenkins build
/// while running, the image and digest on success, the reason on failure.
std::vector<std::string> BuildProgress(const boost::json::value& before,
                                       const boost::json::value& now);

}  // namespace slipway::cli
