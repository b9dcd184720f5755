#pragma once
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {

/// Adds an emulator of every external system to `host` (the sandbox that
/// `slipway sandbox` and the embedded default of `slipway serve` run).
void AddAllEmulators(SandboxHost& host);

}  // namespace slipway::sandbox
