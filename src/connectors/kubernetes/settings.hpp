#pragma once
#include <chrono>
#include <string>

#include "connectors/http_transport.hpp"

namespace slipway::connectors {

/// How to reach one cluster: built from a kubeconfig or the in-cluster
/// service account (kubeconfig.hpp), or by hand for the sandbox.
struct KubernetesSettings {
  TransportSettings transport;
  std::string default_namespace = "default";  ///< the context's namespace
  /// A watch stream is ended by the server after this long and resumed from
  /// the last seen resourceVersion (keeps dead connections from lingering).
  int watch_timeout_seconds = 300;
  /// First pause before a watch reconnects after an error; doubled up to 10 s.
  std::chrono::milliseconds watch_backoff{250};
};

}  // namespace slipway::connectors
