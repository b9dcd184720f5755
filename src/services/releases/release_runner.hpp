#pragma once
// The durable release workflow (R-REL-1..7): kind "release" with the engine
// steps begin → deploy → finish. `deploy` is a small state machine kept in the
// step's scratch (apply, wait; for a canary core::CanaryProgress), re-entered on
// every watch event, promotion, abort or deadline; every action it takes is
// "make the cluster look like this", so a step that runs again after a crash
// repeats nothing harmful and creates nothing twice.
#include <atomic>
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/common/clock.hpp"
#include "core/environments/environment.hpp"
#include "core/environments/render.hpp"
#include "core/releases/canary_plan.hpp"
#include "core/releases/canary_progress.hpp"
#include "core/releases/release.hpp"
#include "engine/outage.hpp"
#include "engine/outcome.hpp"
#include "engine/registry.hpp"
#include "services/apps/app_service.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/notifications/notices.hpp"
#include "services/releases/release_config.hpp"
#include "services/releases/rollout_watcher.hpp"
#include "store/baseline_config_repository.hpp"
#include "store/release_repository.hpp"

namespace slipway::engine {
class Engine;
}

namespace slipway::services {

class ChangeService;

struct ReleaseRunnerSettings {
  /// A waiting step looks again by itself this long after its last event.
  core::Millis recheck_ms = 5'000;
  /// How long the cluster may fail (unreachable, 5xx, conflicts) before the
  /// release gives up as failed; until then calls are retried with backoff.
  core::Millis outage_ms = 600'000;

  /// The cluster's and the config backend's outages are ridden out alike.
  engine::OutagePolicy outage() const {
    return {.window_ms = outage_ms, .first_delay_ms = 250, .max_delay_ms = 10'000};
  }
};

/// What the release workflow works with, each owned by the composition root.
struct ReleaseRunnerDeps {
  store::Database& db;
  const core::Clock& clock;
  ClusterService& clusters;
  AppService& apps;
  /// Runs the workflow; its steps wake waiting releases and start automatic rollbacks.
  engine::Engine& engine;
  /// The changes releases mirror their state into.
  ChangeService& changes;
  Notices& notices;
  /// Where the environments' config files are read (into baselines) and
  /// restored (by rollbacks).
  const ReleaseConfig& config;
};

class ReleaseRunner {
 public:
  /// Adds the "release" workflow kind to the engine (which must not have started yet).
  explicit ReleaseRunner(const ReleaseRunnerDeps& deps, ReleaseRunnerSettings settings = {});
  ~ReleaseRunner();

  /// Stops the watches; call before the engine stops. Later watch events wake nothing.
  void Shutdown();
  RolloutWatcher& watcher() { return *watcher_; }

  /// Everything a step looks at, loaded afresh on each run.
  struct Loaded {
    core::Release release;
    core::Environment env;
    core::App app;
    core::Cluster cluster;
    core::EnvSpec spec;  ///< the target resources
    std::vector<core::CanaryStep> plan;
    std::vector<store::ReleaseOperation> operations;
  };

  /// One file a rollback's finish step put back (or found in place).
  struct ConfigRestoreDone {
    store::RollbackConfigFile file;
    core::ConfigBackend backend = core::ConfigBackend::kConsul;
    std::string location;
    LiveFile before;
    bool written = false;
    std::string content;  ///< what was written (when written)
  };
  /// The configuration side of a completed release.
  struct FinishedConfig {
    bool recorded = false;
    std::vector<core::BaselineConfigFile> files;  ///< live once the release is done
    std::vector<ConfigRestoreDone> restores;
    std::string note;  ///< why nothing was recorded
  };

 private:
  engine::StepOutcome Begin(engine::StepContext& ctx);
  engine::StepOutcome Deploy(engine::StepContext& ctx);
  engine::StepOutcome Finish(engine::StepContext& ctx);

