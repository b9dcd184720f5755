#include "store/sealed_values.hpp"

#include <algorithm>

namespace slipway::store {

const std::vector<SealedColumn>& SealedColumns() {
  static const std::vector<SealedColumn> columns = {
      {"clusters", "kubeconfig_sealed"},
      {"notification_targets", "url_sealed"},
      {"notification_targets", "secret_sealed"},
      {"lanes", "hook_token_sealed"},
      {"lanes", "notify_sealed"},
      {"connectors", "secrets_sealed"},
  };
  return columns;
}

std::vector<SealedValue> ReadSealedValues(Tx& tx) {
  std::vector<SealedValue> values;
  for (const auto& c : SealedColumns()) {
    // Names come from the list above, never from input.
    const std::string sql = std::string("SELECT id, ") + c.column + " FROM " + c.table + " WHERE " +
                            c.column + " <> '' ORDER BY id";
    for (const auto& row : tx.Query(sql))
      values.push_back({c.table, c.column, row.Int(0), row.Text(1)});
  }
  return values;
}

void WriteSealedValue(Tx& tx, const SealedValue& value) {
  const auto known = std::find_if(
      SealedColumns().begin(), SealedColumns().end(),
      [&](const SealedColumn& c) { return value.table == c.table && value.column == c.column; });
  if (known == SealedColumns().end())
    throw DbError("not a sealed column: " + value.table + "." + value.column);
  tx.Exec(std::string("UPDATE ") + known->table + " SET " + known->column + " = ? WHERE id = ?",
          {value.sealed, value.id});
}

std::vector<std::string> SchemaSealedColumns(Tx& tx) {
  std::vector<std::string> found;
  if (tx.dialect() == Dialect::kPostgres) {
    for (const auto& row :
         tx.Query("SELECT table_name, column_name FROM information_schema.columns "
                  "WHERE table_schema = current_schema() AND column_name LIKE '%\\_sealed' "
                  "ORDER BY table_name, column_name")) {
      found.push_back(row.Text(0) + "." + row.Text(1));
    }
  } else {
    for (const auto& table :
         tx.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      for (const auto& column :
           tx.Query("SELECT name FROM pragma_table_info(?)", {table.Text(0)})) {
        if (column.Text(0).ends_with("_sealed"))
          found.push_back(table.Text(0) + "." + column.Text(0));
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace slipway::store
