#pragma once
// One SQLite connection with its prepared-statement cache (private to the driver).
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"
#include "store/string_hash.hpp"

namespace slipway::store::sqlite {

class SqliteConnection {
 public:
  /// Opens (creating if needed) the file in WAL mode with foreign keys on.
  /// Throws DbError when the file cannot be opened.
  SqliteConnection(const std::string& path, int busy_timeout_ms);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  /// Runs one statement and returns every row, columns as text.
  std::vector<Row> Query(std::string_view sql, const Params& params);
  /// Runs one statement, discards rows and returns the number of rows changed.
  std::int64_t Exec(std::string_view sql, const Params& params);
  /// Runs a parameterless multi-statement script (not cached).
  void ExecScript(std::string_view sql);

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

  /// The cached statement for `sql` with `params` bound; the caller must reset it.
  sqlite3_stmt* Prepare(std::string_view sql, const Params& params);
  [[noreturn]] void Fail(std::string_view sql) const;

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement, StringHash, std::equal_to<>> cache_;
};

}  // namespace slipway::store::sqlite
