#include "support/api_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/slipway_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace slipway::testing {

namespace json = boost::json;

namespace {

const json::object& EmptyObject() {
  static const json::object empty;
  return empty;
}

Reply ToReply(core::Result<cli::HttpResponse> response) {
  if (!response.ok())
    throw std::runtime_error("HTTP transport failure: " + response.error().message);
  Reply reply;
  reply.status = response->status;
  reply.raw = std::move(response.value());
  auto parsed = reply.raw.Json();
  if (parsed.ok()) reply.json = std::move(parsed.value());
  return reply;
}

// A fresh PostgreSQL database, whatever SLIPWAY_TEST_DB says: the choice
// is the test's (a parameter), not the environment's.
std::unique_ptr<TestDatabase> OpenPostgres() {
  TestDatabaseOptions options;
  options.migrate = false;  // `slipway serve` migrates, as in production
  options.pool_size = 1;
  return std::make_unique<TestDatabase>(OpenTestDatabaseOf("postgres", options));
}

}  // namespace

std::string Text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return "";
  return json::serialize(v);
}

std::string BackendName(Backend backend) {
  return backend == Backend::kPostgres ? "postgres" : "sqlite";
}

void PrintTo(Backend backend, std::ostream* os) { *os << BackendName(backend); }

std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

std::string Reply::ErrorCode() const {
  const auto* error = Object().if_contains("error");
  if (!error || !error->is_object()) return "";
  const auto* code = error->as_object().if_contains("code");
  return code ? Text(*code) : "";
}

std::string Reply::ErrorDetail(std::string_view key) const {
  const auto* error = Object().if_contains("error");
  if (!error || !error->is_object()) return "";
  const auto* details = error->as_object().if_contains("details");
  if (!details || !details->is_object()) return "";
  const auto* v = details->as_object().if_contains(key);
  return v ? Text(*v) : "";
}

const json::object& Reply::Object() const {
  return json.is_object() ? json.as_object() : EmptyObject();
}

std::string Reply::Str(std::string_view key) const {
  const auto* v = Object().if_contains(key);
  return v ? Text(*v) : "";
}

