#include <semaphore>

#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace slipway::store {

namespace {

using sqlite::SqliteConnection;
using Pool = ConnectionPool<SqliteConnection>;

// SQLite admits one writer per file. Queuing writers here, before they take a
// connection, replaces SQLite's busy-wait polling with a fair in-process wait.
// A semaphore rather than a mutex: a transaction may end on another thread.
class WriterTurn {
 public:
  explicit WriterTurn(std::binary_semaphore* turn) : turn_(turn) {
    if (turn_) turn_->acquire();
  }
  ~WriterTurn() {
    if (turn_) turn_->release();
  }
  WriterTurn(const WriterTurn&) = delete;
  WriterTurn& operator=(const WriterTurn&) = delete;

 private:
  std::binary_semaphore* turn_;
};

class SqliteTx final : public Tx {
 public:
  SqliteTx(std::binary_semaphore* writer_turn, Pool& pool, TxMode mode)
      : turn_(writer_turn), conn_(pool.Acquire()), schema_(mode == TxMode::kSchema) {
    // Outside a transaction: SQLite ignores this pragma inside one.
    if (schema_) conn_->Exec("PRAGMA foreign_keys = OFF", {});
    try {
      conn_->Exec(mode == TxMode::kRead ? "BEGIN" : "BEGIN IMMEDIATE", {});
    } catch (const DbError&) {
      RestoreForeignKeys();
      throw;
    }
  }

  ~SqliteTx() override {
    if (open_) {
      try {
        conn_->Exec("ROLLBACK", {});
      } catch (const DbError&) {
        // SQLite already rolled back on its own (I/O error, full disk): nothing to undo.
      }
    }
    RestoreForeignKeys();
  }

  std::vector<Row> Query(std::string_view sql, const Params& params) override {
    CheckOpen();
    return conn_->Query(sql, params);
  }

  std::int64_t Exec(std::string_view sql, const Params& params) override {
    CheckOpen();
    return conn_->Exec(sql, params);
  }

  void ExecScript(std::string_view sql) override {
    CheckOpen();
    conn_->ExecScript(sql);
  }

  void Commit() override {
    CheckOpen();
    if (schema_) {
      auto broken = conn_->Query("PRAGMA foreign_key_check", {});
      if (!broken.empty()) {
        throw DbError("the schema change leaves " + std::to_string(broken.size()) +
                      " row(s) whose foreign key points nowhere (first in table " +
                      broken[0].Text(0) + ")");
      }
    }
    conn_->Exec("COMMIT", {});
    open_ = false;
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

 private:
  void CheckOpen() const {
    if (!open_) throw DbError("transaction already committed");
  }

  // The connection goes back to the pool enforcing foreign keys again.
  void RestoreForeignKeys() noexcept {
    if (!schema_) return;
    try {
      conn_->Exec("PRAGMA foreign_keys = ON", {});
    } catch (const DbError&) {
      // Nothing better to do; every connection is opened with them on.
    }
  }

  // Declared first so it is released last, after the connection has rolled back.
  WriterTurn turn_;
  Pool::Lease conn_;
  bool schema_;
  bool open_ = true;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const SqliteSettings& settings)
      : pool_(settings.pool_size, [settings] {
          return std::make_unique<SqliteConnection>(settings.path, settings.busy_timeout_ms);
        }) {
    if (settings.path.empty() || settings.path == ":memory:") {
      throw DbError("SQLite needs a file path (a pool cannot share an in-memory database)");
    }
    // Open one connection now: a bad path fails here, and WAL mode is switched
    // on before several connections race to do it.
    pool_.Acquire();
  }

  std::unique_ptr<Tx> Begin(TxMode mode) override {
    return std::make_unique<SqliteTx>(mode == TxMode::kRead ? nullptr : &writer_turn_, pool_, mode);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  PoolStats Stats() const override { return pool_.Stats(); }

  bool Ping() override {
    try {
      auto conn = pool_.Acquire();
      conn->Query("SELECT 1", {});
      return true;
    } catch (const DbError&) {
      return false;
    }
  }

 private:
  std::binary_semaphore writer_turn_{1};
  Pool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const SqliteSettings& settings) {
  return std::make_unique<SqliteDatabase>(settings);
}

}  // namespace slipway::store
