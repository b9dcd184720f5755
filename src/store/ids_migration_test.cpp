// Storage contract: upgrading a database as it was before 0010 (ids could be
// reused on SQLite) keeps every row, index and foreign key, and from then on
// no id is handed out twice, not even one deleted before the upgrade.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "store/embedded_migrations.hpp"
#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

std::vector<EmbeddedFile> Before0010(Dialect dialect) {
  const auto& all =
      dialect == Dialect::kSqlite ? sqlite_migrations::Files() : postgres_migrations::Files();
  std::vector<EmbeddedFile> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [](const EmbeddedFile& f) { return f.name < std::string_view("0010"); });
  return out;
}

std::int64_t NewEnv(Tx& tx, std::int64_t app, std::int64_t cluster, const std::string& type) {
  return tx
      .QueryOne(
          "INSERT INTO environments (app_id, env_type, cluster_id, namespace, spec, created_by, "
          "created_at, "
          "updated_at) VALUES (?, ?, ?, 'ns', '{}', 'alice', 1, 1) RETURNING id",
          {app, type, cluster})
      ->Int(0);
}

std::int64_t Count(Database& db, const std::string& sql, const Params& params = {}) {
  return InTx(db, TxMode::kRead, [&](Tx& tx) { return tx.QueryOne(sql, params)->Int(0); });
}

TEST(IdsMigration, UpgradingKeepsTheRowsAndNeverHandsADeletedIdOutAgain) {
  auto db = testing::OpenTestDatabase({.migrate = false});
  Migrate(*db, Before0010(db.dialect()));
  struct Before {
    std::int64_t app, cluster, kept, deleted;
  };
  auto before = InTx(*db, TxMode::kWrite, [](Tx& tx) {
    Before b;
    b.app = tx.QueryOne(
                  "INSERT INTO apps (name, team, type, level, status, created_at, updated_at) "
                  "VALUES ('shop', 'trade', 'self_developed', 'core', 'online', 1, 1) RETURNING id")
                ->Int(0);
    b.cluster =
        tx.QueryOne(
              "INSERT INTO clusters (name, connection, config_backend, created_at, updated_at) "
              "VALUES ('east', 'sandbox', 'consul', 1, 1) RETURNING id")
            ->Int(0);
    b.kept = NewEnv(tx, b.app, b.cluster, "test");
    b.deleted = NewEnv(tx, b.app, b.cluster, "prod");
    tx.Exec(
        "INSERT INTO config_drafts (env_id, file_name, content, base_version, base_content, "
        "created_by, "
        "updated_by, created_at, updated_at) VALUES (?, 'a.properties', 'x=1', 0, '', 'alice', "
        "'alice', 1, 1)",
        {b.kept});
    tx.Exec(
        "INSERT INTO changes (app_id, env_id, type, state, title, created_by, created_at, "
        "updated_at) "
        "VALUES (?, ?, 'code', 'developing', 't', 'alice', 1, 1)",
        {b.app, b.deleted});
    tx.Exec(
        "INSERT INTO env_operations (env_id, app_id, kind, actor, created_at) VALUES (?, ?, "
        "'delete', 'bob', 1)",
        {b.deleted, b.app});
    // The newest environment deleted before the upgrade: its id is still named above.
    tx.Exec("DELETE FROM environments WHERE id = ?", {b.deleted});
    return b;
  });

  Migrate(*db);

  EXPECT_EQ(Count(*db, "SELECT count(*) FROM environments WHERE id = ?", {before.kept}), 1);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM config_drafts WHERE env_id = ?", {before.kept}), 1);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM changes WHERE close_reason = ''"), 1);
  auto next = InTx(*db, TxMode::kWrite,
                   [&](Tx& tx) { return NewEnv(tx, before.app, before.cluster, "prod"); });
  EXPECT_GT(next, before.deleted)
      << "the id of an environment deleted before the upgrade was handed out again";
  // The rebuilt tables still carry their foreign keys: drafts go with their environment.
  InTx(*db, TxMode::kWrite,
       [&](Tx& tx) { tx.Exec("DELETE FROM environments WHERE id = ?", {before.kept}); });
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM config_drafts"), 0);
  EXPECT_THROW(InTx(*db, TxMode::kWrite,
                    [&](Tx& tx) { tx.Exec("DELETE FROM apps WHERE id = ?", {before.app}); }),
               DbError);
}

}  // namespace
}  // namespace slipway::store
