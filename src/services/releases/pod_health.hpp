#pragma once
// Whether the pods of one version are up, still coming, or failing — the
// judgement a release step makes after each change it asks the cluster for.
#include <string>
#include <vector>

#include "connectors/kubernetes.hpp"

namespace slipway::services {

struct PodHealth {
  int total = 0;  ///< pods running the image, not terminating
  int ready = 0;
  int restarts = 0;  ///< summed; a change while "stable" restarts the window
  /// Set when waiting longer will not help: "2 pods: ImagePullBackOff (…)".
  std::string failure;
};

/// Looks at the pods that run `image` (others belong to other versions).
/// ImagePullBackOff, CrashLoopBackOff, InvalidImageName and
/// CreateContainerConfigError are failures; ErrImagePull is not yet (the
/// kubelet retries it, and reports ImagePullBackOff when that fails too).
PodHealth AssessPods(const std::vector<connectors::PodSummary>& pods, const std::string& image);

}  // namespace slipway::services
