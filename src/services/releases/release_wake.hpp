#pragma once
// Waking a release's workflow (watch events, promotions, aborts): signal its
// waiting step, or — while the step runs, as it may have looked at the
// cluster or the release's records before the news — have the engine keep
// the signal for the moment that run ends (Engine::Notify). Nothing sleeps.
#include <boost/json/object.hpp>
#include <string>

namespace slipway::engine {
class Engine;
}
namespace slipway::store {
class Database;
}

namespace slipway::services {

/// Notifies `workflow_id` of the release event, once: a waiting step is due
/// at once, a running one runs again right after it ends waiting; a pending
/// step reads everything afresh anyway, an ended workflow has nothing to
/// wake, and the step's recheck deadline covers the rest. Returns whether
/// the signal was delivered or kept.
bool WakeRelease(engine::Engine& engine, const std::string& workflow_id,
                 const boost::json::object& payload);

/// WakeRelease for a watch event; returns whether the release's watches
/// should go on: false once its workflow has ended or is gone (it may have
/// ended in another replica, whose RolloutWatcher::Stop cannot reach the
/// watches of this one).
bool WakeForWatch(engine::Engine& engine, const std::string& workflow_id);

/// Wakes every active release whose step waits, once (at start-up): the
/// watches that would wake it lived in a process that is gone, and its step
/// would otherwise sleep until its recheck deadline. The step's run starts
/// the watches again in whichever replica claims it. Releases whose step is
/// pending or running are left alone. Returns how many were woken.
int ResumeWaitingReleases(store::Database& db, engine::Engine& engine);

}  // namespace slipway::services
