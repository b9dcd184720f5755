#pragma once
// Putting an environment's rendered objects into its cluster and taking them
// out again. Shared by environment creation/deletion and the release work.
#include <string>

#include "connectors/kubernetes.hpp"
#include "core/common/error.hpp"
#include "core/environments/render.hpp"

namespace slipway::services {

/// Ensures the namespace, then applies (create-or-replace) the Deployment of
/// `input.track` and, for the stable track, the Services. Idempotent: safe to
/// repeat after a failure or a crash.
core::Status ApplyEnvironmentObjects(connectors::Kubernetes& kube, const core::RenderInput& input);

/// Deletes every Deployment (stable, canary) and Service Slipway manages for
/// the environment (found by its labels); objects already gone are fine.
/// Idempotent.
core::Status DeleteEnvironmentObjects(connectors::Kubernetes& kube, const core::RenderInput& input);

}  // namespace slipway::services
