#include "store/sqlite/sqlite_connection.hpp"

#include <charconv>
#include <optional>
#include <variant>

namespace slipway::store::sqlite {

namespace {

// Dynamic SQL (say, IN lists of varying length) must not grow the cache forever.
constexpr std::size_t kMaxCachedStatements = 256;

// Leaves a cached statement ready for its next use even when a step throws.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~ResetOnExit() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

std::optional<std::string> ColumnText(sqlite3_stmt* stmt, int i) {
  char buf[32];
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_INTEGER: {
      auto end = std::to_chars(buf, buf + sizeof buf, sqlite3_column_int64(stmt, i)).ptr;
      return std::string(buf, end);
    }
    case SQLITE_FLOAT: {
      // SQLite's own text conversion keeps only 15 digits; shortest round-trip keeps all.
      auto end = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(stmt, i)).ptr;
      return std::string(buf, end);
    }
    default: {
      // Text and blobs alike: the bytes as stored.
      const void* data = sqlite3_column_blob(stmt, i);
      int size = sqlite3_column_bytes(stmt, i);
      return std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }
  }
}

bool OnlySeparators(std::string_view tail) {
  return tail.find_first_not_of("; \t\r\n") == std::string_view::npos;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, int busy_timeout_ms) {
  // Each connection is used by one thread at a time (the pool lends it), so
  // SQLite's per-connection mutex is pure overhead.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DbError("cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  try {
    ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql, const Params& params) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCachedStatements) cache_.clear();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    Statement stmt(raw);
    if (rc != SQLITE_OK) Fail(sql);
    if (!stmt) throw DbError("empty SQL statement");
    if (!OnlySeparators(sql.substr(static_cast<std::size_t>(tail - sql.data())))) {
      throw DbError("one statement expected (use ExecScript for several): " + std::string(sql));
    }
    it = cache_.emplace(std::string(sql), std::move(stmt)).first;
  }
  sqlite3_stmt* stmt = it->second.get();
  if (static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)) != params.size()) {
    throw DbError("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                  " parameters, got " + std::to_string(params.size()) + ": " + std::string(sql));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    int rc = std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(stmt, index, value);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(stmt, index, value);
          } else {
            // The params outlive the statement's use: ResetOnExit clears bindings.
            return sqlite3_bind_text64(stmt, index, value.data(), value.size(), SQLITE_STATIC,
                                       SQLITE_UTF8);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) {
      sqlite3_clear_bindings(stmt);
      Fail(sql);
    }
  }
  return stmt;
}

std::vector<Row> SqliteConnection::Query(std::string_view sql, const Params& params) {
  sqlite3_stmt* stmt = Prepare(sql, params);
  ResetOnExit reset(stmt);
  std::vector<Row> rows;
  std::shared_ptr<std::vector<std::string>> names;
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return rows;
    if (rc != SQLITE_ROW) Fail(sql);
    if (!names) {
      names = std::make_shared<std::vector<std::string>>();
      names->reserve(columns);
      for (int i = 0; i < columns; ++i) names->emplace_back(sqlite3_column_name(stmt, i));
    }
    std::vector<std::optional<std::string>> values;
    values.reserve(columns);
    for (int i = 0; i < columns; ++i) values.push_back(ColumnText(stmt, i));
    rows.emplace_back(names, std::move(values));
  }
}

std::int64_t SqliteConnection::Exec(std::string_view sql, const Params& params) {
  sqlite3_stmt* stmt = Prepare(sql, params);
  ResetOnExit reset(stmt);
  // changes() still holds the count of an earlier INSERT/UPDATE/DELETE after DDL
  // or a no-op, so it is only trusted when the total moved.
  const sqlite3_int64 total_before = sqlite3_total_changes64(db_);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) Fail(sql);
  }
  return sqlite3_total_changes64(db_) == total_before ? 0 : sqlite3_changes64(db_);
}

void SqliteConnection::ExecScript(std::string_view sql) {
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Fail("script");
  }
}

void SqliteConnection::Fail(std::string_view sql) const {
  int code = sqlite3_extended_errcode(db_);
  std::string message =
      std::string("SQLite: ") + sqlite3_errmsg(db_) + " [" + std::string(sql) + "]";
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw UniqueViolation(message);
  }
  int primary = code & 0xff;
  throw DbError(message, primary == SQLITE_BUSY || primary == SQLITE_LOCKED);
}

}  // namespace slipway::store::sqlite
