#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "store/embedded_migrations.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

using Files = std::vector<EmbeddedFile>;
using Names = std::vector<std::string>;

// Dialect-neutral SQL, so the same files serve both runs.
const Files kFirstTwo = {
    {"0001_items.sql", "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL);"},
    {"0002_seed.sql",
     "INSERT INTO items (id, name) VALUES (1, 'a');\n"
     "INSERT INTO items (id, name) VALUES (2, 'b? ''quoted''');"},
};

Files WithThird(const std::string_view sql) {
  Files files = kFirstTwo;
  files.push_back({"0003_third.sql", sql});
  return files;
}

std::int64_t CountRows(Database& db, const std::string& table) {
  return InTx(db, TxMode::kRead,
              [&](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM " + table)->Int(0); });
}

class Migrations : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase({.migrate = false});
};

TEST_F(Migrations, AppliesPendingOnesOnceInOrder) {
  EXPECT_EQ(PendingMigrations(*db_, kFirstTwo), (Names{"0001_items.sql", "0002_seed.sql"}));
  EXPECT_EQ(Migrate(*db_, kFirstTwo), (Names{"0001_items.sql", "0002_seed.sql"}));
  EXPECT_EQ(CountRows(*db_, "items"), 2);
  EXPECT_TRUE(PendingMigrations(*db_, kFirstTwo).empty());
  EXPECT_TRUE(Migrate(*db_, kFirstTwo).empty());  // idempotent
  EXPECT_EQ(CountRows(*db_, "items"), 2);

  auto files = WithThird("INSERT INTO items (id, name) VALUES (3, 'c');");
  EXPECT_EQ(PendingMigrations(*db_, files), (Names{"0003_third.sql"}));
  EXPECT_EQ(Migrate(*db_, files), (Names{"0003_third.sql"}));
  EXPECT_EQ(CountRows(*db_, "items"), 3);

  auto recorded = InTx(*db_, TxMode::kRead, [](Tx& tx) {
    return tx.Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  });
  ASSERT_EQ(recorded.size(), 3u);
  EXPECT_EQ(recorded[0].Int("version"), 1);
  EXPECT_EQ(recorded[2].Text("name"), "0003_third.sql");
  EXPECT_GT(recorded[2].Int("applied_at"), 1'600'000'000'000);
}

TEST_F(Migrations, AFailingMigrationLeavesNoTrace) {
  Migrate(*db_, kFirstTwo);
  auto files = WithThird(
      "CREATE TABLE half (id BIGINT PRIMARY KEY);\n"
      "INSERT INTO no_such_table (id) VALUES (1);");
  EXPECT_THROW(Migrate(*db_, files), DbError);
  EXPECT_EQ(PendingMigrations(*db_, files), (Names{"0003_third.sql"}));
  // The table created before the error was rolled back with it.
  EXPECT_EQ(Migrate(*db_, WithThird("CREATE TABLE half (id BIGINT PRIMARY KEY);")),
            (Names{"0003_third.sql"}));
}

TEST_F(Migrations, AMigrationLeavingAForeignKeyThatPointsNowhereFailsAndLeavesNoTrace) {
  // SQLite runs migrations with foreign keys checked at the commit rather
  // than per statement (so tables can be rebuilt); the check must still come.
  Files files = {
      {"0001_parents.sql",
       "CREATE TABLE parents (id BIGINT PRIMARY KEY);\n"
       "CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES "
       "parents(id));"},
      {"0002_orphan.sql", "INSERT INTO children (id, parent_id) VALUES (1, 42);"},
  };
  EXPECT_THROW(Migrate(*db_, files), DbError);
  EXPECT_EQ(PendingMigrations(*db_, files), (Names{"0002_orphan.sql"}));
  EXPECT_EQ(CountRows(*db_, "children"), 0);
  if (db_.dialect() != Dialect::kSqlite) return;
  // Every pooled connection, the migration's among them, enforces them again.
  std::vector<std::unique_ptr<Tx>> all;
  for (int i = 0; i < 4; ++i) all.push_back(db_->Begin(TxMode::kRead));  // the pool's size
  for (auto& tx : all) EXPECT_EQ(tx->QueryOne("PRAGMA foreign_keys")->Int(0), 1);
}

TEST_F(Migrations, OrdersByVersionNumberNotName) {
  Files files = {
      {"10_fill.sql", "INSERT INTO late (id) VALUES (1);"},
      {"9_create.sql", "CREATE TABLE late (id BIGINT PRIMARY KEY);"},
  };
  EXPECT_EQ(Migrate(*db_, files), (Names{"9_create.sql", "10_fill.sql"}));
}

TEST_F(Migrations, RejectsFilesWithoutOrWithDuplicateVersions) {
  EXPECT_THROW(Migrate(*db_, Files{{"init.sql", "SELECT 1;"}}), DbError);
  EXPECT_THROW(PendingMigrations(*db_, Files{{"0001_a.sql", ""}, {"1_b.sql", ""}}), DbError);
}

TEST_F(Migrations, ConcurrentMigratorsApplyEachMigrationOnce) {
  // Two processes starting at once: each sees pending work, only one does each step.
  auto other = db_.OpenAnother(2);
  Names first, second;
  std::thread a([&] { first = Migrate(*db_, kFirstTwo); });
  std::thread b([&] { second = Migrate(*other, kFirstTwo); });
  a.join();
  b.join();
  Names all = first;
  all.insert(all.end(), second.begin(), second.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, (Names{"0001_items.sql", "0002_seed.sql"}));
  EXPECT_EQ(CountRows(*db_, "items"), 2);
  EXPECT_EQ(CountRows(*db_, "schema_migrations"), 2);
}

TEST(CompiledInMigrations, ApplyCleanlyAndOnlyOnce) {
  auto fresh = testing::OpenTestDatabase({.migrate = false});
  const auto& files = fresh.dialect() == Dialect::kSqlite ? sqlite_migrations::Files()
                                                          : postgres_migrations::Files();
  Names names;
  for (const auto& file : files) names.emplace_back(file.name);
  EXPECT_EQ(PendingMigrations(*fresh), names);
  EXPECT_EQ(Migrate(*fresh), names);
  EXPECT_TRUE(PendingMigrations(*fresh).empty());
  EXPECT_TRUE(Migrate(*fresh).empty());
}

TEST(CompiledInMigrations, BothDialectsShipTheSameVersions) {
  const auto& sqlite = sqlite_migrations::Files();
  const auto& postgres = postgres_migrations::Files();
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) EXPECT_EQ(sqlite[i].name, postgres[i].name);
}

}  // namespace
}  // namespace slipway::store