std::int64_t Reply::Int(std::string_view key) const {
  const auto* v = Object().if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::ostream& operator<<(std::ostream& out, const Reply& reply) {
  return out << "HTTP " << reply.status << " " << reply.raw.body.substr(0, 2000);
}

Api::Api(std::string base_url, std::string bearer_token, bool cookies)
    : client_(cli::HttpClientOptions{.base_url = std::move(base_url),
                                     .bearer_token = std::move(bearer_token),
                                     .cookies = cookies,
                                     .connect_timeout = std::chrono::milliseconds(5'000),
                                     .timeout = std::chrono::milliseconds(30'000),
                                     // Tests see every answer the server gives.
                                     .max_retries = 0}) {}

Reply Api::Send(std::string_view method, std::string_view path,
                const std::optional<json::value>& body, const cli::HeaderList& headers) {
  cli::HttpRequest request;
  request.method = std::string(method);
  request.path = std::string(path);
  if (body) request.body = json::serialize(*body);
  request.headers = headers;
  return ToReply(client_.Send(request));
}

Reply Api::SendRaw(std::string_view method, std::string_view path, std::string raw_body,
                   std::string content_type, const cli::HeaderList& headers) {
  cli::HttpRequest request;
  request.method = std::string(method);
  request.path = std::string(path);
  request.body = std::move(raw_body);
  request.content_type = std::move(content_type);
  request.headers = headers;
  return ToReply(client_.Send(request));
}

ApiServer::ApiServer(ServerOptions options)
    : options_(std::move(options)), dir_(std::make_unique<TempDir>()) {
  // Fast password hashing: every test creates users and logs in.
  const std::string config_path = dir_->path() + "/slipway.yaml";
  {
    std::ofstream config(config_path);
    // The API is under test here, not the emulators: keep the servers light.
    config << "auth:\n  argon2:\n    time_cost: 1\n    memory_kib: 64\nsandbox:\n  enabled: "
           << (options_.sandbox ? "true" : "false") << "\n"
           << options_.sandbox_config << options_.extra_config << "\n";
  }
  args_ = {"serve", "--config", config_path, "--data-dir", dir_->path() + "/data"};
  if (options_.backend == Backend::kPostgres) {
    database_ = OpenPostgres();
    args_.push_back("--database-url");
    args_.push_back(database_->url());
  }
  StartProcess();
  admin_.username = "admin";
  admin_.password = std::string(kAdminPassword);
  admin_.role = "admin";
  MintToken(admin_);
  admin_.id = Admin().Get("/api/v1/auth/me").Object().at("user").at("id").as_int64();
}

void ApiServer::StartProcess() {
  ProcessOptions process;
  process.args = args_;
  process.env = {{"SLIPWAY_ADMIN_PASSWORD", std::string(kAdminPassword)}};
  process.env.insert(process.env.end(), options_.env.begin(), options_.env.end());
  process_ = std::make_unique<SlipwayProcess>(std::move(process));
  base_url_ = process_->base_url();
}

void ApiServer::Restart(std::vector<std::pair<std::string, std::string>> env) {
  if (process_->running()) process_->Kill();
  options_.env = std::move(env);
  StartProcess();
}

ApiServer::~ApiServer() {
  // The server goes before its database, closing its connections cleanly.
  if (process_ && process_->running()) process_->Terminate(std::chrono::seconds(10));
  process_.reset();
  database_.reset();
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return true;
}

std::int64_t RegisterApprovedApp(ApiServer& server, const TestUser& owner,
                                 const std::string& name) {
  auto reg = server.As(owner).Post("/api/v1/apps", AppBody(name));
  if (reg.status != 201) throw std::runtime_error("cannot register " + name + ": " + reg.raw.body);
  auto id = reg.Int("id");
  auto approved =
      server.Admin().Post("/api/v1/apps/" + std::to_string(id) + "/approve", {{"comment", "ok"}});
  if (approved.status != 200)
    throw std::runtime_error("cannot approve " + name + ": " + approved.raw.body);
  return id;
}

std::string ApiServer::SandboxUrl(const std::string& system) const {
  std::ifstream in(dir_->path() + "/data/sandbox-endpoints.json");
  if (!in) throw std::runtime_error("the sandbox does not run in this server");
  std::stringstream text;
  text << in.rdbuf();
  const auto endpoints = json::parse(text.str());
  const auto* url = endpoints.as_object().if_contains(system);
  if (!url) throw std::runtime_error("the sandbox has no " + system);
  return std::string(url->as_string());
}

void ApiServer::MintToken(TestUser& user) {
  Api session(base_url_, "", /*cookies=*/true);
  auto login = session.Post("/api/v1/auth/login",
                            {{"username", user.username}, {"password", user.password}});
  if (login.status != 200)
    throw std::runtime_error("cannot log in as " + user.username + ": " + login.raw.body);
  session.set_csrf_token(login.Str("csrf_token"));
  auto token = session.Post("/api/v1/tokens", {{"name", "integration-test"}});
  if (token.status != 201) throw std::runtime_error("cannot mint a token: " + token.raw.body);
  user.token = token.Str("token");
  user.token_id = token.Int("id");
  session.Post("/api/v1/auth/logout");
}

TestUser ApiServer::CreateUser(std::string_view role, std::string_view prefix) {
  TestUser user;
  user.username = UniqueName(prefix);
  user.password = "password-of-" + user.username;
  user.role = std::string(role);
  auto created =
      Admin().Post("/api/v1/users",
                   {{"username", user.username}, {"password", user.password}, {"role", user.role}});
  if (created.status != 201) throw std::runtime_error("cannot create a user: " + created.raw.body);
  user.id = created.Int("id");
  MintToken(user);
  return user;
}

std::string UniqueName(std::string_view prefix) {
  static std::atomic<int> counter{0};
  static const std::string run = [] {
    std::mt19937 rng{std::random_device{}()};
    std::string s;
    for (int i = 0; i < 5; ++i) s += "abcdefghijklmnopqrstuvwxyz"[rng() % 26];
    return s;
  }();
  return std::string(prefix) + "-" + std::to_string(++counter) + run;
}

json::object AppBody(const std::string& name, const std::string& team, const std::string& level) {
  return {{"name", name},
          {"team", team},
          {"type", "self_developed"},
          {"level", level},
          {"description", "integration test app " + name},
          {"repo_url", "https://git.example.com/" + team + "/" + name + ".git"}};
}

json::object CompleteDetailsBody(std::int64_t version, const std::string& approver) {
  return {
      {"version", version},
      {"build_job", "trade/service"},
      {"ports", json::array{json::object{{"name", "http"}, {"port", 8080}, {"protocol", "TCP"}}}},
      {"health_check", {{"type", "http"}, {"path", "/healthz"}, {"port", 8080}}},
      {"approvers", json::array{json::value(approver)}}};
}

std::vector<json::object> AuditOf(Api& api, const std::string& object) {
  std::vector<json::object> out;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    auto reply = api.Get("/api/v1/audit?limit=500&object=" + object +
                         (cursor.empty() ? "" : "&cursor=" + cursor));
    if (reply.status != 200)
      throw std::runtime_error("cannot read the audit log: " + reply.raw.body);
    for (const auto& item : reply.Object().at("items").as_array()) out.push_back(item.as_object());
    cursor = reply.Str("next_cursor");
    if (cursor.empty()) break;
  }
  return out;
}

std::size_t SuccessfulAuditCount(Api& api, const std::string& object) {
  std::size_t n = 0;
  for (const auto& record : AuditOf(api, object)) n += Text(record.at("result")) == "ok";
  return n;
}

namespace {
// Keyed by backend and whether the server runs the sandbox.
std::map<std::pair<Backend, bool>, std::unique_ptr<ApiServer>>& Servers() {
  static std::map<std::pair<Backend, bool>, std::unique_ptr<ApiServer>> servers;
  return servers;
}
}  // namespace

ApiServer& SharedServer(Backend backend) {
  auto& slot = Servers()[{backend, false}];
  if (!slot)
    slot = std::make_unique<ApiServer>(ServerOptions{.backend = backend, .extra_config = ""});
  return *slot;
}

ApiServer& SharedSandboxServer(Backend backend) {
  auto& slot = Servers()[{backend, true}];
  if (!slot) slot = std::make_unique<ApiServer>(SandboxOptions(backend));
  return *slot;
}

void StopSharedServers() { Servers().clear(); }

}  // namespace slipway::testing
