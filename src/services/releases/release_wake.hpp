#pragma once
// Waking a release's workflow (watch events, promotions, aborts): signal its
// waiting step, and while the step is running — it may have looked at the
// cluster or the release's records before the news — try again briefly.
#include <boost/json/object.hpp>
#include <functional>
#include <string>

namespace slipway::engine {
class Engine;
}
namespace slipway::store {
class Database;
}

namespace slipway::services {

/// Signals the release event to `workflow_id`. Tries again every 25 ms, up
/// to 20 times, only while the step runs and `keep_going()` holds: a pending
/// step reads everything afresh anyway, an ended workflow has nothing to
/// wake, and the step's recheck deadline covers the rest. Returns whether a
/// signal was delivered.
bool WakeRelease(
    engine::Engine& engine, const std::string& workflow_id, const boost::json::object& payload,
    const std::function<bool()>& keep_going = [] { return true; });

/// Wakes every active release whose step waits, once (at start-up): the
/// watches that would wake it lived in a process that is gone, and its step
/// would otherwise sleep until its recheck deadline. The step's run starts
/// the watches again in whichever replica claims it. Releases whose step is
/// pending or running are left alone. Returns how many were woken.
int ResumeWaitingReleases(store::Database& db, engine::Engine& engine);

}  // namespace slipway::services
