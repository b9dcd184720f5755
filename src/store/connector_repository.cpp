#include "store/connector_repository.hpp"

namespace slipway::store::connectors {

namespace {

constexpr const char* kSelect =
    "SELECT id, system, settings, secrets_sealed, updated_by, updated_at, version "
    "FROM connectors ";

ConnectorRow FromRow(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6)};
}

void CountUp(Tx& tx) {
  tx.Exec("UPDATE connector_generation SET generation = generation + 1 WHERE id = 1");
}

}  // namespace

std::optional<ConnectorRow> Get(Tx& tx, const std::string& system) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE system = ?", {system});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<ConnectorRow> List(Tx& tx) {
  std::vector<ConnectorRow> out;
  for (const auto& r : tx.Query(std::string(kSelect) + "ORDER BY system"))
    out.push_back(FromRow(r));
  return out;
}

std::int64_t Put(Tx& tx, const ConnectorRow& row) {
  CountUp(tx);
  auto updated = tx.QueryOne(
      "UPDATE connectors SET settings = ?, secrets_sealed = ?, updated_by = ?, updated_at = ?, "
      "version = version + 1 WHERE system = ? RETURNING version",
      {row.settings_json, row.secrets_sealed, row.updated_by, row.updated_at, row.system});
  if (updated) return updated->Int(0);
  tx.Exec(
      "INSERT INTO connectors (system, settings, secrets_sealed, updated_by, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, 1)",
      {row.system, row.settings_json, row.secrets_sealed, row.updated_by, row.updated_at});
  return 1;
}

bool Delete(Tx& tx, const std::string& system) {
  if (tx.Exec("DELETE FROM connectors WHERE system = ?", {system}) == 0) return false;
  CountUp(tx);
  return true;
}

std::int64_t Generation(Tx& tx) {
  return tx.QueryOne("SELECT generation FROM connector_generation WHERE id = 1")->Int(0);
}

}  // namespace slipway::store::connectors
