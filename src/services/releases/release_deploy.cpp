// The deploy step of a release: one-shot rollouts, and what every deploy
// shares (waiting, riding out the cluster's outages, giving up). Canary
// progressions are in release_canary.cpp.
#include <boost/json.hpp>

#include "core/common/json_path.hpp"
#include "engine/fail_point.hpp"
#include "services/environments/env_objects.hpp"
#include "services/releases/release_begin.hpp"
#include "services/releases/release_runner.hpp"
#include "services/releases/stable_track.hpp"

namespace slipway::services {

namespace json = boost::json;
using engine::StepOutcome;

StepOutcome ReleaseRunner::Wait(const Loaded& l, json::object scratch, int idx,
                                const std::string& message, std::optional<core::ReleaseState> state,
                                std::optional<core::Millis> deadline) {
  const bool paused = state == core::ReleaseState::kCanary;
  const bool changed = core::IntAt(scratch, {"shown_idx"}, -1) != idx ||
                       !scratch.contains("shown") || scratch.at("shown").as_string() != message ||
                       scratch.contains("paused") != paused;
  scratch["shown_idx"] = idx;
  scratch["shown"] = message;
  if (paused)
    scratch["paused"] = true;
  else
    scratch.erase("paused");
  engine::EndOutage(scratch);  // the cluster answered
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
  if (auto retry = engine::RideOutOutage(settings_.outage(), now, scratch, error)) {
    return *std::move(retry);
  }
  return Abandon(l, nullptr, engine::OutageReport(scratch, now, "the cluster", error), false);
}

StepOutcome ReleaseRunner::Abandon(const Loaded& l, connectors::Kubernetes* kube_ptr,
                                   const std::string& reason, bool restore) {
  if (restore && kube_ptr) {
    auto& kube = *kube_ptr;
    auto canary = kube.Delete(connectors::kube::kDeployments, l.env.namespace_name,
                              core::DeploymentName(l.app.name, core::kTrackCanary),
                              connectors::PropagationPolicy::kBackground);
    if (!canary.ok() && canary.error().code != core::Code::kNotFound)
      return engine::Transient(canary.error().message);
    // The recorded state: what the environment ran before this release.
    core::RenderInput recorded = Input(l, core::kTrackStable, l.env.spec.replicas);
    recorded.spec = l.env.spec;
    recorded.image =
        l.env.image.empty() ? core::PlaceholderImage(l.cluster.registry, l.app.name) : l.env.image;
    auto applied = ApplyEnvironmentObjects(kube, recorded);
    if (!applied.ok()) return engine::Transient(applied.error().message);
  }
  watcher_->Stop(l.release.id);
  return engine::Terminal(reason).WithCommit(
      [this, l, reason](store::Tx& tx) { CommitFailed(tx, l, reason); });
}

StepOutcome ReleaseRunner::DeployOneShot(engine::StepContext&, const Loaded& l,
                                         connectors::Kubernetes& kube, json::object scratch) {
  const int replicas = l.spec.replicas;
  if (core::StringAt(scratch, {"phase"}, "apply") == "apply") {
    auto applied = ApplyEnvironmentObjects(kube, Input(l, core::kTrackStable, replicas));
    if (!applied.ok()) {
      if (RetryableClusterError(applied.error()))
        return Retry(l, std::move(scratch), applied.error());
      return Abandon(l, &kube, "the cluster refused the objects: " + applied.error().message,
                     false);
    }
    engine::FailPoint("release.after_apply");
    scratch["phase"] = "wait";
  }
  auto stable = ReadStable(kube, l);
  if (!stable.ok()) return Retry(l, std::move(scratch), stable.error());
  if (!stable->health.failure.empty()) {
    return Abandon(l, &kube, "the new pods did not start: " + stable->health.failure, false);
  }
  if (stable->rollout.failed)
    return Abandon(l, &kube, "the rollout failed: " + stable->rollout.message, false);
  if (stable->rollout.done && stable->health.ready >= replicas) {
    return engine::Succeeded().WithCommit([this, id = l.release.id, replicas](store::Tx& tx) {
      CommitDisplay(tx, id, 1, "succeeded", ReadyText(replicas, replicas));
    });
  }
  return Wait(l, std::move(scratch), 1,
              ReadyText(stable->health.ready, replicas) + " (" + stable->rollout.message + ")");
}

}  // namespace slipway::services
