#include "services/releases/release_ledger.hpp"

#include <boost/json.hpp>

#include "engine/workflow_store.hpp"
#include "services/changes/change_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {

namespace json = boost::json;

RequestContext ReleaseContext(const core::Release& r) {
  RequestContext ctx;
  ctx.caller.username = r.started_by;
  ctx.request_id = "release-" + std::to_string(r.id);
  return ctx;
}

void FinishChange(store::Tx& tx, ChangeService& changes, const core::Release& r, bool succeeded) {
  if (r.kind != "release") return;
  (void)changes.MarkFinished(tx, r.change_id, succeeded,
                             r.started_by);  // a change already finished stays so
}

bool MarkReleaseFailed(store::Tx& tx, const core::Clock& clock, ChangeService& changes,
                       std::int64_t release_id, const std::string& reason) {
  auto r = store::releases::Get(tx, release_id);
  if (!r || !core::ReleaseActive(r->state)) return false;
  const auto now = clock.Now();
  r->state = core::ReleaseState::kFailed;
  r->error = reason;
  r->finished_at = now;
  r->version += 1;
  r->updated_at = now;
  if (!store::releases::Update(tx, *r)) throw store::DbError("release changed concurrently", true);
  for (auto step : store::releases::Steps(tx, r->id)) {
    if (step.state != "running" && step.state != "waiting") continue;
    step.state = "failed";
    step.message = reason;
    step.finished_at = now;
    store::releases::UpdateStep(tx, r->id, step);
  }
  FinishChange(tx, changes, *r, false);
  RecordAudit(tx, clock, ReleaseContext(*r), "release.fail", "release", std::to_string(r->id),
              reason, "failed");
  return true;
}

std::optional<std::string> WhyStopped(store::Tx& tx, const core::Release& release) {
  if (!core::ReleaseActive(release.state)) return std::nullopt;
  // A release and its workflow are committed together, so an active release
  // without one was left behind by a failed request (before refusals rolled
  // back); nothing will ever run it.
  if (release.workflow_id.empty()) return "the release has no workflow: nothing runs it";
  auto workflow = engine::LoadWorkflow(tx, release.workflow_id);
  if (!workflow)
    return "the release's workflow " + release.workflow_id + " does not exist: nothing runs it";
  if (workflow->state == engine::WorkflowState::kRunning) return std::nullopt;
  return "the release workflow stopped: " + workflow->error.value_or("no reason recorded");
}

bool SettleIfStopped(store::Tx& tx, const core::Clock& clock, ChangeService& changes,
                     const core::Release& release) {
  auto why = WhyStopped(tx, release);
  return why && MarkReleaseFailed(tx, clock, changes, release.id, *why);
}

}  // namespace slipway::services
