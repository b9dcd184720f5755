// The deploy step of a release: one-shot rollouts and canary progressions.
#include <boost/json.hpp>

#include "engine/fail_point.hpp"
#include "services/environments/env_objects.hpp"
#include "services/releases/pod_health.hpp"
#include "services/releases/release_begin.hpp"
#include "services/releases/release_runner.hpp"

namespace slipway::services {

namespace json = boost::json;
using engine::StepOutcome;

namespace {

std::int64_t IntOr(const json::object& o, const char* key, std::int64_t fallback) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : fallback;
}

std::string PhaseOf(const json::object& o, const char* fallback) {
  const auto* v = o.if_contains("phase");
  return v && v->is_string() ? std::string(v->as_string()) : fallback;
}

// A cluster call that failed: worth retrying, or the end of the release.
bool Retryable(const core::Error& e) { return e.code == core::Code::kTransient || e.code == core::Code::kConflict; }

struct StableState {
  connectors::RolloutStatus rollout;
  PodHealth health;
};

core::Result<StableState> ReadStable(connectors::Kubernetes& kube, const ReleaseRunner::Loaded& l) {
  auto deployment = kube.Get(connectors::kube::kDeployments, l.env.namespace_name,
                             core::DeploymentName(l.app.name, core::kTrackStable));
  if (!deployment.ok()) return deployment.error();
  auto pods = kube.ListPods(l.env.namespace_name, core::PodSelector(l.app.name, l.env.env_type, core::kTrackStable));
  if (!pods.ok()) return pods.error();
  return StableState{connectors::EvaluateRollout(*deployment), AssessPods(*pods, l.release.image)};
}

std::string ReadyText(int ready, int total) {
  return std::to_string(ready) + " of " + std::to_string(total) + " pods ready";
}

}  // namespace

StepOutcome ReleaseRunner::Wait(const Loaded& l, json::object scratch, int idx, const std::string& message,
                                std::optional<core::ReleaseState> state, std::optional<core::Millis> deadline) {
  const bool paused = state == core::ReleaseState::kCanary;
  const bool changed = IntOr(scratch, "shown_idx", -1) != idx || !scratch.contains("shown") ||
                       scratch.at("shown").as_string() != message || scratch.contains("paused") != paused;
  scratch["shown_idx"] = idx;
  scratch["shown"] = message;
  if (paused) scratch["paused"] = true; else scratch.erase("paused");
  for (const char* key : {"trouble_since", "trouble_attempt", "trouble"}) scratch.erase(key);  // the cluster answered
  const auto wake = deadline.value_or(clock_.Now() + settings_.recheck_ms);
  auto outcome = engine::WaitSignal(kReleaseEvent, std::move(scratch), wake);
  const auto new_state = state.value_or(core::ReleaseState::kReleasing);
  if (!changed && new_state == l.release.state) return outcome;
  return std::move(outcome).WithCommit([this, id = l.release.id, idx, message, paused, new_state,
                                        old_state = l.release.state](store::Tx& tx) {
    if (new_state != old_state) CommitState(tx, id, new_state);
    CommitDisplay(tx, id, idx, paused ? "waiting" : "running", message);
  });
}

