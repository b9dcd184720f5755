// Migration 0009 on a database that already holds names the new rules
// forbid: user names that differ only in case, or that are all digits, are
// renamed "<name>-renamed-<id>" (the oldest spelling keeps its name), with
// their memberships and an audit record; apps keep an owner member.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/embedded_migrations.hpp"
#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

std::vector<EmbeddedFile> Before0009(Dialect dialect) {
  const auto& all =
      dialect == Dialect::kSqlite ? sqlite_migrations::Files() : postgres_migrations::Files();
  std::vector<EmbeddedFile> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [](const EmbeddedFile& f) { return f.name < std::string_view("0009"); });
  return out;
}

std::int64_t AddUser(Tx& tx, const std::string& name) {
  return tx
      .QueryOne(
          "INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) "
          "VALUES (?, ?, 'developer', 'x', 1, 1) RETURNING id",
          {name, name})
      ->Int(0);
}

std::string NameOf(Tx& tx, std::int64_t id) {
  return tx.QueryOne("SELECT username FROM users WHERE id = ?", {id})->Text(0);
}

class UserNamesMigration : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase({.migrate = false});
};

TEST_F(UserNamesMigration, RenamesClashingAndNumericUsersWithTheirMemberships) {
  Migrate(*db_, Before0009(db_.dialect()));
  std::int64_t admin = 0, shouting = 0, digits = 0, app = 0, orphan = 0;
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    admin = AddUser(tx, "admin");
    shouting = AddUser(tx, "ADMIN");
    digits = AddUser(tx, "3");
    const char* insert_app =
        "INSERT INTO apps (name, team, owner, type, level, status, created_at, updated_at) "
        "VALUES (?, 'trade', ?, 'empty', 'edge', 'under_review', 1, 1) RETURNING id";
    app = tx.QueryOne(insert_app, {std::string("shared"), std::string("ADMIN")})->Int(0);
    tx.Exec("INSERT INTO app_members (app_id, username, role) VALUES (?, 'ADMIN', 'owner')", {app});
    tx.Exec("INSERT INTO app_members (app_id, username, role) VALUES (?, 'admin', 'developer')",
            {app});
    tx.Exec("INSERT INTO app_members (app_id, username, role) VALUES (?, '3', 'approver')", {app});
    // An application whose owner field names a user who is not an owner member.
    orphan = tx.QueryOne(insert_app, {std::string("orphan"), std::string("admin")})->Int(0);
  });

  Migrate(*db_);

  InTx(*db_, TxMode::kRead, [&](Tx& tx) {
    EXPECT_EQ(NameOf(tx, admin), "admin") << "the oldest spelling keeps its name";
    EXPECT_EQ(NameOf(tx, shouting), "ADMIN-renamed-" + std::to_string(shouting));
    EXPECT_EQ(NameOf(tx, digits), "3-renamed-" + std::to_string(digits));
    auto role = [&](std::int64_t app_id, const std::string& name) {
      auto row = tx.QueryOne("SELECT role FROM app_members WHERE app_id = ? AND username = ?",
                             {app_id, name});
      return row ? row->Text(0) : std::string("(none)");
    };
    EXPECT_EQ(role(app, NameOf(tx, shouting)), "owner");
    EXPECT_EQ(role(app, "admin"), "developer");
    EXPECT_EQ(role(app, NameOf(tx, digits)), "approver");
    EXPECT_EQ(role(orphan, "admin"), "owner") << "the owner field became an owner member";
    EXPECT_EQ(tx.QueryOne("SELECT count(*) FROM audit WHERE action = 'user.rename'")->Int(0), 2);
  });
  EXPECT_THROW(InTx(*db_, TxMode::kWrite, [](Tx& tx) { AddUser(tx, "Admin"); }), UniqueViolation);
}

}  // namespace
}  // namespace slipway::store
