#include "core/builds/build.hpp"

namespace slipway::core {

std::string_view BuildStateName(BuildState state) {
  switch (state) {
    case BuildState::kQueued:
      return "queued";
    case BuildState::kRunning:
      return "running";
    case BuildState::kSucceeded:
      return "succeeded";
    case BuildState::kFailed:
      return "failed";
    case BuildState::kCancelled:
      return "cancelled";
  }
  return "";
}

std::optional<BuildState> ParseBuildState(std::string_view name) {
  for (auto s : {BuildState::kQueued, BuildState::kRunning, BuildState::kSucceeded,
                 BuildState::kFailed, BuildState::kCancelled}) {
    if (BuildStateName(s) == name) return s;
  }
  return std::nullopt;
}

bool IsFinal(BuildState state) {
  return state != BuildState::kQueued && state != BuildState::kRunning;
}

std::string_view BuildEventName(BuildEvent event) {
  switch (event) {
    case BuildEvent::kStarted:
      return "started";
    case BuildEvent::kSucceeded:
      return "succeeded";
    case BuildEvent::kFailed:
      return "failed";
    case BuildEvent::kCancelled:
      return "cancelled";
  }
  return "";
}

const std::vector<BuildTransition>& BuildLifecycle() {
  using S = BuildState;
  using E = BuildEvent;
  static const std::vector<BuildTransition> table = {
      {S::kQueued, E::kStarted, S::kRunning},     {S::kQueued, E::kFailed, S::kFailed},
      {S::kQueued, E::kCancelled, S::kCancelled}, {S::kRunning, E::kSucceeded, S::kSucceeded},
      {S::kRunning, E::kFailed, S::kFailed},      {S::kRunning, E::kCancelled, S::kCancelled},
  };
  return table;
}

Result<BuildState> NextBuildState(BuildState from, BuildEvent event) {
  for (const auto& t : BuildLifecycle()) {
    if (t.from == from && t.event == event) return t.to;
  }
  return Conflict("a " + std::string(BuildStateName(from)) + " build cannot become " +
                      std::string(BuildEventName(event)),
                  {{"state", BuildStateName(from)}});
}

std::optional<Millis> BuildDuration(const Build& build, Millis now) {
  if (!build.started_at) return std::nullopt;
  return build.finished_at.value_or(now) - *build.started_at;
}

bool BuildActions::Allows(std::string_view action) const {
  for (const auto& a : allowed) {
    if (a == action) return true;
  }
  return false;
}

std::optional<std::string> BuildActions::ReasonFor(std::string_view action) const {
  for (const auto& [a, reason] : refused) {
    if (a == action) return reason;
  }
  return std::nullopt;
}

BuildActions ComputeBuildActions(const Build& build, bool can_write) {
  using Check = std::optional<std::string>;
  const Check permission =
      can_write ? Check()
                : Check("only admins and the application's owners and developers may do this");
  Check cancel = permission;
  if (IsFinal(build.state)) {
    cancel = "the build already ended (" + std::string(BuildStateName(build.state)) + ")";
  } else if (!build.cancel_requested_by.empty()) {
    cancel = "cancellation was already requested by " + build.cancel_requested_by;
  }
  Check remove = permission;
  if (!IsFinal(build.state)) remove = "cancel the build or wait until it ends before deleting it";

  BuildActions out;
  for (auto& [name, refusal] :
       std::vector<std::pair<std::string, Check>>{{"cancel", cancel}, {"delete", remove}}) {
    if (refusal) {
      out.refused.emplace_back(name, std::move(*refusal));
    } else {
      out.allowed.push_back(name);
    }
  }
  return out;
}

}  // namespace slipway::core
