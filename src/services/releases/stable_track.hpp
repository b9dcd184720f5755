#pragma once
// What a release reads of the stable track (its Deployment's rollout and its
// pods), and how it judges a failed cluster call; shared by one-shot and
// canary deploys.
#include <string>

#include "connectors/kubernetes.hpp"
#include "services/releases/pod_health.hpp"
#include "services/releases/release_runner.hpp"

namespace slipway::services {

/// A cluster call that failed: worth retrying (unreachable, 5xx, a
/// conflicting write), or the end of the release.
bool RetryableClusterError(const core::Error& e);

struct StableState {
  connectors::RolloutStatus rollout;
  PodHealth health;
};

core::Result<StableState> ReadStable(connectors::Kubernetes& kube, const ReleaseRunner::Loaded& l);

/// "3 of 4 pods ready".
std::string ReadyText(int ready, int total);

}  // namespace slipway::services
