#include "store/cluster_repository.hpp"

#include <boost/json.hpp>

#include "core/common/names.hpp"

namespace slipway::store::clusters {

namespace {

constexpr const char* kSelect =
    "SELECT id, name, description, connection, kubeconfig_sealed, namespaces, registry, "
    "config_backend, created_at, updated_at, version FROM clusters ";

ClusterRow FromRow(const Row& r) {
  ClusterRow row;
  auto& c = row.cluster;
  c.id = r.Int(0);
  c.name = r.Text(1);
  c.description = r.Text(2);
  c.connection =
      core::ParseClusterConnection(r.Text(3)).value_or(core::ClusterConnection::kKubeconfig);
  row.kubeconfig_sealed = r.Text(4);
  auto ns = boost::json::parse(r.Text(5));
  for (const auto& [k, v] : ns.as_object())
    c.namespaces[std::string(k)] = std::string(v.as_string());
  c.registry = r.Text(6);
  c.config_backend = core::ParseConfigBackend(r.Text(7)).value_or(core::ConfigBackend::kConsul);
  c.created_at = r.Int(8);
  c.updated_at = r.Int(9);
  c.version = r.Int(10);
  return row;
}

std::string NamespacesJson(const core::Cluster& c) {
  boost::json::object o;
  for (const auto& [k, v] : c.namespaces) o[k] = v;
  return boost::json::serialize(o);
}

}  // namespace

std::int64_t Insert(Tx& tx, const ClusterRow& row) {
  const auto& c = row.cluster;
  return tx
      .QueryOne(
          "INSERT INTO clusters (name, description, connection, kubeconfig_sealed, namespaces, "
          "registry, "
          "config_backend, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          "RETURNING id",
          {c.name, c.description, std::string(core::ClusterConnectionName(c.connection)),
           row.kubeconfig_sealed, NamespacesJson(c), c.registry,
           std::string(core::ConfigBackendName(c.config_backend)), c.created_at, c.updated_at})
      ->Int(0);
}

std::optional<ClusterRow> Get(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::optional<ClusterRow> GetByRef(Tx& tx, const std::string& ref) {
  if (auto id = core::ParseId(ref)) return Get(tx, *id);
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE name = ?", {ref});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<ClusterRow> List(Tx& tx) {
  std::vector<ClusterRow> out;
  for (const auto& r : tx.Query(std::string(kSelect) + "ORDER BY name")) out.push_back(FromRow(r));
  return out;
}

bool Update(Tx& tx, const ClusterRow& row) {
  const auto& c = row.cluster;
  return tx.Exec(
             "UPDATE clusters SET name = ?, description = ?, connection = ?, kubeconfig_sealed = "
             "?, "
             "namespaces = ?, registry = ?, config_backend = ?, updated_at = ?, version = ? "
             "WHERE id = ? AND version = ?",
             {c.name, c.description, std::string(core::ClusterConnectionName(c.connection)),
              row.kubeconfig_sealed, NamespacesJson(c), c.registry,
              std::string(core::ConfigBackendName(c.config_backend)), c.updated_at, c.version, c.id,
              c.version - 1}) == 1;
}

bool Delete(Tx& tx, std::int64_t id) {
  return tx.Exec("DELETE FROM clusters WHERE id = ?", {id}) == 1;
}

}  // namespace slipway::store::clusters
