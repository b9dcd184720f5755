#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace slipway::store {

/// A connector an admin set through the API: its settings as JSON, its
/// secrets only sealed (services open them).
struct ConnectorRow {
  std::int64_t id = 0;
  std::string system;
  std::string settings_json;
  std::string secrets_sealed;
  std::string updated_by;
  std::int64_t updated_at = 0;
  std::int64_t version = 0;
};

/// Connectors set through the API. Every change counts the generation up in
/// the same transaction. All functions run inside the caller's transaction.
namespace connectors {

std::optional<ConnectorRow> Get(Tx& tx, const std::string& system);
/// Every stored connector, by system.
std::vector<ConnectorRow> List(Tx& tx);
/// Inserts the system's row or replaces its settings (version + 1); returns
/// the version written.
std::int64_t Put(Tx& tx, const ConnectorRow& row);
/// False when the system had no row (the generation then stays).
bool Delete(Tx& tx, const std::string& system);
/// Counted up by every Put and Delete: a replica whose clients were built at
/// an older generation rebuilds them.
std::int64_t Generation(Tx& tx);

}  // namespace connectors
}  // namespace slipway::store
