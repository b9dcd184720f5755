#pragma once
// What admins ask of clusters, checked for form at the HTTP edge
// (http/handlers/cluster_input.cpp); the service checks them against the
// cluster they change (names and connections stay, kubeconfigs fit).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/environments/cluster.hpp"

namespace slipway::services {

/// The settings a request gives; the absent ones stay as they are.
struct ClusterFields {
  std::optional<std::string> name;  ///< a DNS label, not an id
  std::optional<std::string> description;
  std::optional<core::ClusterConnection> connection;  ///< kubeconfig or in_cluster, never sandbox
  std::optional<std::string> kubeconfig;  ///< as sent: the service checks it fits the connection
  std::optional<std::map<std::string, std::string>>
      namespaces;  ///< env type → namespace, env types configured
  std::optional<std::string> registry;
  std::optional<core::ConfigBackend> config_backend;
};

/// name and connection are always set.
struct RegisterClusterCommand {
  ClusterFields fields;
};

struct EditClusterCommand {
  std::int64_t version = 0;  ///< the version the edit was made on
  ClusterFields fields;
};

}  // namespace slipway::services
