#pragma once
// Every value the database keeps sealed with the server's secret key (cluster
// kubeconfigs, notification URLs and signing secrets, lanes' hook tokens and
// notification settings, the credentials of connectors set through the API),
// read and rewritten as a whole: what rotating the key re-seals. A migration
// that adds a `*_sealed` column adds it to kSealedColumns (a test compares
// the list with the schema).
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace slipway::store {

struct SealedColumn {
  const char* table;
  const char* column;
};

/// The sealed columns of the schema; each table's key is `id`.
const std::vector<SealedColumn>& SealedColumns();

struct SealedValue {
  std::string table;
  std::string column;
  std::int64_t id = 0;
  std::string sealed;
};

/// Every non-empty sealed value, table by table.
std::vector<SealedValue> ReadSealedValues(Tx& tx);
/// Writes `value.sealed` back to its row and column.
void WriteSealedValue(Tx& tx, const SealedValue& value);

/// "table.column" of every column whose name ends in `_sealed`, from the
/// schema itself (SQLite's table_info, PostgreSQL's information_schema).
std::vector<std::string> SchemaSealedColumns(Tx& tx);

}  // namespace slipway::store
