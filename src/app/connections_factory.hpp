#pragma once
#include <memory>

#include "app/config.hpp"
#include "connectors/swappable_ports.hpp"
#include "sandbox/sandbox_host.hpp"
#include "services/connectors/connector_service.hpp"
#include "services/platform/connections.hpp"

namespace slipway::app {

/// What each system has without the API: its settings under `connectors:`
/// in the configuration file, else the in-process sandbox's emulator when it
/// runs (`sandbox` not null), else nothing.
services::ConnectorBootstraps BootstrapConnectors(const Config& config,
                                                  const sandbox::SandboxHost* sandbox);

/// The connections `serve` hands to the services. Every system's port is
/// set, to a Swappable whose client Apply replaces while the server runs;
/// it starts with none (each call answers NotConfigured) until the first
/// Apply — ConnectorService::Refresh applies the bootstrap or the API's settings.
class LiveConnections {
 public:
  LiveConnections(const Config& config, const sandbox::SandboxHost* sandbox);

  services::Connections& connections() { return connections_; }
  /// Puts a real client for `settings` behind the system's port (null: none).
  void Apply(core::ConnectorSystem system, const core::ConnectorSettings* settings);

 private:
  std::shared_ptr<connectors::SwappableJenkins> jenkins_;
  std::shared_ptr<connectors::SwappableRegistry> registry_;
  std::shared_ptr<connectors::SwappableApollo> apollo_;
  std::shared_ptr<connectors::SwappableConsul> consul_;
  std::shared_ptr<connectors::SwappableGitLab> gitlab_;
  std::shared_ptr<connectors::SwappableTapd> tapd_;
  std::shared_ptr<connectors::SwappableDns> dns_;
  services::Connections connections_;
};

}  // namespace slipway::app
