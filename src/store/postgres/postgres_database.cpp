#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"

namespace slipway::store {

namespace {

using postgres::PgConnection;
using Pool = ConnectionPool<PgConnection>;

class PostgresTx final : public Tx {
 public:
  PostgresTx(Pool& pool, TxMode mode) : conn_(pool.Acquire()) {
    const char* begin = mode == TxMode::kRead ? "BEGIN READ ONLY" : "BEGIN";
    conn_->EnsureReady();
    try {
      conn_->Exec(begin, {});
    } catch (const DbError&) {
      // An idle pooled connection only learns that the server restarted when
      // it is used; BEGIN changes nothing, so reconnecting and repeating is safe.
      if (!conn_->Lost()) throw;
      conn_->Reconnect();
      conn_->Exec(begin, {});
    }
  }

  ~PostgresTx() override {
    if (open_) {
      try {
        conn_->Exec("ROLLBACK", {});
      } catch (const DbError&) {
        // The connection is gone; the server rolled back, and EnsureReady reconnects.
      }
    }
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
    open_ = false;  // after COMMIT fails the transaction is over either way
    conn_->Commit();
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

 private:
  void CheckOpen() const {
    if (!open_) throw DbError("transaction already committed");
  }

  Pool::Lease conn_;
  bool open_ = true;
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(const PostgresSettings& settings)
      : pool_(settings.pool_size,
              [url = settings.url] { return std::make_unique<PgConnection>(url); }) {
    pool_.Acquire();  // a wrong URL or unreachable server fails here, not on first use
  }

  std::unique_ptr<Tx> Begin(TxMode mode) override {
    return std::make_unique<PostgresTx>(pool_, mode);
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  PoolStats Stats() const override { return pool_.Stats(); }

  bool Ping() override {
    try {
      auto conn = pool_.Acquire();
      conn->EnsureReady();
      conn->Query("SELECT 1", {});
      return true;
    } catch (const DbError&) {
      return false;
    }
  }

 private:
  Pool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const PostgresSettings& settings) {
  return std::make_unique<PostgresDatabase>(settings);
}

}  // namespace slipway::store
