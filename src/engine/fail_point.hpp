#pragma once
#include <string_view>

namespace slipway::engine {

/// Crash-test hook. When the environment variable SLIPWAY_FAILPOINTS (a
/// comma-separated list, read once per process) names `name`, prints
/// "failpoint <name> hit" to stderr and ends the process with _exit(86) on
/// the spot: no destructors, no flushing, no commit — as a crash would.
/// `name@N` fires on the N-th time the point is reached (so a test can crash
/// at a later step of a workflow). Costs one branch when the variable is unset.
void FailPoint(std::string_view name);

/// The point `name`, and the same point narrowed to one place where it is
/// reached: `name:qualifier` (e.g. "engine.after_claim:release.finish" fires
/// only when the step `finish` of a `release` workflow was claimed). Each form
/// counts its own hits, so "engine.after_step_run:release.deploy@2" is the
/// second run of that step, whatever other workflows do meanwhile.
void FailPoint(std::string_view name, std::string_view qualifier);

}  // namespace slipway::engine
