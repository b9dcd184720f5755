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

namespace slipway::services {

/// Signals the release event to `workflow_id`. Tries again every 25 ms, up
/// to 20 times, only while the step runs and `keep_going()` holds: a pending
/// step reads everything afresh anyway, an ended workflow has nothing to
/// wake, and the step's recheck deadline covers the rest. Returns whether a
/// signal was delivered.
bool WakeRelease(engine::Engine& engine, const std::string& workflow_id, const boost::json::object& payload,
                 const std::function<bool()>& keep_going = [] { return true; });

}  // namespace slipway::services
