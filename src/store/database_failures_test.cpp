// Storage contract: failures map to transient or permanent DbErrors, and the
// pool heals after a lost connection.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class DatabaseFailures : public ::testing::Test {
 protected:
  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [](Tx& tx) {
      tx.Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT)");
      tx.Exec("INSERT INTO t (id, n) VALUES (1, 0)");
    });
  }

  bool IsPostgres() const { return db_.dialect() == Dialect::kPostgres; }

  testing::TestDatabase db_ = testing::OpenTestDatabase({.migrate = false});
};

TEST_F(DatabaseFailures, SqliteBusyFromAnotherProcessIsTransient) {
  if (IsPostgres()) GTEST_SKIP() << "SQLite only";
  // Another process (here: another pool) holds the write lock past our busy timeout.
  auto other = OpenSqlite({.path = db_.sqlite_path(), .pool_size = 1, .busy_timeout_ms = 20});
  auto holder = db_->Begin(TxMode::kWrite);
  try {
    auto tx = other->Begin(TxMode::kWrite);
    ADD_FAILURE() << "second writer got the lock";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.transient()) << e.what();
  }
  holder.reset();
  InTx(*other, TxMode::kWrite, [](Tx& tx) { tx.Exec("UPDATE t SET n = 1"); });
}

TEST_F(DatabaseFailures, PostgresSerializationFailureIsTransient) {
  if (!IsPostgres()) GTEST_SKIP() << "PostgreSQL only";
  auto first = db_->Begin(TxMode::kWrite);
  first->Exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  first->Query("SELECT n FROM t");  // takes the snapshot
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { tx.Exec("UPDATE t SET n = 5 WHERE id = 1"); });
  try {
    first->Exec("UPDATE t SET n = n + 1 WHERE id = 1");
    ADD_FAILURE() << "no serialization failure";
  } catch (const UniqueViolation&) {
    ADD_FAILURE() << "wrong error type";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.transient()) << e.what();
  }
}

TEST_F(DatabaseFailures, PostgresCommitOfAnAbortedTransactionThrows) {
  if (!IsPostgres()) GTEST_SKIP() << "PostgreSQL only";
  auto tx = db_->Begin();
  tx->Exec("UPDATE t SET n = 7");
  EXPECT_THROW(tx->Exec("INSERT INTO t (id) VALUES (1)"), UniqueViolation);
  // The caller swallowed the error; the server rolls back, and Commit must say so.
  EXPECT_THROW(tx->Commit(), DbError);
  auto n = InTx(*db_, TxMode::kRead, [](Tx& t) { return t.QueryOne("SELECT n FROM t")->Int(0); });
  EXPECT_EQ(n, 0);
}

TEST_F(DatabaseFailures, PostgresReadTransactionsAreReadOnly) {
  if (!IsPostgres()) GTEST_SKIP() << "PostgreSQL only";
  auto tx = db_->Begin(TxMode::kRead);
  EXPECT_THROW(tx->Exec("UPDATE t SET n = 1"), DbError);
}

class PostgresConnectionLoss : public DatabaseFailures {
 protected:
  std::int64_t BackendPid(Tx& tx) { return tx.QueryOne("SELECT pg_backend_pid()")->Int(0); }

  // Waits (up to 5 s) until the server process is gone.
  void Terminate(std::int64_t pid) {
    auto admin = db_.OpenAnother(1);
    InTx(*admin, TxMode::kWrite,
         [&](Tx& tx) { tx.Query("SELECT pg_terminate_backend(?, 5000)", {pid}); });
  }
};

TEST_F(PostgresConnectionLoss, IdleConnectionReconnectsOnNextBegin) {
  if (!IsPostgres()) GTEST_SKIP() << "PostgreSQL only";
  auto db = OpenPostgres({.url = db_.url(), .pool_size = 1});
  auto pid = InTx(*db, TxMode::kRead, [&](Tx& tx) { return BackendPid(tx); });
  Terminate(pid);
  // The pooled connection does not know it is dead until used; Begin heals it.
  auto new_pid = InTx(
      *db, TxMode::kRead, [&](Tx& tx) { return BackendPid(tx); }, 1);
  EXPECT_NE(new_pid, pid);
  EXPECT_TRUE(db->Ping());
}

TEST_F(PostgresConnectionLoss, LossMidTransactionIsTransientAndHeals) {
  if (!IsPostgres()) GTEST_SKIP() << "PostgreSQL only";
  auto db = OpenPostgres({.url = db_.url(), .pool_size = 1});
  {
    auto tx = db->Begin(TxMode::kWrite);
    Terminate(BackendPid(*tx));
    try {
      tx->Exec("UPDATE t SET n = 1");
      ADD_FAILURE() << "statement on a dead connection succeeded";
    } catch (const DbError& e) {
      EXPECT_TRUE(e.transient()) << e.what();
    }
  }
  InTx(
      *db, TxMode::kWrite, [](Tx& tx) { tx.Exec("UPDATE t SET n = 2"); }, 1);
  auto n = InTx(*db, TxMode::kRead, [](Tx& tx) { return tx.QueryOne("SELECT n FROM t")->Int(0); });
  EXPECT_EQ(n, 2);
}

TEST(DatabaseOpen, UnreachableServerIsATransientError) {
  try {
    OpenPostgres({.url = "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"});
    ADD_FAILURE() << "connected to port 1";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.transient()) << e.what();
  }
}

TEST(DatabaseOpen, SqliteRejectsInMemoryAndBadPaths) {
  EXPECT_THROW(OpenSqlite({.path = ":memory:"}), DbError);
  EXPECT_THROW(OpenSqlite({.path = "/nonexistent-dir/x/y.db"}), DbError);
}

}  // namespace
}  // namespace slipway::store
