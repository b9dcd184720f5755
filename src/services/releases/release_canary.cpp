// The deploy step of a canary release: the phase table is in core
// (core/releases/canary_progress.hpp); here, one reconcile per phase. Each
// makes the cluster look like its phase wants and either moves the progress
// on (nullopt: the next phase runs at once) or ends this run of the step with
// an outcome: wait for pods or a person, retry the cluster, give up, succeed.
#include <boost/json.hpp>

#include "engine/fail_point.hpp"
#include "services/environments/env_objects.hpp"
#include "services/releases/release_runner.hpp"
#include "services/releases/stable_track.hpp"

namespace slipway::services {

namespace json = boost::json;
using engine::StepOutcome;
using Reconciled = std::optional<StepOutcome>;

namespace {

// The scratch to keep with an outcome: the progress as it is now.
json::object Kept(const core::CanaryProgress& progress, json::object scratch) {
  core::WriteCanaryProgress(progress, scratch);
  return scratch;
}

}  // namespace

StepOutcome ReleaseRunner::DeployCanary(engine::StepContext&, const Loaded& l,
                                        connectors::Kubernetes& kube, json::object scratch) {
  auto progress = core::ReadCanaryProgress(scratch);
  const auto done_before = progress.done;
  for (;;) {
    Reconciled outcome;
    switch (progress.phase) {
      case core::CanaryPhase::kScale:
        outcome = CanaryScale(l, kube, progress, scratch);
        break;
      case core::CanaryPhase::kSettle:
        outcome = CanarySettle(l, kube, progress, scratch);
        break;
      case core::CanaryPhase::kPaused:
        outcome = CanaryPause(l, progress, scratch);
        break;
      case core::CanaryPhase::kFinal:
        outcome = CanaryPromote(l, kube, progress, scratch);
        break;
      case core::CanaryPhase::kFinalWait:
        return CanaryFinish(l, kube, progress, scratch);
    }
    if (outcome) {
      auto done_now = progress.done;
      std::erase_if(done_now, [&](const auto& d) { return done_before.contains(d.first); });
      return WithStepsDone(*std::move(outcome), l.release.id, std::move(done_now));
    }
  }
}

StepOutcome ReleaseRunner::WithStepsDone(StepOutcome outcome, std::int64_t release_id,
                                         std::map<int, std::string> done) {
  if (done.empty()) return outcome;
  auto then = std::move(outcome.on_commit);
  return std::move(outcome).WithCommit(
      [this, release_id, done = std::move(done), then = std::move(then)](store::Tx& tx) {
        CommitStepsDone(tx, release_id, done);
        if (then) then(tx);
      });
}

Reconciled ReleaseRunner::CanaryScale(const Loaded& l, connectors::Kubernetes& kube,
                                      core::CanaryProgress& progress, const json::object& scratch) {
  const auto& step = l.plan[progress.step];
  auto canary = ApplyEnvironmentObjects(kube, Input(l, core::kTrackCanary, step.canary));
  if (!canary.ok()) {
    if (RetryableClusterError(canary.error()))
      return Retry(l, Kept(progress, scratch), canary.error());
    return Abandon(l, &kube, "the cluster refused the canary: " + canary.error().message, true);
  }
  auto scaled = kube.Scale(connectors::kube::kDeployments, l.env.namespace_name,
                           core::DeploymentName(l.app.name, core::kTrackStable), step.stable);
  if (!scaled.ok()) return Retry(l, Kept(progress, scratch), scaled.error());
  engine::FailPoint("release.after_canary_scale");
  core::ApplyCanaryEvent(progress, core::CanaryEvent::kScaled, static_cast<int>(l.plan.size()));
  return std::nullopt;
}

Reconciled ReleaseRunner::CanarySettle(const Loaded& l, connectors::Kubernetes& kube,
                                       core::CanaryProgress& progress,
                                       const json::object& scratch) {
  const auto& step = l.plan[progress.step];
  const int display = progress.step + 1;
  auto pods = kube.ListPods(l.env.namespace_name,
                            core::PodSelector(l.app.name, l.env.env_type, core::kTrackCanary));
  if (!pods.ok()) return Retry(l, Kept(progress, scratch), pods.error());
  const auto health = AssessPods(*pods, l.release.image);
  if (!health.failure.empty())
    return Abandon(l, &kube, "the canary pods did not start: " + health.failure, true);
  if (health.total != step.canary || health.ready != step.canary) {
    progress.ready_since.reset();
    return Wait(
        l, Kept(progress, scratch), display,
        std::to_string(health.ready) + " of " + std::to_string(step.canary) + " canary pods ready");
  }
  // Stable: all ready with no new restarts for the whole window.
  const auto now = clock_.Now();
  if (!progress.ready_since || progress.restarts != health.restarts) {
    progress.ready_since = now;
    progress.restarts = health.restarts;
  }
  const auto stable_at = *progress.ready_since + step.stability_window_ms;
  if (now < stable_at) {
    return Wait(l, Kept(progress, scratch), display, "canary pods ready; watching them stay stable",
                std::nullopt, stable_at);
  }
  core::ApplyCanaryEvent(progress, core::CanaryEvent::kStable, static_cast<int>(l.plan.size()));
  progress.pause_until = now + step.pause_ms;
  return std::nullopt;
}

Reconciled ReleaseRunner::CanaryPause(const Loaded& l, core::CanaryProgress& progress,
                                      const json::object& scratch) {
  const auto& step = l.plan[progress.step];
  const int total = l.spec.replicas;
  const auto now = clock_.Now();
  std::optional<core::CanaryEvent> promotion;
  for (const auto& op : l.operations) {
    if (op.id > progress.seen_operation && (op.kind == "promote" || op.kind == "promote_all")) {
      promotion =
          op.kind == "promote_all" ? core::CanaryEvent::kPromotedAll : core::CanaryEvent::kStepDone;
      progress.seen_operation = op.id;
      break;
    }
  }
  const bool timed_out = step.pause == core::PauseKind::kTimed && now >= progress.pause_until;
  if (!promotion && !timed_out && step.pause != core::PauseKind::kNone) {
    const std::string message = step.pause == core::PauseKind::kManual
                                    ? std::to_string(step.canary) + " of " + std::to_string(total) +
                                          " pods run the new version; waiting for promotion"
                                    : "paused until the timed step ends";
    std::optional<core::Millis> deadline;
    if (step.pause == core::PauseKind::kTimed) deadline = progress.pause_until;
    return Wait(l, Kept(progress, scratch), progress.step + 1, message, core::ReleaseState::kCanary,
                deadline);
  }
  // Promoted (or the pause ended): this step is done.
  progress.done[progress.step + 1] = std::to_string(step.canary) + " new + " +
                                     std::to_string(step.stable) + " old pods were stable";
  core::ApplyCanaryEvent(progress, promotion.value_or(core::CanaryEvent::kStepDone),
                         static_cast<int>(l.plan.size()));
  return std::nullopt;
}

Reconciled ReleaseRunner::CanaryPromote(const Loaded& l, connectors::Kubernetes& kube,
                                        core::CanaryProgress& progress,
                                        const json::object& scratch) {
  auto applied = ApplyEnvironmentObjects(kube, Input(l, core::kTrackStable, l.spec.replicas));
  if (!applied.ok()) {
    if (RetryableClusterError(applied.error()))
      return Retry(l, Kept(progress, scratch), applied.error());
    return Abandon(l, &kube, "the cluster refused the promotion: " + applied.error().message, true);
  }
  engine::FailPoint("release.after_promotion_apply");
  core::ApplyCanaryEvent(progress, core::CanaryEvent::kPromotionApplied,
                         static_cast<int>(l.plan.size()));
  return std::nullopt;
}

StepOutcome ReleaseRunner::CanaryFinish(const Loaded& l, connectors::Kubernetes& kube,
                                        const core::CanaryProgress& progress,
                                        const json::object& scratch) {
  // The stable Deployment rolls to the new image at full size, then the canary goes.
  const int total = l.spec.replicas;
  const int steps = static_cast<int>(l.plan.size());
  auto stable = ReadStable(kube, l);
  if (!stable.ok()) return Retry(l, Kept(progress, scratch), stable.error());
  if (!stable->health.failure.empty()) {
    return Abandon(l, &kube, "the promoted pods did not start: " + stable->health.failure, true);
  }
  if (!(stable->rollout.done && stable->health.ready >= total)) {
    return Wait(l, Kept(progress, scratch), steps + 1,
                ReadyText(stable->health.ready, total) + " on the new version");
  }
  auto canary = kube.Delete(connectors::kube::kDeployments, l.env.namespace_name,
                            core::DeploymentName(l.app.name, core::kTrackCanary),
                            connectors::PropagationPolicy::kBackground);
  if (!canary.ok() && canary.error().code != core::Code::kNotFound) {
    return Retry(l, Kept(progress, scratch), canary.error());
  }
  return engine::Succeeded().WithCommit(
      [this, id = l.release.id, steps, total, done = progress.done](store::Tx& tx) {
        CommitStepsDone(tx, id, done);
        for (int idx = 1; idx <= steps; ++idx) {
          if (!done.contains(idx))
            CommitDisplay(tx, id, idx, "skipped", "skipped: promoted to all pods");
        }
        CommitDisplay(tx, id, steps + 1, "succeeded",
                      ReadyText(total, total) + " on the new version; canary removed");
      });
}

}  // namespace slipway::services
