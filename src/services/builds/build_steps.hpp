#pragma once
// Internal to the build workflow (build_workflow.hpp): its steps and what
// they share.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "connectors/jenkins.hpp"
#include "core/apps/app.hpp"
#include "core/builds/build.hpp"
#include "engine/outcome.hpp"
#include "engine/step_context.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services::build_steps {

struct StepEnv {
  const Connections& connections;
  BuildSettings settings;
};

/// The build this workflow follows; nullopt once it was deleted.
std::optional<core::Build> LoadBuild(const engine::StepContext& ctx);
core::App LoadApp(const engine::StepContext& ctx, std::int64_t app_id);

/// The outcome of a step with nothing left to do (the build already ended).
engine::StepOutcome Skipped();

/// Ends the build by `event` (failed, cancelled, succeeded) with `reason`,
/// in the step's commit, with an operation record; `also` runs in the same
/// transaction first (the Jenkins result, the commit built).
engine::StepOutcome EndBuild(const engine::StepContext& ctx, const core::Build& build,
                             core::BuildEvent event, std::string reason, std::string digest = "",
                             engine::CommitFn also = nullptr);

/// The build Jenkins started for `build`, adopted: queued → running with its
/// number, in the step's commit.
engine::StepOutcome Adopt(const engine::StepContext& ctx, const core::Build& build,
                          std::int64_t build_number, boost::json::object output);

/// A poll that failed with `error` (Jenkins or the registry unreachable,
/// refusing credentials…): polls again, unless the failures have lasted
/// settings.outage_ms, which fails the build (engine::RideOutOutage).
engine::StepOutcome Outage(const engine::StepContext& ctx, const StepEnv& env,
                           const core::Build& build, boost::json::object scratch,
                           const core::Error& error, const std::string& what);

/// Polls again after settings.poll_interval_ms, keeping `scratch` (without
/// any outage mark: this poll got through).
engine::StepOutcome PollAgain(const engine::StepContext& ctx, const StepEnv& env,
                              boost::json::object scratch);

/// The job's build that carries this build's IMAGE parameter, among the
/// builds numbered after build.last_build_before; nullopt when none (yet).
core::Result<std::optional<std::int64_t>> FindTriggeredBuild(connectors::Jenkins& jenkins,
                                                             const core::Build& build);

engine::StepOutcome TriggerStep(engine::StepContext& ctx, const StepEnv& env);
engine::StepOutcome QueueStep(engine::StepContext& ctx, const StepEnv& env);
engine::StepOutcome FollowStep(engine::StepContext& ctx, const StepEnv& env);
engine::StepOutcome DigestStep(engine::StepContext& ctx, const StepEnv& env);

}  // namespace slipway::services::build_steps
