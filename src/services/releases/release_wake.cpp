#include "services/releases/release_wake.hpp"

#include <chrono>
#include <thread>

#include "engine/engine.hpp"
#include "services/releases/release_begin.hpp"

namespace slipway::services {

namespace {

// Only a running step may have missed the news: a pending one (signalled or
// due, not started) has not looked yet, and trying again would only run it
// once more for nothing — bursts of events would multiply the runs.
bool TryAgain(const core::Error& e) {
  if (e.code != core::Code::kConflict) return false;
  const auto* state = e.details.if_contains("step_state");
  return state && state->is_string() && state->as_string() == "running";
}

}  // namespace

bool WakeRelease(engine::Engine& engine, const std::string& workflow_id, const boost::json::object& payload,
                 const std::function<bool()>& keep_going) {
  for (int attempt = 0; attempt < 20 && keep_going(); ++attempt) {
    auto signalled = engine.Signal(workflow_id, kReleaseEvent, payload);
    if (signalled.ok()) return true;
    if (!TryAgain(signalled.error())) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return false;
}

}  // namespace slipway::services
