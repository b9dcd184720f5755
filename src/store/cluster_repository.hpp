#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/environments/cluster.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// A cluster as stored: the kubeconfig only in its sealed form
/// (`cluster.kubeconfig` is empty; services unseal it).
struct ClusterRow {
  core::Cluster cluster;
  std::string kubeconfig_sealed;
};

/// Clusters. All functions run inside the caller's transaction.
namespace clusters {

/// Inserts and returns the id; UniqueViolation on a duplicate name.
std::int64_t Insert(Tx& tx, const ClusterRow& row);
std::optional<ClusterRow> Get(Tx& tx, std::int64_t id);
/// By numeric id or by name.
std::optional<ClusterRow> GetByRef(Tx& tx, const std::string& ref);
/// Every cluster, by name.
std::vector<ClusterRow> List(Tx& tx);
/// Writes every field if the stored version is `version - 1`; false when stale.
bool Update(Tx& tx, const ClusterRow& row);
/// False when absent.
bool Delete(Tx& tx, std::int64_t id);

}  // namespace clusters
}  // namespace slipway::store
