// Storage contract: the pool and concurrent transactions from several threads.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/database.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

using namespace std::chrono_literals;

// Polls instead of sleeping a fixed time: the condition is reached by another thread.
template <class Pred>
bool Eventually(Pred pred) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(1ms);
  }
  return false;
}

TEST(DatabaseConcurrency, ConcurrentWritersLoseNoUpdates) {
  auto db = testing::OpenTestDatabase({.migrate = false, .pool_size = 3});
  InTx(*db, TxMode::kWrite, [](Tx& tx) {
    tx.Exec("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
    tx.Exec("INSERT INTO counter (id, n) VALUES (1, 0)");
  });
  constexpr int kThreads = 6;  // more than the pool: some callers must wait
  constexpr int kIncrements = 40;
  std::atomic<int> failures{0};
  std::atomic<std::int64_t> reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kIncrements; ++i) {
        try {
          InTx(*db, TxMode::kWrite,
               [](Tx& tx) { tx.Exec("UPDATE counter SET n = n + 1 WHERE id = 1"); });
          if (t % 2 == 0) {
            reads += InTx(*db, TxMode::kRead, [](Tx& tx) {
              return tx.QueryOne("SELECT n FROM counter WHERE id = ?", {1})->Int(0);
            });
          }
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 0);
  auto n =
      InTx(*db, TxMode::kRead, [](Tx& tx) { return tx.QueryOne("SELECT n FROM counter")->Int(0); });
  EXPECT_EQ(n, kThreads * kIncrements);
  auto stats = db->Stats();
  EXPECT_LE(stats.size, 3);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waiting, 0);
}

TEST(DatabaseConcurrency, PoolCountsConnectionsAndWaiters) {
  auto db = testing::OpenTestDatabase({.migrate = false, .pool_size = 2});
  EXPECT_GE(db->Stats().size, 1);  // opened eagerly, so a bad setting fails at start
  EXPECT_EQ(db->Stats().in_use, 0);
  auto first = db->Begin(TxMode::kRead);
  auto second = db->Begin(TxMode::kRead);
  EXPECT_EQ(db->Stats().size, 2);
  EXPECT_EQ(db->Stats().in_use, 2);

  std::atomic<bool> got{false};
  std::thread waiter([&] {
    auto third = db->Begin(TxMode::kRead);  // blocks: the pool is exhausted
    got = true;
  });
  ASSERT_TRUE(Eventually([&] { return db->Stats().waiting == 1; }));
  EXPECT_FALSE(got);
  first.reset();
  waiter.join();
  EXPECT_TRUE(got);
  auto stats = db->Stats();
  EXPECT_EQ(stats.size, 2);
  EXPECT_EQ(stats.in_use, 1);
  EXPECT_EQ(stats.waiting, 0);
}

// SQLite runs one writer at a time; the driver queues the rest in-process.
// (PostgreSQL writers run side by side under row locks, so this does not apply.)
TEST(DatabaseConcurrency, SqliteWritersQueueBehindTheOpenWriter) {
  auto db = testing::OpenTestDatabase({.migrate = false, .pool_size = 4});
  if (db.dialect() != Dialect::kSqlite) GTEST_SKIP() << "SQLite only";
  InTx(*db, TxMode::kWrite,
       [](Tx& tx) { tx.Exec("CREATE TABLE log (id BIGINT PRIMARY KEY, who BIGINT)"); });
  // A writer holding its transaction open; the others wait for it, then go.
  auto holder = db->Begin(TxMode::kWrite);
  holder->Exec("INSERT INTO log (id, who) VALUES (0, 0)");
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int t = 1; t <= 3; ++t) {
    threads.emplace_back([&, t] {
      InTx(
          *db, TxMode::kWrite,
          [&](Tx& tx) {
            auto next = tx.QueryOne("SELECT max(id) + 1 FROM log")->Int(0);
            tx.Exec("INSERT INTO log (id, who) VALUES (?, ?)", {next, t});
          },
          /*attempts=*/20);
      ++done;
    });
  }
  std::this_thread::sleep_for(50ms);  // give them time to pile up behind the holder
  EXPECT_EQ(done, 0);
  holder->Commit();
  holder.reset();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(done, 3);
  auto count = InTx(*db, TxMode::kRead,
                    [](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM log")->Int(0); });
  EXPECT_EQ(count, 4);
}

}  // namespace
}  // namespace slipway::store
