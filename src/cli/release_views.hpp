#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// `-o table` renderings of releases and baselines.

std::string RenderReleaseList(const boost::json::value& list);
/// State, images (before and now), the change, each step with its state and
/// message, operation records and the allowed actions.
std::string RenderRelease(const boost::json::value& release);
std::string RenderBaselineList(const boost::json::value& list);
/// One line per differing field: path, before → after.
std::string RenderDiff(const boost::json::value& diff_holder);

}  // namespace slipway::cli
