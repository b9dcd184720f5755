// Storage contract: transactions commit, roll back and retry alike in both dialects.
#include <gtest/gtest.h>

#include "core/common/error.hpp"
#include "store/database.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class DatabaseTx : public ::testing::Test {
 protected:
  void SetUp() override {
    InTx(*db_, TxMode::kWrite, [](Tx& tx) {
      tx.Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT UNIQUE, n BIGINT)");
    });
  }

  std::int64_t Count() {
    return InTx(*db_, TxMode::kRead,
                [](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM t")->Int(0); });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase({.migrate = false});
};

TEST_F(DatabaseTx, DuplicateKeysThrowUniqueViolation) {
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { tx.Exec("INSERT INTO t (id, name) VALUES (1, 'a')"); });
  {
    auto tx = db_->Begin();
    EXPECT_THROW(tx->Exec("INSERT INTO t (id, name) VALUES (1, 'b')"), UniqueViolation);
  }
  {
    auto tx = db_->Begin();
    EXPECT_THROW(tx->Exec("INSERT INTO t (id, name) VALUES (2, 'a')"), UniqueViolation);
  }
  // Not transient: InTx gives up at once.
  int attempts = 0;
  EXPECT_THROW(InTx(*db_, TxMode::kWrite,
                    [&](Tx& tx) {
                      ++attempts;
                      tx.Exec("INSERT INTO t (id, name) VALUES (3, 'a')");
                    }),
               UniqueViolation);
  EXPECT_EQ(attempts, 1);
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTx, DestroyingAnUncommittedTransactionRollsBack) {
  {
    auto tx = db_->Begin();
    tx->Exec("INSERT INTO t (id) VALUES (1)");
    EXPECT_EQ(tx->QueryOne("SELECT count(*) FROM t")->Int(0), 1);
  }
  EXPECT_EQ(Count(), 0);
  // The connection went back to the pool clean: the next transaction works.
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { tx.Exec("INSERT INTO t (id) VALUES (1)"); });
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTx, AResultReportingAFailureRollsBackWhatWasWritten) {
  // A refused request changes nothing, wherever in its work it found the reason.
  auto refused = InTx(*db_, TxMode::kWrite, [](Tx& tx) -> core::Status {
    tx.Exec("INSERT INTO t (id) VALUES (1)");
    return core::Conflict("found the reason after writing");
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(Count(), 0);
  auto done = InTx(*db_, TxMode::kWrite, [](Tx& tx) -> core::Result<std::int64_t> {
    tx.Exec("INSERT INTO t (id) VALUES (2)");
    return 2;
  });
  EXPECT_TRUE(done.ok());
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTx, CommitsBecomeVisibleToOtherConnections) {
  auto writer = db_->Begin(TxMode::kWrite);
  writer->Exec("INSERT INTO t (id) VALUES (1)");
  {
    auto reader = db_->Begin(TxMode::kRead);  // a second pooled connection
    EXPECT_EQ(reader->QueryOne("SELECT count(*) FROM t")->Int(0), 0);
  }
  writer->Commit();
  auto reader = db_->Begin(TxMode::kRead);
  EXPECT_EQ(reader->QueryOne("SELECT count(*) FROM t")->Int(0), 1);
  // A second pool, as another process would have, sees it too.
  auto other = db_.OpenAnother();
  auto other_reader = other->Begin(TxMode::kRead);
  EXPECT_EQ(other_reader->QueryOne("SELECT count(*) FROM t")->Int(0), 1);
}

TEST_F(DatabaseTx, UseAfterCommitThrows) {
  auto tx = db_->Begin();
  tx->Exec("INSERT INTO t (id) VALUES (1)");
  tx->Commit();
  EXPECT_THROW(tx->Exec("INSERT INTO t (id) VALUES (2)"), DbError);
  EXPECT_THROW(tx->Commit(), DbError);
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTx, InTxRetriesTransientFailuresWithAFreshTransaction) {
  int attempts = 0;
  auto result = InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    ++attempts;
    // The failed attempts' inserts are rolled back, so this never collides.
    tx.Exec("INSERT INTO t (id) VALUES (1)");
    if (attempts < 3) throw DbError("simulated busy", /*transient=*/true);
    return std::string("done");
  });
  EXPECT_EQ(result, "done");
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTx, InTxGivesUpOnPermanentErrorsAndAfterTheLastAttempt) {
  int attempts = 0;
  EXPECT_THROW(InTx(*db_, TxMode::kWrite,
                    [&](Tx&) {
                      ++attempts;
                      throw DbError("permanent");
                    }),
               DbError);
  EXPECT_EQ(attempts, 1);
  attempts = 0;
  try {
    InTx(
        *db_, TxMode::kWrite,
        [&](Tx&) {
          ++attempts;
          throw DbError("always busy", /*transient=*/true);
        },
        /*attempts=*/3);
    ADD_FAILURE() << "InTx returned";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.transient());
  }
  EXPECT_EQ(attempts, 3);
}

TEST_F(DatabaseTx, ReadTransactionsRunBesideAWriter) {
  auto writer = db_->Begin(TxMode::kWrite);
  writer->Exec("INSERT INTO t (id) VALUES (1)");
  auto reader1 = db_->Begin(TxMode::kRead);
  auto reader2 = db_->Begin(TxMode::kRead);
  EXPECT_EQ(reader1->QueryOne("SELECT count(*) FROM t")->Int(0), 0);
  EXPECT_EQ(reader2->QueryOne("SELECT count(*) FROM t")->Int(0), 0);
  writer->Commit();
}

TEST_F(DatabaseTx, AFailedStatementDoesNotLeakIntoTheNextTransaction) {
  {
    auto tx = db_->Begin();
    tx->Exec("INSERT INTO t (id) VALUES (1)");
    EXPECT_THROW(tx->Exec("INSERT INTO nowhere VALUES (1)"), DbError);
  }
  EXPECT_EQ(Count(), 0);
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { tx.Exec("INSERT INTO t (id) VALUES (2)"); });
  EXPECT_EQ(Count(), 1);
}

}  // namespace
}  // namespace slipway::store
