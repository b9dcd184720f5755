#pragma once
#include "app/config.hpp"
#include "sandbox/sandbox_host.hpp"
#include "services/platform/connections.hpp"

namespace slipway::app {

/// The connections `serve` hands to the services: each system configured
/// under `connectors:` gets its real client; the others lead to the
/// in-process sandbox when it runs (`sandbox` not null), or stay unset.
services::Connections BuildConnections(const Config& config, const sandbox::SandboxHost* sandbox);

}  // namespace slipway::app
