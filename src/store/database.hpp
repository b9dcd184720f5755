#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace slipway::store {

enum class Dialect { kSqlite, kPostgres };

/// A bound statement parameter. Booleans are stored as 0/1 integers and
/// timestamps as integer milliseconds since the epoch, in both dialects.
using Param = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Param>;

/// One result row; every column is kept as text (or NULL) and converted on read.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> names,
      std::vector<std::optional<std::string>> values);

  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const;
  std::int64_t Int(std::size_t i) const;  ///< NULL reads as 0
  double Real(std::size_t i) const;
  bool Bool(std::size_t i) const;
  const std::string& Text(std::size_t i) const;  ///< NULL reads as ""
  std::optional<std::string> OptText(std::size_t i) const;

  /// The same accessors by column name (throws DbError for an unknown name).
  bool IsNull(std::string_view name) const { return IsNull(Index(name)); }
  std::int64_t Int(std::string_view name) const { return Int(Index(name)); }
  double Real(std::string_view name) const { return Real(Index(name)); }
  bool Bool(std::string_view name) const { return Bool(Index(name)); }
  const std::string& Text(std::string_view name) const { return Text(Index(name)); }
  std::optional<std::string> OptText(std::string_view name) const { return OptText(Index(name)); }

 private:
  std::size_t Index(std::string_view name) const;
  std::shared_ptr<const std::vector<std::string>> names_;
  std::vector<std::optional<std::string>> values_;
};

/// Any database failure. `transient()` failures (busy, serialization, lost
/// connection) may succeed when the whole transaction is retried.
class DbError : public std::runtime_error {
 public:
  explicit DbError(const std::string& message, bool transient = false)
      : std::runtime_error(message), transient_(transient) {}
  bool transient() const { return transient_; }

 private:
  bool transient_;
};

/// A UNIQUE or PRIMARY KEY constraint was violated.
class UniqueViolation : public DbError {
 public:
  using DbError::DbError;
};

/// A transaction. Statements use `?` placeholders in both dialects (the
/// PostgreSQL driver rewrites them to $1, $2, …). Destroying a transaction
/// that was not committed rolls it back. Not thread-safe: one thread at a time.
class Tx {
 public:
  virtual ~Tx() = default;
  /// Runs one statement and returns its rows (none for statements without RETURNING).
  virtual std::vector<Row> Query(std::string_view sql, const Params& params = {}) = 0;
  /// Runs one statement and returns the number of rows it changed.
  virtual std::int64_t Exec(std::string_view sql, const Params& params = {}) = 0;
  /// Runs several statements without parameters (migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  virtual void Commit() = 0;
  virtual Dialect dialect() const = 0;

  /// First row of a query, if any.
  std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
};

enum class TxMode {
  kRead,   ///< reads only (SQLite: deferred, may run beside the writer)
  kWrite,  ///< will write (SQLite: BEGIN IMMEDIATE, writers are serialized)
  /// Changes the schema (migrations); writes like kWrite. SQLite: foreign
  /// keys are not enforced until the commit, which checks every one of them
  /// (PRAGMA foreign_key_check) and fails when one points nowhere; rebuilding
  /// a referenced table (its documented way to change a column) needs this.
  kSchema,
};

struct PoolStats {
  int size = 0;     ///< connections open
  int in_use = 0;   ///< connections lent out in a transaction
  int waiting = 0;  ///< callers waiting for a connection
};

/// A pool of connections to one database. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;
  /// Starts a transaction on a pooled connection; blocks while the pool is exhausted.
  virtual std::unique_ptr<Tx> Begin(TxMode mode = TxMode::kWrite) = 0;
  virtual Dialect dialect() const = 0;
  virtual PoolStats Stats() const = 0;
  /// True when a trivial query succeeds.
  virtual bool Ping() = 0;
};

struct SqliteSettings {
  std::string path;  ///< file path; ":memory:" is not supported (pool)
  int pool_size = 4;
  int busy_timeout_ms = 5000;
};

struct PostgresSettings {
  std::string url;  ///< postgres://user:pass@host:port/db?sslmode=…
  int pool_size = 8;
};

std::unique_ptr<Database> OpenSqlite(const SqliteSettings& settings);
std::unique_ptr<Database> OpenPostgres(const PostgresSettings& settings);

/// Runs `fn(tx)` in a transaction and commits; retries the whole transaction
/// up to `attempts` times on transient DbErrors. `fn` returns the result.
/// A result that reports a failure (an `ok()` that is false, as core::Result
/// and core::Status have) is not committed: the transaction rolls back, so a
/// refused request leaves nothing behind. Work that must stay although the
/// request fails (a failed login's count) returns a plain value and lets the
/// caller turn it into the error.
template <class Fn>
auto InTx(Database& db, TxMode mode, Fn&& fn, int attempts = 5)
    -> decltype(fn(std::declval<Tx&>()));

}  // namespace slipway::store

#include "store/database_inl.hpp"
