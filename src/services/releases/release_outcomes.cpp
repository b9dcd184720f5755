// What commits together with a release step's outcome: display steps, the
// release's state, and at the end the environment, its baseline, the change,
// the application's lifecycle, notices and the audit trail.
#include <boost/json.hpp>
#include <stdexcept>

#include "engine/engine.hpp"
#include "services/changes/change_service.hpp"
#include "services/config/config_diff_view.hpp"
#include "services/platform/audit_log.hpp"
#include "services/releases/release_begin.hpp"
#include "services/releases/release_ledger.hpp"
#include "services/releases/release_runner.hpp"
#include "store/change_repository.hpp"
#include "store/config_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;

namespace {

core::Release Reload(store::Tx& tx, std::int64_t id) {
  auto r = store::releases::Get(tx, id);
  if (!r) throw store::DbError("release " + std::to_string(id) + " vanished");
  return *r;
}

void Save(store::Tx& tx, core::Release& r, core::Millis now) {
  r.version += 1;
  r.updated_at = now;
  if (!store::releases::Update(tx, r))
    throw store::DbError("release " + std::to_string(r.id) + " changed concurrently", true);
}

Notice MakeNotice(NoticeKind kind, const ReleaseRunner::Loaded& l, const std::string& detail) {
  Notice n;
  n.kind = kind;
  n.app_id = l.app.id;
  std::string what = l.release.kind == "rollback" ? "Rollback" : "Release";
  n.title = what + " " + std::to_string(l.release.id) + " of " + l.app.name + " (" +
            l.env.env_type + ") " + (kind == NoticeKind::kReleaseFailed ? "failed" : "completed");
  n.markdown = "### " + n.title + "\n\n- image: `" + l.release.image + "`\n- before: `" +
               (l.release.image_before.empty() ? "none" : l.release.image_before) +
               "`\n- by: " + l.release.started_by + (detail.empty() ? "" : "\n- " + detail);
  n.data = {{"release_id", l.release.id},
            {"kind", l.release.kind},
            {"app", l.app.name},
            {"env_type", l.env.env_type},
            {"env_id", l.env.id},
            {"image", l.release.image},
            {"image_before", l.release.image_before},
            {"detail", detail}};
  return n;
}

}  // namespace

std::string ReleaseRunner::CommitRestores(store::Tx& tx, const core::Release& r,
                                          const core::Environment& env,
                                          const std::vector<ConfigRestoreDone>& restores) {
  const auto ctx = ReleaseContext(r);
  std::string shown;
  for (const auto& done : restores) {
    store::rollback_config::SetOutcome(tx, r.id, done.file);
    if (!shown.empty()) shown += "; ";
    shown += done.file.file_name + " " + done.file.outcome;
    if (done.file.outcome != "restored") continue;
    // The write joins the file's publish history, like a publish from a draft.
    store::ConfigPublish p;
    p.env_id = env.id;
    p.app_id = env.app_id;
    p.file_name = done.file.file_name;
    p.format = std::string(core::ConfigFormatName(core::ConfigFormatOf(done.file.file_name)));
    p.backend = std::string(core::ConfigBackendName(done.backend));
    p.location = done.location;
    p.actor = r.started_by;
    p.comment = "rollback " + std::to_string(r.id);
    p.base_version = done.file.expected_version;
    p.version_after = done.file.version_after;
    p.content = done.content;
    if (done.written) {
      store::ConfigDraft as_written;
      as_written.env_id = env.id;
      as_written.file_name = done.file.file_name;
      as_written.content = done.content;
      as_written.base_version = done.before.version;
      p.diff =
          json::serialize(ConfigDiffJson(DiffOf(done.file.file_name, as_written, done.before)));
    } else {
      p.diff = "{}";  // written before a crash: the value before it is no longer known here
    }
    p.written = done.written;
    p.created_at = clock_.Now();
    store::config_files::InsertPublish(tx, p);
    RecordAudit(tx, clock_, ctx, "release.config_restore", "release", std::to_string(r.id),
                "restored " + done.file.file_name + " in " + p.backend + " " + p.location +
                    " (version " + std::to_string(done.file.expected_version) + " → " +
                    std::to_string(done.file.version_after) + ", content sha256 " +
                    done.file.target_hash.substr(0, 12) + ")");
  }
  return shown;
}

void ReleaseRunner::CommitDisplay(store::Tx& tx, std::int64_t release_id, int idx,
                                  const std::string& state, const std::string& message) {
  const auto now = clock_.Now();
  for (auto& step : store::releases::Steps(tx, release_id)) {
    if (step.idx != idx) continue;
    step.state = state;
    step.message = message;
    if (!step.started_at) step.started_at = now;
    if (state == "succeeded" || state == "failed" || state == "skipped") step.finished_at = now;
    store::releases::UpdateStep(tx, release_id, step);
  }
}

