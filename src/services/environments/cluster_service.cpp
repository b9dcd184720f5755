#include "services/environments/cluster_service.hpp"

#include <boost/json.hpp>

#include "connectors/kubernetes/kubeconfig.hpp"
#include "core/common/names.hpp"
#include "services/platform/audit_log.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

// Whether an edit left every setting as it was (a new kubeconfig always counts as a change).
bool SameSettings(const core::Cluster& a, const core::Cluster& b) {
  return a.description == b.description && a.connection == b.connection &&
         a.namespaces == b.namespaces && a.registry == b.registry &&
         a.config_backend == b.config_backend;
}

}  // namespace

ClusterService::ClusterService(store::Database& db, const core::Clock& clock,
                               const SecretBox& secrets, Connections& connections,
                               EnvironmentSettings settings)
    : db_(db),
      clock_(clock),
      secrets_(secrets),
      connections_(connections),
      settings_(std::move(settings)) {}

core::Status ClusterService::ApplyFields(core::Cluster& c, const ClusterFields& f, bool creating) {
  if (f.name) {
    if (!creating && *f.name != c.name)
      return core::Invalid("name cannot change", {{"field", "name"}});
    c.name = *f.name;
  }
  if (f.description) c.description = *f.description;
  if (f.connection) {
    if (!creating && *f.connection != c.connection) {
      return core::Invalid("connection cannot change", {{"field", "connection"}});
    }
    c.connection = *f.connection;
  }
  if (f.kubeconfig) {
    if (c.connection != core::ClusterConnection::kKubeconfig) {
      return core::Invalid("kubeconfig applies only to connection kubeconfig",
                           {{"field", "kubeconfig"}});
    }
    auto parsed = connectors::ParseInlineKubeconfig(*f.kubeconfig, "kubeconfig");
    if (!parsed.ok()) return core::Invalid(parsed.error().message, {{"field", "kubeconfig"}});
    c.kubeconfig = *f.kubeconfig;
  } else if (creating && c.connection == core::ClusterConnection::kKubeconfig) {
    return core::Invalid("kubeconfig is required for connection kubeconfig",
                         {{"field", "kubeconfig"}});
  }
  if (f.namespaces) c.namespaces = *f.namespaces;
  if (f.registry) c.registry = *f.registry;
  if (f.config_backend) c.config_backend = *f.config_backend;
  return core::Ok{};
}

core::Result<ClusterView> ClusterService::Register(const RequestContext& ctx,
                                                   const RegisterClusterCommand& command) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may register clusters");
  core::Cluster cluster;
  if (auto status = ApplyFields(cluster, command.fields, true); !status.ok()) return status.error();
  cluster.created_at = cluster.updated_at = clock_.Now();
  store::ClusterRow row{cluster,
                        cluster.kubeconfig.empty() ? "" : secrets_.Seal(cluster.kubeconfig)};
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    if (store::clusters::GetByRef(tx, cluster.name)) {
      return core::Conflict("a cluster named " + cluster.name + " exists", {{"field", "name"}});
    }
    auto new_id = store::clusters::Insert(tx, row);
    RecordAudit(tx, clock_, ctx, "cluster.register", "cluster", std::to_string(new_id),
                "registered cluster " + cluster.name + " (" +
                    std::string(core::ClusterConnectionName(cluster.connection)) + ")");
    return new_id;
  });
  if (!id.ok()) return id.error();
  return Get(ctx, std::to_string(*id));
}

core::Result<std::vector<ClusterView>> ClusterService::List(const RequestContext&) {
  return store::InTx(db_, TxMode::kRead,
                     [&](store::Tx& tx) -> core::Result<std::vector<ClusterView>> {
                       std::vector<ClusterView> out;
                       for (const auto& row : store::clusters::List(tx))
                         out.push_back(View(tx, row.cluster, !row.kubeconfig_sealed.empty()));
                       return out;
                     });
}

core::Result<ClusterView> ClusterService::Get(const RequestContext&, const std::string& ref) {
  auto row = store::InTx(db_, TxMode::kRead,
                         [&](store::Tx& tx) { return store::clusters::GetByRef(tx, ref); });
  if (!row) return core::NotFound("no cluster " + ref);
  auto cluster = row->cluster;
  if (!row->kubeconfig_sealed.empty()) {
    auto plain = secrets_.Open(row->kubeconfig_sealed);
    if (!plain.ok()) return plain.error();
    cluster.kubeconfig = *plain;
  }
  Check(cluster);  // outside any transaction: it talks to the cluster
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<ClusterView> {
    return View(tx, row->cluster, !row->kubeconfig_sealed.empty());
  });
}

