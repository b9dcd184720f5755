#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace slipway::cli {

// `-o table` renderings of releases and baselines.

std::string RenderReleaseList(const boost::json::value& list);
/// State, images (before and now), the change, each step with its state and
/// message, operation records and the allowed actions.
std::string RenderRelease(const boost::json::value& release);
std::string RenderBaselineList(const boost::json::value& list);
/// One line per differing field: path, before → after.
std::string RenderDiff(const boost::json::value& diff_holder);

/// What changed in a followed release between two readings (`before` null
/// for the first, which gets a heading line): its state (a canary pause
/// says how to promote, a failure its error), each step whose state or
/// message changed ("  step 1 running: deploy … — 1 of 2 pods ready"), and
/// the operations since (promote by alice, an automatic rollback…).
std::vector<std::string> ReleaseProgress(const boost::json::value& before,
                                         const boost::json::value& now);
/// The release an automatic (or any later) rollback of `release` started, 0 if none.
std::int64_t RollbackReleaseOf(const boost::json::value& release);

}  // namespace slipway::cli
