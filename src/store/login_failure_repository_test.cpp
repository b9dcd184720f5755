// Contract tests of the login backoff's rows; run on SQLite and PostgreSQL.
#include "store/login_failure_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class LoginFailureRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  std::optional<LoginFailures> Get(const std::string& name, const std::string& address) {
    return InTx(*db_, TxMode::kRead,
                [&](Tx& tx) { return login_failures::Get(tx, name, address); });
  }
  void Put(const LoginFailures& row) {
    InTx(*db_, TxMode::kWrite, [&](Tx& tx) { login_failures::Put(tx, row); });
  }
};

TEST_F(LoginFailureRepositoryTest, OneRowPerNameAndAddress) {
  Put({"ann", "10.0.0.1", 1, 100, 100});
  Put({"ann", "10.0.0.1", 2, 200, 900});  // replaces
  Put({"ann", "10.0.0.2", 1, 150, 150});
  auto first = Get("ann", "10.0.0.1");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->failures, 2);
  EXPECT_EQ(first->last_failure_at, 200);
  EXPECT_EQ(first->blocked_until, 900);
  EXPECT_EQ(Get("ann", "10.0.0.2")->failures, 1);

  InTx(*db_, TxMode::kWrite, [](Tx& tx) { login_failures::Clear(tx, "ann", "10.0.0.2"); });
  EXPECT_FALSE(Get("ann", "10.0.0.2"));
  EXPECT_TRUE(Get("ann", "10.0.0.1"));
}

TEST_F(LoginFailureRepositoryTest, ClearingAUserAndForgettingQuietPairs) {
  Put({"ann", "a", 1, 100, 100});
  Put({"ann", "b", 1, 500, 500});
  Put({"bob", "a", 1, 100, 100});
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { login_failures::DeleteQuietSince(tx, 300); });
  EXPECT_FALSE(Get("ann", "a"));
  EXPECT_FALSE(Get("bob", "a"));
  EXPECT_TRUE(Get("ann", "b"));
  InTx(*db_, TxMode::kWrite, [](Tx& tx) { login_failures::ClearUser(tx, "ann"); });
  EXPECT_FALSE(Get("ann", "b"));
}

}  // namespace
}  // namespace slipway::store
