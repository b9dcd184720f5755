#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.hpp"

namespace slipway::core {

/// How Slipway reaches a cluster's API server.
enum class ClusterConnection {
  kKubeconfig,  ///< a kubeconfig given at registration (kept sealed)
  kInCluster,   ///< the service account of the pod `slipway serve` runs in
  kSandbox,     ///< the Kubernetes emulator of the in-process sandbox
};
std::string_view ClusterConnectionName(ClusterConnection c);
std::optional<ClusterConnection> ParseClusterConnection(std::string_view s);

/// Where an environment's configuration files live (R-CFG-1).
enum class ConfigBackend { kConsul, kApollo };
std::string_view ConfigBackendName(ConfigBackend b);
std::optional<ConfigBackend> ParseConfigBackend(std::string_view s);

/// A Kubernetes cluster environments deploy into.
struct Cluster {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  ClusterConnection connection = ClusterConnection::kKubeconfig;
  /// The kubeconfig in clear; only ever stored sealed.
  std::string kubeconfig;
  /// The namespace each env type deploys into; an env type without an entry
  /// uses a namespace named after the env type.
  std::map<std::string, std::string> namespaces;
  /// The registry the cluster pulls images from (host[:port]).
  std::string registry;
  ConfigBackend config_backend = ConfigBackend::kConsul;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::int64_t version = 1;

  /// The namespace for `env_type`.
  std::string NamespaceFor(const std::string& env_type) const;
};

}  // namespace slipway::core
