#pragma once
// A running `slipway serve` for integration tests, and API clients that are
// already logged in (bearer tokens) as users of each role.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/http_client.hpp"

namespace slipway::testing {

class SlipwayProcess;
class TempDir;
class TestDatabase;

enum class Backend { kSqlite, kPostgres };
std::string BackendName(Backend backend);
/// Lets GoogleTest (and so CTest's test names) show "sqlite"/"postgres".
void PrintTo(Backend backend, std::ostream* os);
/// For INSTANTIATE_TEST_SUITE_P(…, ::testing::Values(Backend::kSqlite, …), BackendParamName).
std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info);

/// A JSON string's text; other values serialized ("" for null).
std::string Text(const boost::json::value& v);

/// One answer of the API. `json` is null when the body is empty or not JSON.
struct Reply {
  long status = 0;
  boost::json::value json;
  cli::HttpResponse raw;

  /// error.code of an error body, or "".
  std::string ErrorCode() const;
  /// error.details.<key> as a string (numbers formatted), or "".
  std::string ErrorDetail(std::string_view key) const;
  /// The body as an object (an empty one when it is not an object).
  const boost::json::object& Object() const;
  /// A top-level string field, or "".
  std::string Str(std::string_view key) const;
  std::int64_t Int(std::string_view key) const;
  std::optional<std::string> Header(std::string_view name) const { return raw.Header(name); }
};

/// Prints the reply in assertion messages: status and body.
std::ostream& operator<<(std::ostream& out, const Reply& reply);

/// An HTTP client speaking to the server as one identity (bearer token,
/// cookie session, or nobody). Not thread-safe.
class Api {
 public:
  Api(std::string base_url, std::string bearer_token, bool cookies = false);

  Reply Send(std::string_view method, std::string_view path,
             const std::optional<boost::json::value>& body = std::nullopt,
             const cli::HeaderList& headers = {});
  /// Sends `raw_body` as is with `content_type`: for malformed input.
  Reply SendRaw(std::string_view method, std::string_view path, std::string raw_body,
                std::string content_type = "application/json", const cli::HeaderList& headers = {});

  Reply Get(std::string_view path) { return Send("GET", path); }
  Reply Post(std::string_view path, const boost::json::value& body = boost::json::object{}) {
    return Send("POST", path, body);
  }
  Reply Put(std::string_view path, const boost::json::value& body) {
    return Send("PUT", path, body);
  }
  Reply Patch(std::string_view path, const boost::json::value& body) {
    return Send("PATCH", path, body);
  }
  Reply Delete(std::string_view path) { return Send("DELETE", path); }

  /// Sends X-CSRF-Token with later writes (cookie sessions).
  void set_csrf_token(std::string token) { client_.set_csrf_token(std::move(token)); }
  const std::string& base_url() const { return client_.base_url(); }

 private:
  cli::HttpClient client_;
};

/// A user created through the API, with a password and an API token.
struct TestUser {
  std::int64_t id = 0;
  std::string username;
  std::string password;
  std::string role;
  std::string token;
  std::int64_t token_id = 0;
};

struct ServerOptions {
  Backend backend = Backend::kSqlite;
  /// Extra top-level YAML lines appended to the test config (no `auth:` or
  /// `sandbox:`, which the fixture writes itself).
  std::string extra_config;
  /// Run the in-process sandbox (emulators of every external system).
  bool sandbox = false;
  /// Extra lines of the `sandbox:` section, each indented by two spaces
  /// (e.g. "  pod_ready_delay_ms: 600000\n").
  std::string sandbox_config = {};
  /// Extra environment of the `serve` process (e.g. SLIPWAY_FAILPOINTS).
  std::vector<std::pair<std::string, std::string>> env = {};
};

/// Options for a server that runs the in-process sandbox.
inline ServerOptions SandboxOptions(Backend backend = Backend::kSqlite) {
  ServerOptions options;
  options.backend = backend;
  options.sandbox = true;
  return options;
}