  // release_deploy.cpp
  engine::StepOutcome DeployOneShot(engine::StepContext& ctx, const Loaded& l,
                                    connectors::Kubernetes& kube, boost::json::object scratch);
  // release_canary.cpp: one reconcile per phase of core::CanaryTransitions;
  // nullopt moves on to the next phase at once.
  engine::StepOutcome DeployCanary(engine::StepContext& ctx, const Loaded& l,
                                   connectors::Kubernetes& kube, boost::json::object scratch);
  std::optional<engine::StepOutcome> CanaryScale(const Loaded& l, connectors::Kubernetes& kube,
                                                 core::CanaryProgress& progress,
                                                 const boost::json::object& scratch);
  std::optional<engine::StepOutcome> CanarySettle(const Loaded& l, connectors::Kubernetes& kube,
                                                  core::CanaryProgress& progress,
                                                  const boost::json::object& scratch);
  std::optional<engine::StepOutcome> CanaryPause(const Loaded& l, core::CanaryProgress& progress,
                                                 const boost::json::object& scratch);
  std::optional<engine::StepOutcome> CanaryPromote(const Loaded& l, connectors::Kubernetes& kube,
                                                   core::CanaryProgress& progress,
                                                   const boost::json::object& scratch);
  engine::StepOutcome CanaryFinish(const Loaded& l, connectors::Kubernetes& kube,
                                   const core::CanaryProgress& progress,
                                   const boost::json::object& scratch);
  /// `outcome`, committing also the display steps of `done` not shown as
  /// succeeded yet: a step passed within one run shows done with that run,
  /// not when the release ends.
  engine::StepOutcome WithStepsDone(engine::StepOutcome outcome, std::int64_t release_id,
                                    std::map<int, std::string> done);
  /// Puts the environment's recorded state back (no canary, stable at its
  /// recorded image and size), then ends the release failed with `reason`.
  engine::StepOutcome Abandon(const Loaded& l, connectors::Kubernetes* kube,
                              const std::string& reason, bool restore);
  /// A cluster call failed in a way worth retrying: again after a backoff
  /// (without using up the engine's attempts), or failed once the outage
  /// outlasted settings.outage_ms (engine::RideOutOutage).
  engine::StepOutcome Retry(const Loaded& l, boost::json::object scratch, const core::Error& error);
  /// Waits for the next event (or the recheck deadline), saving `scratch`
  /// and, when it changed, the display step's message.
  engine::StepOutcome Wait(const Loaded& l, boost::json::object scratch, int display_idx,
                           const std::string& message,
                           std::optional<core::ReleaseState> state = std::nullopt,
                           std::optional<core::Millis> deadline = std::nullopt);

  // release_outcomes.cpp: what commits with the outcomes.
  void CommitDisplay(store::Tx& tx, std::int64_t release_id, int idx, const std::string& state,
                     const std::string& message);
  /// Each display step of `done` (index → message) not succeeded yet, as succeeded.
  void CommitStepsDone(store::Tx& tx, std::int64_t release_id,
                       const std::map<int, std::string>& done);
  void CommitState(store::Tx& tx, std::int64_t release_id, core::ReleaseState state);
  void CommitCompleted(store::Tx& tx, const Loaded& l, const FinishedConfig& config);
  void CommitFailed(store::Tx& tx, const Loaded& l, const std::string& reason);
  /// Records each restored file's outcome, publish and audit entry; the text shown on the step.
  std::string CommitRestores(store::Tx& tx, const core::Release& r, const core::Environment& env,
                             const std::vector<ConfigRestoreDone>& restores);

  std::optional<Loaded> Load(std::int64_t release_id);
  core::RenderInput Input(const Loaded& l, const std::string& track, int replicas) const;

  void Register();

  store::Database& db_;
  const core::Clock& clock_;
  ClusterService& clusters_;
  AppService& apps_;
  engine::Engine& engine_;
  ChangeService& changes_;
  Notices& notices_;
  const ReleaseConfig& config_;
  const ReleaseRunnerSettings settings_;
  std::atomic<bool> stopped_{false};
  std::unique_ptr<RolloutWatcher> watcher_;
};

}  // namespace slipway::services
