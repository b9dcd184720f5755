#pragma once
// A PostgreSQL server of one test's own (tests/support/postgres-fixture.sh on
// a temporary folder and a free port): one the test may stop and start
// again, unlike the shared fixture server other tests use at the same time.
#include <memory>
#include <string>

namespace slipway::testing {

class TempDir;

class PrivatePostgres {
 public:
  /// Starts the server (initdb + pg_ctl start); throws when it cannot.
  PrivatePostgres();
  /// Stops it and removes its files.
  ~PrivatePostgres();
  PrivatePostgres(const PrivatePostgres&) = delete;
  PrivatePostgres& operator=(const PrivatePostgres&) = delete;

  /// postgres://postgres@127.0.0.1:PORT/slipway (the admin database).
  const std::string& url() const { return url_; }
  /// The database goes down at once (`pg_ctl stop -m immediate`): open
  /// connections drop and new ones are refused, as when its host dies.
  void Down();
  /// Starts it again on the same port with its data.
  void Up();

 private:
  void Run(const std::string& command, const std::string& env = "");

  std::unique_ptr<TempDir> dir_;
  std::string url_;
};

}  // namespace slipway::testing
