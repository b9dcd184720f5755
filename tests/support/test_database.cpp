#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string ServerUrl() {
  std::string file = Env("SLIPWAY_TEST_PG_URL_FILE");
  if (file.empty()) {
    throw std::runtime_error(
        "SLIPWAY_TEST_DB=postgres needs SLIPWAY_TEST_PG_URL_FILE (run through ctest, which "
        "starts tests/support/postgres-fixture.sh)");
  }
  std::ifstream in(file);
  std::string url;
  if (!(in >> url)) throw std::runtime_error("no PostgreSQL URL in " + file);
  return url;
}

// postgres://user@host:port/slipway?x=y  ->  postgres://user@host:port/<name>?x=y
std::string WithDatabase(const std::string& url, const std::string& name) {
  std::size_t authority = url.find("://");
  authority = authority == std::string::npos ? 0 : authority + 3;
  std::size_t query = url.find('?', authority);
  std::size_t path = url.find('/', authority);
  if (path == std::string::npos || path > query) path = query;
  std::string head = url.substr(0, std::min(path, url.size()));
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + name + tail;
}

// CREATE/DROP DATABASE cannot run inside a transaction, so not through store::Tx.
void AdminExec(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* result = PQexec(conn, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
}

}  // namespace

struct TestDatabase::State {
  std::optional<TempDir> dir;
  std::string sqlite_path;
  std::string admin_url;
  std::string name;
  std::string url;
  std::unique_ptr<store::Database> db;  // last: closed before the files and database go

  std::unique_ptr<store::Database> Open(int pool_size) const {
    if (url.empty()) return store::OpenSqlite({.path = sqlite_path, .pool_size = pool_size});
    return store::OpenPostgres({.url = url, .pool_size = pool_size});
  }

  ~State() {
    db.reset();
    if (name.empty()) return;
    try {
      // FORCE ends connections still open elsewhere, e.g. a server the test started.
      AdminExec(admin_url, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The whole cluster is thrown away after the run anyway.
    }
  }
};

TestDatabase::TestDatabase(std::unique_ptr<State> state) : state_(std::move(state)) {}
TestDatabase::TestDatabase(TestDatabase&&) noexcept = default;
TestDatabase& TestDatabase::operator=(TestDatabase&&) noexcept = default;
TestDatabase::~TestDatabase() = default;

store::Database& TestDatabase::db() const { return *state_->db; }
const std::string& TestDatabase::url() const { return state_->url; }
const std::string& TestDatabase::sqlite_path() const { return state_->sqlite_path; }

std::unique_ptr<store::Database> TestDatabase::OpenAnother(int pool_size) const {
  return state_->Open(pool_size);
}

TestDatabase OpenTestDatabase(const TestDatabaseOptions& options) {
  return OpenTestDatabaseOf(Env("SLIPWAY_TEST_DB"), options);
}

TestDatabase OpenTestDatabaseOf(const std::string& kind, const TestDatabaseOptions& options) {
  static std::atomic<int> counter{0};
  auto state = std::make_unique<TestDatabase::State>();
  if (kind.empty() || kind == "sqlite") {
    state->dir.emplace();
    state->sqlite_path = state->dir->path() + "/slipway.db";
  } else if (kind == "postgres") {
    state->admin_url =
        options.postgres_server_url.empty() ? ServerUrl() : options.postgres_server_url;
    std::string name = "slipway_t_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    AdminExec(state->admin_url, "CREATE DATABASE " + name);
    state->name = name;  // from here on the destructor drops it
    state->url = WithDatabase(state->admin_url, name);
  } else {
    throw std::runtime_error("SLIPWAY_TEST_DB must be sqlite or postgres, not " + kind);
  }
  state->db = state->Open(options.pool_size);
  if (options.migrate) store::Migrate(*state->db);
  return TestDatabase(std::move(state));
}

}  // namespace slipway::testing