void ReleaseRunner::CommitStepsDone(store::Tx& tx, std::int64_t release_id,
                                    const std::map<int, std::string>& done) {
  for (const auto& step : store::releases::Steps(tx, release_id)) {
    auto it = done.find(step.idx);
    if (it != done.end() && step.state != "succeeded")
      CommitDisplay(tx, release_id, step.idx, "succeeded", it->second);
  }
}

void ReleaseRunner::CommitState(store::Tx& tx, std::int64_t release_id, core::ReleaseState state) {
  auto r = Reload(tx, release_id);
  if (r.state == state || !core::ReleaseActive(r.state)) return;
  r.state = state;
  Save(tx, r, clock_.Now());
}

void ReleaseRunner::CommitCompleted(store::Tx& tx, const Loaded& l, const FinishedConfig& config) {
  const auto now = clock_.Now();
  auto r = Reload(tx, l.release.id);
  r.state = core::ReleaseState::kCompleted;
  r.finished_at = now;
  Save(tx, r, now);

  auto env = store::environments::Get(tx, l.env.id);
  if (!env) throw store::DbError("environment " + std::to_string(l.env.id) + " vanished");
  env->image = r.image;
  env->image_digest = r.image_digest;
  env->spec = l.spec;
  env->version += 1;
  env->updated_at = now;
  if (!store::environments::Update(tx, *env))
    throw store::DbError("environment changed concurrently", true);

  core::Baseline baseline;
  baseline.env_id = env->id;
  baseline.image = r.image;
  baseline.image_digest = r.image_digest;
  baseline.spec = l.spec;
  baseline.release_id = r.id;
  baseline.created_by = r.started_by;
  baseline.created_at = now;
  baseline.config_recorded = config.recorded;
  baseline.config = config.files;
  const auto version = store::baselines::Append(tx, baseline);
  const int last = static_cast<int>(store::releases::Steps(tx, r.id).size()) - 1;
  const auto ctx = ReleaseContext(r);
  if (!config.restores.empty()) {
    CommitDisplay(tx, r.id, last - 1, "succeeded", CommitRestores(tx, r, *env, config.restores));
  }
  CommitDisplay(
      tx, r.id, last, "succeeded",
      "baseline version " + std::to_string(version) +
          (config.recorded ? " with " + std::to_string(config.files.size()) + " config file(s)"
           : config.note.empty() ? ""
                                 : "; " + config.note));

  FinishChange(tx, changes_, r, true);
  // First success: pending_online → online (R-APP-2). A failure here throws:
  // the engine commits nothing of the outcome and runs the step again.
  if (auto online = apps_.MarkOnline(tx, ctx, l.app.id); !online.ok()) {
    throw std::runtime_error("cannot take the application online: " + online.error().message);
  }
  apps_.NoteChanged();
  RecordAudit(
      tx, clock_, ctx, "release.complete", "release", std::to_string(r.id),
      r.kind + " of " + r.image + " completed; baseline version " + std::to_string(version));
  auto kind = r.kind == "rollback" ? NoticeKind::kReleaseRolledBack : NoticeKind::kReleaseCompleted;
  notices_.Enqueue(tx, MakeNotice(kind, l, "baseline version " + std::to_string(version)));
}

void ReleaseRunner::CommitFailed(store::Tx& tx, const Loaded& l, const std::string& reason) {
  if (!MarkReleaseFailed(tx, clock_, changes_, l.release.id, reason)) return;
  const auto now = clock_.Now();
  auto r = Reload(tx, l.release.id);
  const auto ctx = ReleaseContext(r);
  notices_.Enqueue(tx, MakeNotice(NoticeKind::kReleaseFailed, l, reason));
  // Auto-rollback (per environment): back to what ran before, as a release of its own.
  if (!r.auto_rollback || r.image_before.empty()) return;
  auto change = store::changes::Get(tx, r.change_id);
  auto env = store::environments::Get(tx, r.env_id);
  if (!change || !env) return;
  ReleaseTarget target;
  target.kind = "rollback";
  target.rollback_of = r.id;
  target.image = r.image_before;
  target.image_digest = r.digest_before;
  target.spec = env->spec;
  if (auto base = store::baselines::Get(tx, env->id, r.baseline_before)) target.spec = base->spec;
  auto rollback = BeginRelease(tx, clock_, engine_, changes_, ctx, *change, *env, target);
  if (!rollback.ok()) return;
  store::releases::AddOperation(
      tx, {0, r.id, "rollback", "slipway (auto-rollback)",
           json::serialize(json::object{{"rollback_release_id", rollback->id}}), now});
  (void)changes_.AddRollbackEntry(
      tx, change->id, "slipway (auto-rollback)",
      {{"release_id", r.id}, {"rollback_release_id", rollback->id}, {"reason", reason}});
}

}  // namespace slipway::services