/// A `slipway serve` process on a free port with a fresh database (SQLite
/// in a temporary folder, or a new PostgreSQL database) and the bootstrap
/// admin logged in. Stopped (and its data removed) when destroyed.
class ApiServer {
 public:
  static constexpr std::string_view kAdminPassword = "admin-password-for-tests";

  explicit ApiServer(ServerOptions options = {});
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  const std::string& base_url() const { return base_url_; }
  Backend backend() const { return options_.backend; }
  SlipwayProcess& process() { return *process_; }

  /// Kills `serve` if it still runs (SIGKILL: a crash, nothing flushed) and
  /// starts it again on the same data and database with `env` as its extra
  /// environment. It listens on a new port: clients made before must be made
  /// again (tokens stay valid).
  void Restart(std::vector<std::pair<std::string, std::string>> env = {});

  /// The URL of a sandbox emulator ("kubernetes", "registry", …), from the
  /// endpoints file `serve` writes; throws when the sandbox does not run.
  std::string SandboxUrl(const std::string& system) const;

  /// A client with no credentials.
  Api Anonymous() const { return Api(base_url_, ""); }
  /// A client with the bootstrap admin's API token.
  Api Admin() const { return Api(base_url_, admin_.token); }
  const TestUser& admin_user() const { return admin_; }
  /// A client with `user`'s API token.
  Api As(const TestUser& user) const { return Api(base_url_, user.token); }

  /// Creates a user with `role` (admin, approver, developer, viewer) and a
  /// unique name starting with `prefix`, logs in and mints an API token.
  TestUser CreateUser(std::string_view role, std::string_view prefix = "user");
  /// Logs in with a password and mints an API token for `user`.
  void MintToken(TestUser& user);

 private:
  void StartProcess();

  ServerOptions options_;
  std::vector<std::string> args_;
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<SlipwayProcess> process_;
  std::string base_url_;
  TestUser admin_;
};

/// A DNS-safe name unique within this test run: `<prefix>-<n><random>`.
std::string UniqueName(std::string_view prefix);

/// A complete registration body for a self-developed application.
boost::json::object AppBody(const std::string& name, const std::string& team = "trade",
                            const std::string& level = "non_core");
/// Details that complete a self-developed application, with `approver`.
boost::json::object CompleteDetailsBody(std::int64_t version, const std::string& approver);

/// Polls `done` every 100 ms until it holds or `timeout` passes; returns
/// whether it held. For states the sandbox reaches by itself (pods failing
/// to pull, rollouts): the timeout is generous so slow machines pass too.
bool WaitUntil(const std::function<bool()>& done,
               std::chrono::milliseconds timeout = std::chrono::seconds(60));

/// Registers an application as `owner` and approves it as admin (pending_online).
/// Returns its id.
std::int64_t RegisterApprovedApp(ApiServer& server, const TestUser& owner, const std::string& name);

/// Every audit record of one object ("app:12"), newest first (all pages).
std::vector<boost::json::object> AuditOf(Api& api, const std::string& object);
/// The successful ones only (refused writes are recorded too, as "refused").
std::size_t SuccessfulAuditCount(Api& api, const std::string& object);

/// Shares one server per backend between the tests of a suite: started on
/// first use, stopped by StopSharedServers() (call it in TearDownTestSuite).
ApiServer& SharedServer(Backend backend = Backend::kSqlite);
/// The same, for servers that run the in-process sandbox (SandboxOptions).
ApiServer& SharedSandboxServer(Backend backend);
void StopSharedServers();

/// Base fixture: a shared SQLite-backed server for the suite.
class ApiTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedServer(Backend::kSqlite); }
};

/// Base fixture for tests that run on both backends.
class BackendApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  static void TearDownTestSuite() { StopSharedServers(); }
  ApiServer& server() { return SharedServer(GetParam()); }
};

}  // namespace slipway::testing