core::Result<ClusterView> ClusterService::Edit(const RequestContext& ctx, const std::string& ref,
                                               const EditClusterCommand& command) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may change clusters");
  auto done = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    auto row = store::clusters::GetByRef(tx, ref);
    if (!row) return core::NotFound("no cluster " + ref);
    if (command.version != row->cluster.version) {
      return core::Conflict("the cluster was changed by someone else; reload and retry",
                            {{"current_version", row->cluster.version}});
    }
    if (row->cluster.connection == core::ClusterConnection::kSandbox && command.fields.kubeconfig) {
      return core::Invalid("the sandbox cluster has no kubeconfig", {{"field", "kubeconfig"}});
    }
    auto cluster = row->cluster;
    if (auto status = ApplyFields(cluster, command.fields, false); !status.ok())
      return status.error();
    if (cluster.kubeconfig.empty() && SameSettings(cluster, row->cluster))
      return cluster.id;  // the version stays
    if (!cluster.kubeconfig.empty()) row->kubeconfig_sealed = secrets_.Seal(cluster.kubeconfig);
    cluster.kubeconfig.clear();
    cluster.version += 1;
    cluster.updated_at = clock_.Now();
    row->cluster = cluster;
    if (!store::clusters::Update(tx, *row))
      return core::Conflict("the cluster was changed concurrently; retry");
    RecordAudit(tx, clock_, ctx, "cluster.edit", "cluster", std::to_string(cluster.id),
                "changed cluster " + cluster.name);
    return cluster.id;
  });
  if (!done.ok()) return done.error();
  return Get(ctx, std::to_string(*done));
}

core::Status ClusterService::Delete(const RequestContext& ctx, const std::string& ref) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may remove clusters");
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    auto row = store::clusters::GetByRef(tx, ref);
    if (!row) return core::NotFound("no cluster " + ref);
    auto used = store::environments::CountOnCluster(tx, row->cluster.id);
    if (used > 0) {
      return core::Conflict("cluster " + row->cluster.name + " still has " + std::to_string(used) +
                                " environment(s); delete them first",
                            {{"environments", used}});
    }
    store::clusters::Delete(tx, row->cluster.id);
    RecordAudit(tx, clock_, ctx, "cluster.delete", "cluster", std::to_string(row->cluster.id),
                "removed cluster " + row->cluster.name);
    return row->cluster.id;
  });
  if (!id.ok()) return id.error();
  std::lock_guard lock(mutex_);
  clients_.erase(*id);
  connectivity_.erase(*id);
  return core::Ok{};
}

void ClusterService::EnsureSandboxCluster(const std::string& registry_host) {
  store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
    if (auto row = store::clusters::GetByRef(tx, "sandbox")) {
      auto& c = row->cluster;
      if (c.connection != core::ClusterConnection::kSandbox || c.registry == registry_host)
        return 0;
      const std::string summary =
          "the sandbox's registry moved from " + c.registry + " to " + registry_host;
      c.registry = registry_host;
      c.version += 1;
      c.updated_at = clock_.Now();
      store::clusters::Update(tx, *row);
      RecordAudit(tx, clock_, {{0, "system", core::Role::kAdmin}, ""}, "cluster.edit", "cluster",
                  std::to_string(c.id), summary);
      return 0;
    }
    core::Cluster c;
    c.name = "sandbox";
    c.description = "The Kubernetes emulator of Slipway's in-process sandbox (not a real cluster)";
    c.connection = core::ClusterConnection::kSandbox;
    c.registry = registry_host;
    c.config_backend = core::ConfigBackend::kConsul;
    c.created_at = c.updated_at = clock_.Now();
    store::clusters::Insert(tx, {c, ""});
    return 0;
  });
}

core::Result<std::shared_ptr<connectors::Kubernetes>> ClusterService::Client(
    std::int64_t cluster_id) {
  auto row = store::InTx(db_, TxMode::kRead,
                         [&](store::Tx& tx) { return store::clusters::Get(tx, cluster_id); });
  if (!row) return core::NotFound("no cluster " + std::to_string(cluster_id));
  {
    std::lock_guard lock(mutex_);
    auto it = clients_.find(cluster_id);
    if (it != clients_.end() && it->second.version == row->cluster.version)
      return it->second.client;
  }
  auto cluster = row->cluster;
  if (!row->kubeconfig_sealed.empty()) {
    auto plain = secrets_.Open(row->kubeconfig_sealed);
    if (!plain.ok()) return plain.error();
    cluster.kubeconfig = *plain;
  }
  return ClientFor(cluster);
}

core::Result<std::shared_ptr<connectors::Kubernetes>> ClusterService::ClientFor(
    const core::Cluster& cluster) {
  if (!connections_.kubernetes) return NotConfigured("kubernetes");
  auto client = connections_.kubernetes(cluster);
  if (!client.ok()) return client.error();
  std::lock_guard lock(mutex_);
  clients_[cluster.id] = {cluster.version, *client};
  return *client;
}

Connectivity ClusterService::Check(const core::Cluster& cluster) {
  Connectivity result;
  result.checked_at = clock_.Now();
  auto client = ClientFor(cluster);
  if (!client.ok()) {
    result.error = client.error().message;
  } else if (auto version = (*client)->Version(); !version.ok()) {
    result.error = version.error().message;
  } else {
    result.ok = true;
    if (const auto* v = version->if_contains("gitVersion"); v && v->is_string())
      result.version = std::string(v->as_string());
  }
  std::lock_guard lock(mutex_);
  connectivity_[cluster.id] = result;
  return result;
}

ClusterView ClusterService::View(store::Tx& tx, const core::Cluster& cluster, bool has_kubeconfig) {
  ClusterView view{cluster, has_kubeconfig, std::nullopt,
                   store::environments::CountOnCluster(tx, cluster.id)};
  view.cluster.kubeconfig.clear();
  std::lock_guard lock(mutex_);
  if (auto it = connectivity_.find(cluster.id); it != connectivity_.end())
    view.connectivity = it->second;
  return view;
}

}  // namespace slipway::services
