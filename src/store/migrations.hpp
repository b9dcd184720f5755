#pragma once
#include <string>
#include <vector>

#include "embedded_file.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// Numbered migrations live in store/migrations/<dialect>/NNNN_name.sql and
/// are compiled into the binary. A table `schema_migrations(version, name,
/// applied_at)` records what ran. Each migration runs in its own transaction
/// (TxMode::kSchema: on SQLite, foreign keys are checked at its commit, not
/// statement by statement, so a migration may rebuild a referenced table).

/// Applies every pending migration in order; returns the names applied.
/// Safe to run from several processes at once (PostgreSQL: advisory lock).
std::vector<std::string> Migrate(Database& db);

/// Names of migrations compiled in but not yet applied.
std::vector<std::string> PendingMigrations(Database& db);

/// The same two over an explicit list of files named NNNN_name.sql (version =
/// the leading number); the ones above pass the compiled-in files of the
/// database's dialect. Files must not contain BEGIN/COMMIT. Throws DbError for
/// a name without a version or a version used twice.
std::vector<std::string> Migrate(Database& db, const std::vector<EmbeddedFile>& files);
std::vector<std::string> PendingMigrations(Database& db, const std::vector<EmbeddedFile>& files);

}  // namespace slipway::store
