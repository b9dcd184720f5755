// Contract tests of users, sessions, tokens and audit; run on SQLite and PostgreSQL.
#include "store/user_repository.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/audit_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class UserRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  std::int64_t AddUser(const std::string& name, core::Role role = core::Role::kDeveloper) {
    UserRecord u;
    u.username = name;
    u.role = role;
    u.password_hash = "$argon2id$x";
    u.created_at = u.updated_at = 5;
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return users::Insert(tx, u); });
  }
};

TEST_F(UserRepositoryTest, UsersAreUniqueAndVersioned) {
  auto id = AddUser("alice");
  EXPECT_THROW(AddUser("alice"), UniqueViolation);
  EXPECT_THROW(AddUser("Alice"), UniqueViolation) << "names are unique without regard to case";
  auto u = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return users::GetByName(tx, "ALICE"); }).value();
  EXPECT_EQ(u.id, id);
  EXPECT_EQ(u.role, core::Role::kDeveloper);
  u.role = core::Role::kApprover;
  u.version = 2;
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return users::Update(tx, u); }));
  EXPECT_FALSE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return users::Update(tx, u); }));
  auto after = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return users::Get(tx, id); }).value();
  EXPECT_EQ(after.role, core::Role::kApprover);
  EXPECT_EQ(after.version, 2);
}

TEST_F(UserRepositoryTest, ListFiltersAndPages) {
  for (const char* n : {"dave", "bob", "carol", "erin"}) AddUser(n, core::Role::kViewer);
  AddUser("admin", core::Role::kAdmin);
  UserQuery q;
  q.role = "viewer";
  q.limit = 2;
  auto first = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return users::List(tx, q); });
  ASSERT_EQ(first.size(), 3u);  // limit + 1
  EXPECT_EQ(first[0].username, "bob");
  q.after_username = first[1].username;
  auto second = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return users::List(tx, q); });
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].username, "dave");
}

// "%" and "_" are LIKE wildcards: a search for them must find them, not every user.
TEST_F(UserRepositoryTest, SearchTakesWildcardsLiterally) {
  for (const char* n : {"ann", "bo_b", "ca!rl", "dan"}) AddUser(n);
  auto names = [&](const std::string& text) {
    UserQuery q;
    q.text = text;
    std::vector<std::string> out;
    for (const auto& u : InTx(*db_, TxMode::kRead, [&](Tx& tx) { return users::List(tx, q); })) {
      out.push_back(u.username);
    }
    return out;
  };
  EXPECT_EQ(names("_"), std::vector<std::string>{"bo_b"});
  EXPECT_TRUE(names("%").empty());
  EXPECT_EQ(names("!"), std::vector<std::string>{"ca!rl"});  // the escape character itself
  EXPECT_EQ(names("o_"), std::vector<std::string>{"bo_b"});
  EXPECT_EQ(names("AN"), (std::vector<std::string>{"ann", "dan"}));  // still case-insensitive
}

TEST_F(UserRepositoryTest, SessionsExpireAndEndPerUser) {
  auto id = AddUser("sam");
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    sessions::Insert(tx, {"h1", id, "csrf1", 1, 100});
    sessions::Insert(tx, {"h2", id, "csrf2", 1, 1000});
  });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { sessions::DeleteExpired(tx, 500); });
  EXPECT_FALSE(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return sessions::Get(tx, "h1"); }));
  auto kept = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return sessions::Get(tx, "h2"); });
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->csrf_token, "csrf2");
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { sessions::DeleteForUser(tx, id); });
  EXPECT_FALSE(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return sessions::Get(tx, "h2"); }));
}

TEST_F(UserRepositoryTest, TokensAreRevokedOnce) {
  auto id = AddUser("tina");
  TokenRecord t;
  t.user_id = id;
  t.name = "ci";
  t.token_hash = "abc";
  t.created_at = 7;
  auto token_id = InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::Insert(tx, t); });
  EXPECT_THROW(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::Insert(tx, t); }),
               UniqueViolation);
  auto got = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::GetByHash(tx, "abc"); });
  ASSERT_TRUE(got);
  EXPECT_FALSE(got->expires_at.has_value());
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { tokens::Touch(tx, token_id, 42); });
  EXPECT_EQ(
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::Get(tx, token_id); })->last_used_at,
      42);
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::Revoke(tx, token_id, 50); }));
  EXPECT_FALSE(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::Revoke(tx, token_id, 60); }));
  EXPECT_TRUE(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::List(tx, id); }).empty());
}

TEST_F(UserRepositoryTest, EveryLiveTokenOfOneUserIsRevokedAtOnce) {
  auto tina = AddUser("tina"), tom = AddUser("tom");
  auto add = [&](std::int64_t user, const std::string& hash) {
    TokenRecord t;
    t.user_id = user;
    t.name = hash;
    t.token_hash = hash;
    t.created_at = 7;
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::Insert(tx, t); });
  };
  add(tina, "t1");
  auto revoked = add(tina, "t2");
  add(tom, "t3");
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { tokens::Revoke(tx, revoked, 8); });
  EXPECT_EQ(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return tokens::RevokeForUser(tx, tina, 9); }),
            1);
  EXPECT_TRUE(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::List(tx, tina); }).empty());
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::List(tx, tom); }).size(), 1u);
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return tokens::Get(tx, revoked); })->revoked_at,
            8)
      << "an earlier revocation keeps its time";
}

TEST_F(UserRepositoryTest, AuditIsNewestFirstAndFiltered) {
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    for (int i = 0; i < 5; ++i) {
      audit::Insert(tx, {0, i, i % 2 ? "alice" : "bob", "app.edit", "app", std::to_string(i % 2),
                         "edit " + std::to_string(i), "ok", "req" + std::to_string(i)});
    }
  });
  AuditQuery q;
  q.actor = "alice";
  auto alice = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return audit::List(tx, q); });
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[0].summary, "edit 3");
  AuditQuery page;
  page.object_type = "app";
  page.object_id = "0";
  page.limit = 1;
  auto first = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return audit::List(tx, page); });
  ASSERT_EQ(first.size(), 2u);
  page.before_id = first[0].id;
  auto rest = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return audit::List(tx, page); });
  EXPECT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].summary, "edit 2");
}

}  // namespace
}  // namespace slipway::store
