#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/identity/roles.hpp"

namespace slipway::core {

/// Where an image build is (R-BLD-2): waiting in Jenkins' queue (or not yet
/// triggered), building, or ended.
enum class BuildState { kQueued, kRunning, kSucceeded, kFailed, kCancelled };

std::string_view BuildStateName(BuildState state);
std::optional<BuildState> ParseBuildState(std::string_view name);
/// True for succeeded, failed and cancelled: nothing happens to the build any more.
bool IsFinal(BuildState state);

/// What moves a build along. Only the build workflow emits them, from what
/// Jenkins and the registry report; people cancel by asking the workflow.
enum class BuildEvent {
  kStarted,    ///< Jenkins gave the queue item a build number
  kSucceeded,  ///< the job succeeded and the image's digest was read
  kFailed,     ///< the job failed, or the build cannot be followed
  kCancelled,  ///< cancelled in the queue, stopped while running, or aborted in Jenkins
};

std::string_view BuildEventName(BuildEvent event);

struct BuildTransition {
  BuildState from;
  BuildEvent event;
  BuildState to;
};

/// The build state machine as data.
const std::vector<BuildTransition>& BuildLifecycle();

/// The state `event` leads to from `from`; a conflict naming both otherwise.
Result<BuildState> NextBuildState(BuildState from, BuildEvent event);

/// One image build of an application (R-BLD-1..4).
struct Build {
  std::int64_t id = 0;
  std::int64_t app_id = 0;
  std::optional<std::int64_t> env_id;  ///< bookkeeping only: images do not depend on it
  std::string branch;
  std::string version;  ///< the image tag, unique per application
  std::string note;
  BuildState state = BuildState::kQueued;
  std::string image;   ///< <registry host>/<namespace>/<app>:<version>, fixed at start
  std::string digest;  ///< sha256:… read from the registry on success
  std::string commit;  ///< the commit built, when the console reported one
  std::string job_path;
  std::optional<std::int64_t> queue_id;
  std::optional<std::int64_t> build_number;
  std::string jenkins_result;       ///< SUCCESS, FAILURE, ABORTED… once Jenkins said
  std::string reason;               ///< why it failed or was cancelled
  std::string cancel_requested_by;  ///< set when someone asked to cancel
  /// Set just before Slipway asks Jenkins to build, with the job's last build
  /// number then: a run that finds it set never triggers again (see
  /// docs/user-guide/builds.md, "Crashes and restarts").
  std::optional<Millis> trigger_sent_at;
  std::int64_t last_build_before = 0;
  std::string workflow_id;
  std::string created_by;
  Millis created_at = 0;
  std::optional<Millis> started_at;   ///< when Jenkins started it
  std::optional<Millis> finished_at;  ///< when it ended
  Millis updated_at = 0;
  std::int64_t row_version = 1;
};

/// The build's duration in Jenkins: start to end (or to `now` while running).
std::optional<Millis> BuildDuration(const Build& build, Millis now);

/// What a caller may do with a build now, with the reason for each refusal.
struct BuildActions {
  std::vector<std::string> allowed;
  std::vector<std::pair<std::string, std::string>> refused;  ///< action → reason

  bool Allows(std::string_view action) const;
  std::optional<std::string> ReasonFor(std::string_view action) const;
};

/// `cancel` (queued or running, not yet requested) and `delete` (ended),
/// for admins and the application's owners and developers (`can_write`).
BuildActions ComputeBuildActions(const Build& build, bool can_write);

}  // namespace slipway::core
