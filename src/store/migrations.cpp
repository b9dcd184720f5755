#include "store/migrations.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/common/clock.hpp"
#include "store/embedded_migrations.hpp"

namespace slipway::store {

namespace {

// Any fixed key works; all Slipway processes sharing a database must agree on it.
constexpr std::string_view kLockSql = "SELECT pg_advisory_xact_lock(7236837239436157217)";

struct Migration {
  std::int64_t version;
  const EmbeddedFile* file;
};

std::vector<Migration> Ordered(const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> out;
  for (const auto& file : files) {
    std::int64_t version = 0;
    const char* end = file.name.data() + file.name.size();
    auto [ptr, ec] = std::from_chars(file.name.data(), end, version);
    if (ec != std::errc() || ptr == file.name.data()) {
      throw DbError("migration " + std::string(file.name) +
                    " does not start with a version number");
    }
    out.push_back({version, &file});
  }
  // By number, so 10_x follows 9_x even without zero padding.
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      throw DbError("migrations " + std::string(out[i - 1].file->name) + " and " +
                    std::string(out[i].file->name) + " share a version");
    }
  }
  return out;
}

const std::vector<EmbeddedFile>& CompiledIn(Dialect dialect) {
  return dialect == Dialect::kSqlite ? sqlite_migrations::Files() : postgres_migrations::Files();
}

// PostgreSQL: one migrator at a time across processes, until the transaction
// ends. SQLite needs nothing: its write transactions are already exclusive.
void LockAgainstOtherMigrators(Tx& tx) {
  if (tx.dialect() == Dialect::kPostgres) tx.Exec(kLockSql);
}

std::set<std::int64_t> AppliedVersions(Tx& tx) {
  std::string_view exists_sql =
      tx.dialect() == Dialect::kSqlite
          ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
          : "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";
  std::set<std::int64_t> versions;
  if (tx.QueryOne(exists_sql)->Int(0) == 0) return versions;
  for (const Row& row : tx.Query("SELECT version FROM schema_migrations")) {
    versions.insert(row.Int(0));
  }
  return versions;
}

}  // namespace

std::vector<std::string> PendingMigrations(Database& db, const std::vector<EmbeddedFile>& files) {
  auto migrations = Ordered(files);
  auto applied = InTx(db, TxMode::kRead, [](Tx& tx) { return AppliedVersions(tx); });
  std::vector<std::string> names;
  for (const auto& m : migrations) {
    if (!applied.count(m.version)) names.emplace_back(m.file->name);
  }
  return names;
}

std::vector<std::string> Migrate(Database& db, const std::vector<EmbeddedFile>& files) {
  auto migrations = Ordered(files);
  InTx(db, TxMode::kWrite, [](Tx& tx) {
    // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL.
    LockAgainstOtherMigrators(tx);
    tx.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  });
  auto applied = InTx(db, TxMode::kRead, [](Tx& tx) { return AppliedVersions(tx); });
  std::vector<std::string> names;
  for (const auto& m : migrations) {
    if (applied.count(m.version)) continue;
    bool ran = InTx(db, TxMode::kSchema, [&](Tx& tx) {
      LockAgainstOtherMigrators(tx);
      // Another process may have applied it since the read above.
      if (tx.QueryOne("SELECT 1 FROM schema_migrations WHERE version = ?", {m.version})) {
        return false;
      }
      tx.ExecScript(m.file->content);
      tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {m.version, std::string(m.file->name), core::SystemClock().Now()});
      return true;
    });
    if (ran) names.emplace_back(m.file->name);
  }
  return names;
}

std::vector<std::string> Migrate(Database& db) { return Migrate(db, CompiledIn(db.dialect())); }

std::vector<std::string> PendingMigrations(Database& db) {
  return PendingMigrations(db, CompiledIn(db.dialect()));
}

}  // namespace slipway::store
