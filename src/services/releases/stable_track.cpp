#include "services/releases/stable_track.hpp"

namespace slipway::services {

bool RetryableClusterError(const core::Error& e) {
  return e.code == core::Code::kTransient || e.code == core::Code::kConflict;
}

core::Result<StableState> ReadStable(connectors::Kubernetes& kube, const ReleaseRunner::Loaded& l) {
  auto deployment = kube.Get(connectors::kube::kDeployments, l.env.namespace_name,
                             core::DeploymentName(l.app.name, core::kTrackStable));
  if (!deployment.ok()) return deployment.error();
  auto pods = kube.ListPods(l.env.namespace_name,
                            core::PodSelector(l.app.name, l.env.env_type, core::kTrackStable));
  if (!pods.ok()) return pods.error();
  return StableState{connectors::EvaluateRollout(*deployment), AssessPods(*pods, l.release.image)};
}

std::string ReadyText(int ready, int total) {
  return std::to_string(ready) + " of " + std::to_string(total) + " pods ready";
}

}  // namespace slipway::services