StepOutcome ReleaseRunner::Retry(const Loaded& l, json::object scratch, const core::Error& error) {
  const auto now = clock_.Now();
  const auto since = IntOr(scratch, "trouble_since", now);
  const auto attempt = IntOr(scratch, "trouble_attempt", 0) + 1;
  if (now - since > settings_.outage_ms) {
    return Abandon(l, nullptr, "the cluster kept failing for " + std::to_string((now - since) / 1000) + " s: " + error.message,
                   false);
  }
  scratch["trouble_since"] = since;
  scratch["trouble_attempt"] = attempt;
  scratch["trouble"] = error.message;
  const core::Millis backoff = std::min<core::Millis>(10'000, 250LL << std::min<std::int64_t>(attempt - 1, 6));
  return engine::SleepUntil(now + backoff, std::move(scratch));
}

StepOutcome ReleaseRunner::Abandon(const Loaded& l, connectors::Kubernetes* kube_ptr, const std::string& reason,
                                   bool restore) {
  if (restore && kube_ptr) {
    auto& kube = *kube_ptr;
    auto canary = kube.Delete(connectors::kube::kDeployments, l.env.namespace_name,
                              core::DeploymentName(l.app.name, core::kTrackCanary),
                              connectors::PropagationPolicy::kBackground);
    if (!canary.ok() && canary.error().code != core::Code::kNotFound) return engine::Transient(canary.error().message);
    // The recorded state: what the environment ran before this release.
    core::RenderInput recorded = Input(l, core::kTrackStable, l.env.spec.replicas);
    recorded.spec = l.env.spec;
    recorded.image = l.env.image.empty() ? core::PlaceholderImage(l.cluster.registry, l.app.name) : l.env.image;
    auto applied = ApplyEnvironmentObjects(kube, recorded);
    if (!applied.ok()) return engine::Transient(applied.error().message);
  }
  watcher_->Stop(l.release.id);
  return engine::Terminal(reason).WithCommit([this, l, reason](store::Tx& tx) { CommitFailed(tx, l, reason); });
}

StepOutcome ReleaseRunner::DeployOneShot(engine::StepContext&, const Loaded& l, connectors::Kubernetes& kube,
                                         json::object scratch) {
  const int replicas = l.spec.replicas;
  if (PhaseOf(scratch, "apply") == "apply") {
    auto applied = ApplyEnvironmentObjects(kube, Input(l, core::kTrackStable, replicas));
    if (!applied.ok()) {
      if (Retryable(applied.error())) return Retry(l, std::move(scratch), applied.error());
      return Abandon(l, &kube, "the cluster refused the objects: " + applied.error().message, false);
    }
    engine::FailPoint("release.after_apply");
    scratch["phase"] = "wait";
  }
  auto stable = ReadStable(kube, l);
  if (!stable.ok()) return Retry(l, std::move(scratch), stable.error());
  if (!stable->health.failure.empty()) {
    return Abandon(l, &kube, "the new pods did not start: " + stable->health.failure, false);
  }
  if (stable->rollout.failed) return Abandon(l, &kube, "the rollout failed: " + stable->rollout.message, false);
  if (stable->rollout.done && stable->health.ready >= replicas) {
    return engine::Succeeded().WithCommit([this, id = l.release.id, replicas](store::Tx& tx) {
      CommitDisplay(tx, id, 1, "succeeded", ReadyText(replicas, replicas));
    });
  }
  return Wait(l, std::move(scratch), 1, ReadyText(stable->health.ready, replicas) + " (" + stable->rollout.message + ")");
}

StepOutcome ReleaseRunner::DeployCanary(engine::StepContext&, const Loaded& l, connectors::Kubernetes& kube,
                                        json::object scratch) {
  const int total = l.spec.replicas;
  const int steps = static_cast<int>(l.plan.size());
  int i = static_cast<int>(IntOr(scratch, "i", 0));
  std::string phase = PhaseOf(scratch, "scale");
  const auto now = clock_.Now();
  const auto& ns = l.env.namespace_name;
  for (;;) {
    scratch["i"] = i;
    scratch["phase"] = phase;
    if (phase == "scale") {
      const auto& step = l.plan[i];
      auto canary = ApplyEnvironmentObjects(kube, Input(l, core::kTrackCanary, step.canary));
      if (!canary.ok()) {
        if (Retryable(canary.error())) return Retry(l, std::move(scratch), canary.error());
        return Abandon(l, &kube, "the cluster refused the canary: " + canary.error().message, true);
      }
      auto scaled = kube.Scale(connectors::kube::kDeployments, ns, core::DeploymentName(l.app.name, core::kTrackStable),
                               step.stable);
      if (!scaled.ok()) return Retry(l, std::move(scratch), scaled.error());
      engine::FailPoint("release.after_canary_scale");
      scratch.erase("ready_since");
      phase = "settle";
      continue;
    }
    if (phase == "settle") {
      const auto& step = l.plan[i];
      auto pods = kube.ListPods(ns, core::PodSelector(l.app.name, l.env.env_type, core::kTrackCanary));
      if (!pods.ok()) return Retry(l, std::move(scratch), pods.error());
      auto health = AssessPods(*pods, l.release.image);
      if (!health.failure.empty()) return Abandon(l, &kube, "the canary pods did not start: " + health.failure, true);
      if (health.total != step.canary || health.ready != step.canary) {
        scratch.erase("ready_since");
        return Wait(l, std::move(scratch), i + 1, std::to_string(health.ready) + " of " + std::to_string(step.canary) +
                                                      " canary pods ready");
      }
      // Stable: all ready with no new restarts for the whole window.
      if (!scratch.contains("ready_since") || IntOr(scratch, "restarts", -1) != health.restarts) {
        scratch["ready_since"] = now;
        scratch["restarts"] = health.restarts;
      }
      const auto stable_at = IntOr(scratch, "ready_since", now) + l.env.release_policy.canary.stability_window_ms;
      if (now < stable_at) {
        return Wait(l, std::move(scratch), i + 1, "canary pods ready; watching them stay stable", std::nullopt, stable_at);
      }
      phase = "paused";
      scratch["pause_until"] = now + step.pause_ms;
      continue;
    }
    if (phase == "paused") {
      const auto& step = l.plan[i];
      std::string promotion;
      for (const auto& op : l.operations) {
        if (op.id > IntOr(scratch, "seen_op", 0) && (op.kind == "promote" || op.kind == "promote_all")) {
          promotion = op.kind;
          scratch["seen_op"] = op.id;
          break;
        }
      }
      const bool timed_out = step.pause == core::PauseKind::kTimed && now >= IntOr(scratch, "pause_until", now);
      if (promotion.empty() && !timed_out && step.pause != core::PauseKind::kNone) {
        std::string message = step.pause == core::PauseKind::kManual
                                  ? std::to_string(step.canary) + " of " + std::to_string(total) +
                                        " pods run the new version; waiting for promotion"
                                  : "paused until the timed step ends";
        std::optional<core::Millis> deadline;
        if (step.pause == core::PauseKind::kTimed) deadline = IntOr(scratch, "pause_until", now);
        return Wait(l, std::move(scratch), i + 1, message, core::ReleaseState::kCanary, deadline);
      }
      // Promoted (or the pause ended): this step is done.
      auto done_idx = i + 1;
      auto done_text = std::to_string(step.canary) + " new + " + std::to_string(step.stable) + " old pods were stable";
      scratch["done_" + std::to_string(done_idx)] = done_text;
      phase = (promotion == "promote_all" || i + 1 >= steps) ? "final" : "scale";
      if (phase == "scale") ++i;
      continue;
    }
    if (phase == "final") {
      auto applied = ApplyEnvironmentObjects(kube, Input(l, core::kTrackStable, total));
      if (!applied.ok()) {
        if (Retryable(applied.error())) return Retry(l, std::move(scratch), applied.error());
        return Abandon(l, &kube, "the cluster refused the promotion: " + applied.error().message, true);
      }
      engine::FailPoint("release.after_promotion_apply");
      phase = "final_wait";
      continue;
    }
    // final_wait: the stable Deployment rolls to the new image at full size.
    auto stable = ReadStable(kube, l);
    if (!stable.ok()) return Retry(l, std::move(scratch), stable.error());
    if (!stable->health.failure.empty()) {
      return Abandon(l, &kube, "the promoted pods did not start: " + stable->health.failure, true);
    }
    if (!(stable->rollout.done && stable->health.ready >= total)) {
      return Wait(l, std::move(scratch), steps + 1, ReadyText(stable->health.ready, total) + " on the new version");
    }
    auto canary = kube.Delete(connectors::kube::kDeployments, ns, core::DeploymentName(l.app.name, core::kTrackCanary),
                              connectors::PropagationPolicy::kBackground);
    if (!canary.ok() && canary.error().code != core::Code::kNotFound) return Retry(l, std::move(scratch), canary.error());
    return engine::Succeeded().WithCommit([this, id = l.release.id, steps, total, scratch](store::Tx& tx) {
      for (int idx = 1; idx <= steps; ++idx) {
        const auto* text = scratch.if_contains("done_" + std::to_string(idx));
        if (text) {
          CommitDisplay(tx, id, idx, "succeeded", std::string(text->as_string()));
        } else {
          CommitDisplay(tx, id, idx, "skipped", "skipped: promoted to all pods");
        }
      }
      CommitDisplay(tx, id, steps + 1, "succeeded", ReadyText(total, total) + " on the new version; canary removed");
    });
  }
}

}  // namespace slipway::services
