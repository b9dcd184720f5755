#include "services/releases/release_wake.hpp"

#include <chrono>
#include <thread>

#include "engine/engine.hpp"
#include "services/releases/release_begin.hpp"
#include "store/release_repository.hpp"

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

bool WakeRelease(engine::Engine& engine, const std::string& workflow_id,
                 const boost::json::object& payload, const std::function<bool()>& keep_going) {
  for (int attempt = 0; attempt < 20 && keep_going(); ++attempt) {
    auto signalled = engine.Signal(workflow_id, kReleaseEvent, payload);
    if (signalled.ok()) return true;
    if (!TryAgain(signalled.error())) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return false;
}

int ResumeWaitingReleases(store::Database& db, engine::Engine& engine) {
  int woken = 0;
  for (const char* state : {"releasing", "canary"}) {
    store::ReleaseQuery query;
    query.state = state;
    query.limit = 200;
    for (;;) {
      auto page = store::InTx(db, store::TxMode::kRead,
                              [&](store::Tx& tx) { return store::releases::List(tx, query); });
      const bool more = static_cast<int>(page.size()) > query.limit;
      if (more) page.pop_back();
      for (const auto& release : page) {
        // A conflict (the step is not waiting) needs nothing: it runs, or is due, anyway.
        woken +=
            !release.workflow_id.empty() &&
            engine
                .Signal(release.workflow_id, kReleaseEvent, boost::json::object{{"kind", "resume"}})
                .ok();
      }
      if (!more || page.empty()) break;
      query.before_id = page.back().id;
    }
  }
  return woken;
}

}  // namespace slipway::services
