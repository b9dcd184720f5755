#pragma once
// `-o table` renderings of configuration in baselines (R-CFG-3): the config
// diff per file (per key for properties, per line for the rest) in rollback
// plans, baseline diffs and drift.
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

/// Target, field diff, then each config file with its action and diff.
std::string RenderRollbackPlan(const boost::json::value& plan);
/// The field diff, then the config files that differ.
std::string RenderBaselineDiff(const boost::json::value& diff);
/// "config changed since baseline N" and the files, or that it did not.
std::string RenderConfigDrift(const boost::json::value& drift);

}  // namespace slipway::cli
