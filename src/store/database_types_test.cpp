// Storage contract: values, statements and results behave alike in both dialects.
#include <gtest/gtest.h>

#include <limits>

#include "store/database.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class DatabaseTypes : public ::testing::Test {
 protected:
  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [](Tx& tx) {
      tx.Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT)");
    });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase({.migrate = false});
};

TEST_F(DatabaseTypes, ValuesRoundTrip) {
  const std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  const std::string unicode = "héllo, 世界 🚀 \"quoted\" 'single' ? $1 \\";
  const std::string big(100'000, 'x');
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    const char* insert = "INSERT INTO t (id, i, r, s) VALUES (?, ?, ?, ?)";
    tx.Exec(insert, {1, nullptr, nullptr, nullptr});
    tx.Exec(insert, {2, kMin, 0.1, std::string()});
    tx.Exec(insert, {3, kMax, 1e300, unicode});
    tx.Exec(insert, {4, 0, -2.5e-300, big});
    tx.Exec(insert, {5, -1, 0.1 + 0.2, std::string("0")});
  });
  auto rows = InTx(*db_, TxMode::kRead,
                   [](Tx& tx) { return tx.Query("SELECT id, i, r, s FROM t ORDER BY id"); });
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_TRUE(rows[0].IsNull("i"));
  EXPECT_TRUE(rows[0].IsNull("r"));
  EXPECT_TRUE(rows[0].IsNull("s"));
  EXPECT_EQ(rows[0].OptText("s"), std::nullopt);
  EXPECT_EQ(rows[1].Int("i"), kMin);
  EXPECT_EQ(rows[1].Real("r"), 0.1);
  EXPECT_FALSE(rows[1].IsNull("s"));
  EXPECT_EQ(rows[1].Text("s"), "");
  EXPECT_EQ(rows[2].Int("i"), kMax);
  EXPECT_EQ(rows[2].Real("r"), 1e300);
  EXPECT_EQ(rows[2].Text("s"), unicode);
  EXPECT_EQ(rows[3].Int("i"), 0);
  EXPECT_EQ(rows[3].Real("r"), -2.5e-300);
  EXPECT_EQ(rows[3].Text("s"), big);
  EXPECT_EQ(rows[4].Int("i"), -1);
  EXPECT_EQ(rows[4].Real("r"), 0.1 + 0.2);  // all 17 digits survive
  EXPECT_EQ(rows[4].Text("s"), "0");
}

TEST_F(DatabaseTypes, ParametersCompareAndFilter) {
  InTx(*db_, TxMode::kWrite, [](Tx& tx) {
    for (std::int64_t id = 1; id <= 5; ++id) {
      tx.Exec("INSERT INTO t (id, i, s) VALUES (?, ?, ?)", {id, id * 10, "n" + std::to_string(id)});
    }
  });
  InTx(*db_, TxMode::kRead, [](Tx& tx) {
    auto rows = tx.Query("SELECT id FROM t WHERE i >= ? AND s <> ? ORDER BY id DESC LIMIT ?",
                         {20, std::string("n4"), 2});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].Int(0), 5);
    EXPECT_EQ(rows[1].Int(0), 3);
    auto count = tx.QueryOne("SELECT count(*) AS n, sum(i) AS total FROM t");
    ASSERT_TRUE(count);
    EXPECT_EQ(count->Int("n"), 5);
    EXPECT_EQ(count->Int("total"), 150);
    EXPECT_FALSE(tx.QueryOne("SELECT id FROM t WHERE id = ?", {99}));
    // Booleans computed by the database read the same in both dialects.
    auto flags = tx.QueryOne("SELECT 1 = 1 AS yes, 1 = 2 AS no");
    EXPECT_TRUE(flags->Bool("yes"));
    EXPECT_FALSE(flags->Bool("no"));
  });
}

TEST_F(DatabaseTypes, ReturningAndChangeCounts) {
  InTx(*db_, TxMode::kWrite, [](Tx& tx) {
    auto inserted =
        tx.QueryOne("INSERT INTO t (id, s) VALUES (?, ?) RETURNING id, s", {7, std::string("a")});
    ASSERT_TRUE(inserted);
    EXPECT_EQ(inserted->Int("id"), 7);
    EXPECT_EQ(inserted->Text("s"), "a");
    EXPECT_EQ(tx.Exec("INSERT INTO t (id, s) VALUES (8, 'b'), (9, 'c')"), 2);
    EXPECT_EQ(tx.Exec("UPDATE t SET i = 1 WHERE id >= ?", {8}), 2);
    EXPECT_EQ(tx.Exec("UPDATE t SET i = 1 WHERE id = ?", {100}), 0);
    auto updated = tx.Query("UPDATE t SET i = i + 1 RETURNING id, i");
    EXPECT_EQ(updated.size(), 3u);
    EXPECT_EQ(tx.Exec("DELETE FROM t WHERE id = ?", {9}), 1);
    // Statements that change no rows report 0, not the previous statement's count.
    EXPECT_EQ(tx.Exec("CREATE TABLE other (id BIGINT PRIMARY KEY)"), 0);
    EXPECT_EQ(tx.Exec("SELECT id FROM t"), 0);
  });
}

TEST_F(DatabaseTypes, ScriptsRunSeveralStatements) {
  InTx(*db_, TxMode::kWrite, [](Tx& tx) {
    tx.ExecScript(
        "CREATE TABLE a (id BIGINT PRIMARY KEY);\n"
        "-- a comment with a ? mark\n"
        "INSERT INTO a (id) VALUES (1);\n"
        "INSERT INTO a (id) VALUES (2);\n");
    EXPECT_EQ(tx.QueryOne("SELECT count(*) FROM a")->Int(0), 2);
  });
}

TEST_F(DatabaseTypes, MalformedStatementsThrowDbError) {
  for (const char* sql : {"SELEKT 1", "SELECT * FROM no_such_table", "SELECT 1; SELECT 2", ""}) {
    auto tx = db_->Begin();
    EXPECT_THROW(tx->Query(sql), DbError) << sql;
  }
  auto tx = db_->Begin();
  EXPECT_THROW(tx->Exec("INSERT INTO t (id) VALUES (?)", {}), DbError);
}

TEST_F(DatabaseTypes, ReportsDialectAndPings) {
  EXPECT_TRUE(db_->Ping());
  auto tx = db_->Begin(TxMode::kRead);
  EXPECT_EQ(tx->dialect(), db_->dialect());
  EXPECT_EQ(db_->dialect(), db_.url().empty() ? Dialect::kSqlite : Dialect::kPostgres);
}

}  // namespace
}  // namespace slipway::store
