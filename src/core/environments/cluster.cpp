#include "core/environments/cluster.hpp"

namespace slipway::core {

std::string_view ClusterConnectionName(ClusterConnection c) {
  switch (c) {
    case ClusterConnection::kKubeconfig:
      return "kubeconfig";
    case ClusterConnection::kInCluster:
      return "in_cluster";
    case ClusterConnection::kSandbox:
      return "sandbox";
  }
  return "kubeconfig";
}

std::optional<ClusterConnection> ParseClusterConnection(std::string_view s) {
  if (s == "kubeconfig") return ClusterConnection::kKubeconfig;
  if (s == "in_cluster") return ClusterConnection::kInCluster;
  if (s == "sandbox") return ClusterConnection::kSandbox;
  return std::nullopt;
}

std::string_view ConfigBackendName(ConfigBackend b) {
  return b == ConfigBackend::kApollo ? "apollo" : "consul";
}

std::optional<ConfigBackend> ParseConfigBackend(std::string_view s) {
  if (s == "consul") return ConfigBackend::kConsul;
  if (s == "apollo") return ConfigBackend::kApollo;
  return std::nullopt;
}

std::string Cluster::NamespaceFor(const std::string& env_type) const {
  auto it = namespaces.find(env_type);
  return it == namespaces.end() ? env_type : it->second;
}

}  // namespace slipway::core
