#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/environments/cluster.hpp"
#include "services/environments/cluster_commands.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/context.hpp"
#include "services/platform/secret_box.hpp"
#include "services/platform/settings.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// The outcome of asking a cluster's API server for /version.
struct Connectivity {
  bool ok = false;
  std::string version;  ///< gitVersion when ok
  std::string error;    ///< why not, when not ok
  core::Millis checked_at = 0;
};

struct ClusterView {
  core::Cluster cluster;  ///< kubeconfig always empty: secrets are never shown
  bool has_kubeconfig = false;
  std::optional<Connectivity> connectivity;  ///< the last check, if any
  std::int64_t environments = 0;
};

/// Clusters environments deploy into (issue 4). Admins register and change
/// them; every signed-in user may list them. Kubeconfigs are sealed at rest.
/// Thread-safe.
class ClusterService {
 public:
  ClusterService(store::Database& db, const core::Clock& clock, const SecretBox& secrets,
                 Connections& connections, EnvironmentSettings settings);

  /// Checks connectivity at once; a cluster that cannot be reached is still
  /// registered (and says so), since networks come and go.
  core::Result<ClusterView> Register(const RequestContext& ctx,
                                     const RegisterClusterCommand& command);
  core::Result<std::vector<ClusterView>> List(const RequestContext& ctx);
  /// With a fresh connectivity check.
  core::Result<ClusterView> Get(const RequestContext& ctx, const std::string& ref);
  /// Conflict when `command.version` is not the cluster's; nothing changes
  /// (and the version stays) when every setting given is the one it has.
  core::Result<ClusterView> Edit(const RequestContext& ctx, const std::string& ref,
                                 const EditClusterCommand& command);
  /// Refused while environments use the cluster.
  core::Status Delete(const RequestContext& ctx, const std::string& ref);

  /// Registers the in-process sandbox's cluster as `sandbox` unless a
  /// cluster of that name exists, and keeps the registry of the one it
  /// registered equal to `registry_host`: the emulators of this run may
  /// listen on other ports than the last run's. For `serve`'s embedded default.
  void EnsureSandboxCluster(const std::string& registry_host);

  /// A client for the cluster, reused while the cluster is unchanged.
  core::Result<std::shared_ptr<connectors::Kubernetes>> Client(std::int64_t cluster_id);

  const EnvironmentSettings& settings() const { return settings_; }

 private:
  Connectivity Check(const core::Cluster& cluster);
  core::Result<std::shared_ptr<connectors::Kubernetes>> ClientFor(const core::Cluster& cluster);
  ClusterView View(store::Tx& tx, const core::Cluster& cluster, bool has_kubeconfig);
  /// Applies the fields given over `cluster` where they fit it (a name or
  /// connection never changes; a kubeconfig only for connection kubeconfig).
  core::Status ApplyFields(core::Cluster& cluster, const ClusterFields& fields, bool creating);

  store::Database& db_;
  const core::Clock& clock_;
  const SecretBox& secrets_;
  Connections& connections_;
  const EnvironmentSettings settings_;
  std::mutex mutex_;
  struct CachedClient {
    std::int64_t version = 0;
    std::shared_ptr<connectors::Kubernetes> client;
  };
  std::map<std::int64_t, CachedClient> clients_;
  std::map<std::int64_t, Connectivity> connectivity_;
};

}  // namespace slipway::services
