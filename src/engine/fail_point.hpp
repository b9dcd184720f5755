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

}  // namespace slipway::engine
