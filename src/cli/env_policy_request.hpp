#pragma once
// `slipway env policy` flags turned into the body of
// PUT /environments/{id}/release-policy. Pure, so the mapping is tested
// without a server; the rules (ranges, step counts) are the server's.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slipway::cli {

struct PolicyFlags {
  std::optional<std::string> strategy;         ///< one_shot | canary
  std::vector<std::string> steps;              ///< PODS|PERCENT%[:manual|:none|:SECONDS]; replace
  std::optional<std::int64_t> window_seconds;  ///< the stability window
  std::optional<std::string> auto_rollback;    ///< on | off
  std::optional<std::string> approval;         ///< default | required | not-required
};

/// Whether any flag asks for a change (none: the command only shows the policy).
bool AnyPolicyFlag(const PolicyFlags& flags);

/// One --step: "1" (one pod), "50%", "2:none", "25%:300" (a timed pause of
/// 300 s); without a pause the step waits for a promotion ("manual").
/// Throws Failure (usage) on other notation.
boost::json::object PolicyStep(const std::string& text);

/// `current` (the environment's policy, or a file's) with the flags applied.
boost::json::object PolicyRequest(boost::json::object current, const PolicyFlags& flags);

}  // namespace slipway::cli
