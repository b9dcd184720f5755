#pragma once
// Waiting for a Terminating namespace to go, by watching it: the step that
// deletes a lane's namespace returns the moment the cluster reports it gone,
// instead of polling its phase every so often.
#include <chrono>
#include <string>

#include "connectors/kubernetes.hpp"

namespace slipway::services::lanes {

/// Watches namespace `name` for up to `limit`: true once the cluster reports
/// it deleted (or its list does not hold it any more), false when the limit
/// passed first or the watch could not start (the caller looks again later).
/// Blocks the calling thread.
bool WaitForNamespaceGone(connectors::Kubernetes& kube, const std::string& name,
                          std::chrono::milliseconds limit);

}  // namespace slipway::services::lanes
