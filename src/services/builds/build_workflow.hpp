#pragma once
#include "engine/registry.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services {

/// The workflow kind that follows one build; its input is {"build_id": N}.
inline constexpr const char* kBuildWorkflow = "build";

/// Registers the `build` workflow kind. Its steps, each re-run safely after
/// a crash because it reads the build row and Jenkins first:
///
/// 1. `trigger`: makes sure the job exists (creating it when
///    settings.create_missing_jobs), records that a trigger is about to be
///    sent, triggers the job and commits the queue id. A run that finds the
///    trigger recorded without a queue id (the process died, or the request
///    timed out, between sending and committing) never triggers again: it
///    looks for the job's build carrying this build's IMAGE parameter and
///    adopts it, or fails the build after settings.trigger_recovery_ms.
/// 2. `queue`: polls the queue item until it has a build number (or was
///    cancelled); cancels the item when a cancel was requested.
/// 3. `follow`: appends new console text to the stored log and polls the
///    build until it has a result; stops it when a cancel was requested.
/// 4. `digest`: reads the image's digest from the registry.
///
/// A step that ends the build (failure, cancellation) succeeds, and the
/// later steps see an ended build and do nothing. `connections` must outlive
/// the engine.
void RegisterBuildWorkflow(engine::Registry& registry, const Connections& connections,
                           BuildSettings settings);

}  // namespace slipway::services
