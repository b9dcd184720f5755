#pragma once
// One libpq connection with its prepared-statement cache (private to the driver).
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"
#include "store/string_hash.hpp"

namespace slipway::store::postgres {

class PgConnection {
 public:
  /// Connects to `url`. Throws a transient DbError when the server is unreachable.
  explicit PgConnection(std::string url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  /// Reconnects when the link was lost or a transaction was left open, so a
  /// broken connection heals on the next Begin. Throws a transient DbError.
  void EnsureReady();
  /// True when the server connection is gone.
  bool Lost() const { return PQstatus(conn_) != CONNECTION_OK; }
  /// Drops and reopens the server connection (prepared statements are lost with it).
  void Reconnect();

  /// Runs one statement (`?` placeholders) and returns every row, columns as text.
  std::vector<Row> Query(std::string_view sql, const Params& params);
  /// Runs one statement and returns the number of rows it changed.
  std::int64_t Exec(std::string_view sql, const Params& params);
  /// Runs a parameterless multi-statement script.
  void ExecScript(std::string_view sql);
  /// Commits; throws if the server rolled back instead (an earlier error aborted it).
  void Commit();

 private:
  struct Clear {
    void operator()(PGresult* result) const { PQclear(result); }
  };
  using Result = std::unique_ptr<PGresult, Clear>;

  Result Run(std::string_view sql, const Params& params);
  /// Name of the server-side prepared statement for `sql`; nullptr when the cache is full.
  const std::string* Prepared(std::string_view sql);
  Result Check(PGresult* result, std::string_view sql) const;

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> prepared_;
};

}  // namespace slipway::store::postgres
