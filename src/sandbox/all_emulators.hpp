#pragma once
#include <chrono>

#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {

/// What can be tuned in the whole sandbox (`sandbox:` in the configuration,
/// flags of `slipway sandbox`).
struct SandboxSettings {
  /// Kubernetes: from a pod's creation to Running and Ready.
  std::chrono::milliseconds pod_ready_delay{1500};
  /// Kubernetes: how often the emulated controllers (kubelet, ReplicaSet,
  /// Deployment) run; a pod turns Ready at the first round after its delay.
  std::chrono::milliseconds kubernetes_tick{100};
};

/// Adds an emulator of every external system to `host` (the sandbox that
/// `slipway sandbox` and the embedded default of `slipway serve` run).
void AddAllEmulators(SandboxHost& host, const SandboxSettings& settings = {});

}  // namespace slipway::sandbox
