#pragma once
#include <memory>
#include <string>

#include "store/database.hpp"

namespace slipway::testing {

struct TestDatabaseOptions {
  bool migrate = true;  ///< apply the compiled-in migrations (store::Migrate)
  int pool_size = 4;
  /// PostgreSQL: the server to create the database on (its URL); empty: the
  /// shared fixture server (SLIPWAY_TEST_PG_URL_FILE).
  std::string postgres_server_url = {};
};

/// A fresh, private database for one test, removed when the object is destroyed.
/// The dialect comes from env SLIPWAY_TEST_DB: `sqlite` (default; a file in a
/// TempDir) or `postgres` (a new database `slipway_t_<pid>_<n>` on the server
/// whose URL is in the file named by env SLIPWAY_TEST_PG_URL_FILE). Movable.
class TestDatabase {
 public:
  TestDatabase(TestDatabase&&) noexcept;
  TestDatabase& operator=(TestDatabase&&) noexcept;
  ~TestDatabase();

  store::Database& db() const;
  store::Database& operator*() const { return db(); }
  store::Database* operator->() const { return &db(); }
  store::Dialect dialect() const { return db().dialect(); }

  /// PostgreSQL URL of this database (for `slipway serve --database-url`); "" for SQLite.
  const std::string& url() const;
  /// Path of the SQLite file; "" for PostgreSQL.
  const std::string& sqlite_path() const;

  /// A second, independent pool on the same database, as another process would have.
  /// Must be destroyed before this object.
  std::unique_ptr<store::Database> OpenAnother(int pool_size = 4) const;

 private:
  struct State;
  explicit TestDatabase(std::unique_ptr<State> state);
  friend TestDatabase OpenTestDatabaseOf(const std::string& dialect,
                                         const TestDatabaseOptions& options);
  std::unique_ptr<State> state_;
};

/// Creates the database chosen by SLIPWAY_TEST_DB. Throws std::runtime_error
/// when PostgreSQL is asked for but no server URL is available.
TestDatabase OpenTestDatabase(const TestDatabaseOptions& options = {});
/// The same for a dialect the test chooses ("sqlite" or "postgres"),
/// whatever SLIPWAY_TEST_DB says.
TestDatabase OpenTestDatabaseOf(const std::string& dialect,
                                const TestDatabaseOptions& options = {});

}  // namespace slipway::testing
