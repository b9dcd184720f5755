#include "services/releases/release_wake.hpp"

#include <spdlog/spdlog.h>

#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "services/releases/release_begin.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {

namespace {

core::Result<engine::Notified> Notify(engine::Engine& engine, const std::string& workflow_id,
                                      const boost::json::object& payload) {
  auto notified = engine.Notify(workflow_id, kReleaseEvent, payload);
  if (spdlog::should_log(spdlog::level::debug)) {
    spdlog::debug("wake: workflow={} delivered={} done_ms={}", workflow_id,
                  !notified.ok()                            ? "0"
                  : *notified == engine::Notified::kResumed ? "1"
                                                            : "kept",
                  core::SystemClock().Now());
  }
  return notified;
}

}  // namespace

bool WakeRelease(engine::Engine& engine, const std::string& workflow_id,
                 const boost::json::object& payload) {
  return Notify(engine, workflow_id, payload).ok();
}

bool WakeForWatch(engine::Engine& engine, const std::string& workflow_id) {
  auto notified = Notify(engine, workflow_id, boost::json::object{{"kind", "rollout"}});
  if (notified.ok()) return true;
  const core::Error& refused = notified.error();
  // The engine's refusal of an ended workflow names its state; one of a
  // step that is not waiting names the step's ("step_state") instead.
  return refused.code != core::Code::kNotFound &&
         !(refused.code == core::Code::kConflict && refused.details.contains("state"));
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
