#include "lane_rig.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "connectors/dns/client.hpp"
#include "sandbox/consul/consul_emulator.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::testing {

namespace json = boost::json;

namespace {

constexpr const char* kAdminPassword = "lane-crash-admin-password";
constexpr const char* kGitLabToken = "glpat-slipway-sandbox";
constexpr const char* kJenkinsUser = "admin";
constexpr const char* kJenkinsToken = "slipway-sandbox-token";

const cli::HeaderList kConsulAuth{{"X-Consul-Token", sandbox::kSandboxConsulToken}};
const cli::HeaderList kGitLabAuth{{"PRIVATE-TOKEN", kGitLabToken}};
const cli::HeaderList kJenkinsAuth{{"Authorization", "Basic YWRtaW46c2xpcHdheS1zYW5kYm94LXRva2Vu"}};

SandboxProcessOptions RigSandbox() {
  SandboxProcessOptions options;
  options.pod_ready_delay = std::chrono::milliseconds(200);
  return options;
}

std::string PathOf(const std::string& target) { return target.substr(0, target.find('?')); }

}  // namespace

std::string LaneNamespace(const std::string& lane) {
  std::string s;
  for (char c : lane)
    s += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  return s;
}

std::string EncodePath(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

LaneRig::LaneRig() : sandbox_(RigSandbox()) {
  const std::string dns = sandbox_.Url("dns");  // "127.0.0.1:PORT"
  std::ofstream(dir_.path() + "/tsig.secret") << sandbox::kSandboxTsigSecret << "\n";
  std::ofstream(ConfigFile())
      << "auth:\n  argon2: {time_cost: 1, memory_kib: 64}\n"
      << "sandbox:\n  enabled: false\n"
      << "connectors:\n"
      << "  registry: {url: " << sandbox_.Url("registry") << "}\n"
      << "  gitlab: {url: " << sandbox_.Url("gitlab") << ", token: " << kGitLabToken << "}\n"
      << "  jenkins: {url: " << sandbox_.Url("jenkins") << ", user: " << kJenkinsUser
      << ", token: " << kJenkinsToken << "}\n"
      << "  consul: {url: " << sandbox_.Url("consul") << ", token: " << sandbox::kSandboxConsulToken
      << "}\n"
      << "  tapd: {url: " << sandbox_.Url("tapd") << ", user: " << sandbox::kSandboxTapdUser
      << ", token: " << sandbox::kSandboxTapdPassword << "}\n"
      << "  dns: {server: \"" << dns << "\", zone: " << sandbox::kSandboxDnsZone
      << ", key_name: " << sandbox::kSandboxTsigKeyName << ", key_secret_file: " << dir_.path()
      << "/tsig.secret}\n"
      // The server listens on a new port after each restart; GitLab reaches it at one address.
      << "lanes:\n  domain_suffix: sandbox.test\n  hook_url: "
         "http://slipway.lane-rig.test/hooks/gitlab\n"
      << "log:\n  access_log: false\n";
}

LaneRig::~LaneRig() {
  if (server_ && server_->running()) server_->Terminate(std::chrono::seconds(10));
}

std::string LaneRig::ConfigFile() const { return dir_.path() + "/slipway.yaml"; }

void LaneRig::StartServer(const std::string& failpoints) {
  if (server_ && server_->running()) throw std::logic_error("a server is running already");
  ProcessOptions options;
  options.args = {
      "serve", "--config", ConfigFile(), "--data-dir", dir_.path() + "/data", "--engine-lease-ms",
      "1000"};
  options.env = {{"SLIPWAY_ADMIN_PASSWORD", kAdminPassword}};
  if (!failpoints.empty()) options.env.emplace_back("SLIPWAY_FAILPOINTS", failpoints);
  server_ = std::make_unique<SlipwayProcess>(std::move(options));
  if (!admin_token_.empty()) return;
  Api session(server_->base_url(), "", /*cookies=*/true);
  auto login =
      session.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", kAdminPassword}});
  if (login.status != 200) throw std::runtime_error("cannot log in: " + login.raw.body);
  session.set_csrf_token(login.Str("csrf_token"));
  auto token = session.Post("/api/v1/tokens", {{"name", "lane-crash-test"}});
  if (token.status != 201) throw std::runtime_error("cannot mint a token: " + token.raw.body);
  admin_token_ = token.Str("token");
}

std::optional<ExitStatus> LaneRig::WaitForExit(std::chrono::milliseconds timeout) {
  return server_->Wait(timeout);
}

Api LaneRig::Admin() const { return Api(server_->base_url(), admin_token_); }

std::optional<Reply> LaneRig::TrySend(const std::string& method, const std::string& path,
                                      const std::optional<json::value>& body) {
  try {
    return Admin().Send(method, path, body);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

void LaneRig::RegisterCluster() {
  cluster_ = UniqueName("lanes");
  const std::string kubeconfig =
      "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
      "clusters:\n- name: k\n  cluster:\n    server: " +
      sandbox_.Url("kubernetes") +
      "\n"
      "users:\n- name: u\n  user:\n    token: lane-crash-token\n"
      "contexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n";
  auto created =
      Admin().Post("/api/v1/clusters", {{"name", cluster_},
                                        {"connection", "kubeconfig"},
                                        {"kubeconfig", kubeconfig},
                                        {"namespaces", {{"test", kLaneRigBaseNamespace}}},
                                        {"registry", sandbox_.HostPort("registry")}});
  if (created.status != 201)
    throw std::runtime_error("cannot register the cluster: " + created.raw.body);
}

LaneRigApp LaneRig::CreateApp(const std::string& prefix, const std::string& domain) {
  LaneRigApp app{UniqueName(prefix), "", domain};
  app.project = "trade/" + app.name;
  auto reg = Admin().Post("/api/v1/apps", AppBody(app.name));
  if (reg.status != 201)
    throw std::runtime_error("cannot register " + app.name + ": " + reg.raw.body);
  const std::string path = "/api/v1/apps/" + std::to_string(reg.Int("id"));
  auto approved = Admin().Post(path + "/approve", {{"comment", "ok"}});
  if (approved.status != 200)
    throw std::runtime_error("cannot approve " + app.name + ": " + approved.raw.body);
  json::array domains;
  if (!domain.empty()) domains.push_back(json::value(domain));
  auto details = Admin().Put(
      path + "/details", {{"version", approved.Int("version")},
                          {"ports", json::array{json::object{{"name", "http"}, {"port", 8080}}}},
                          {"business_domains", domains}});
  if (details.status != 200)
    throw std::runtime_error("cannot set the details of " + app.name + ": " + details.raw.body);
  auto env = Admin().Post(path + "/environments", {{"env_type", "test"}, {"cluster", cluster_}});
  if (env.status != 201) throw std::runtime_error("cannot create the environment: " + env.raw.body);
  auto put = Emulator("consul").SendRaw(
      "PUT", "/v1/kv/slipway/config/" + app.name + "/test/" + cluster_ + "/app.properties",
      "greeting=hello\n", "text/plain", kConsulAuth);
  if (put.status != 200) throw std::runtime_error("cannot write the base config: " + put.raw.body);
  return app;
}

json::object LaneRig::LaneBody(const std::string& name, const std::vector<LaneRigApp>& apps) const {
  json::array list;
  for (const auto& a : apps) list.push_back(json::object{{"app", a.name}});
  return {
      {"name", name},
      {"story",
       {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", sandbox::kSandboxTapdStoryId}}},
      {"apps", list}};
}

Reply LaneRig::WaitForLane(std::int64_t id, const std::function<bool(const Reply&)>& done,
                           std::chrono::milliseconds timeout) {
  Reply last;
  WaitUntil(
      [&] {
        auto view = TrySend("GET", "/api/v1/lanes/" + std::to_string(id));
        if (!view) return false;
        last = *view;
        return last.status == 200 && done(last);
      },
      timeout);
  return last;
}

Api LaneRig::Emulator(const std::string& system) const { return Api(sandbox_.Url(system), ""); }

json::array LaneRig::Calls(const std::string& system) {
  auto reply = Emulator(system).Get("/_sandbox/calls");
  if (reply.status != 200)
    throw std::runtime_error("no call log of " + system + ": " + reply.raw.body);
  return reply.Object().at("calls").as_array();
}

std::size_t LaneRig::HookCount(const std::string& project, const std::string& lane_ns) {
  auto hooks = Emulator("gitlab").Send("GET", "/api/v4/projects/" + EncodePath(project) + "/hooks",
                                       std::nullopt, kGitLabAuth);
  std::size_t n = 0;
  if (!hooks.json.is_array()) return 0;
  for (const auto& h : hooks.json.as_array()) n += Text(h.at("url")).ends_with("lane=" + lane_ns);
  return n;
}

long LaneRig::JobStatus(const std::string& path) {
  std::string url;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    url += "/job/" +
           path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return Emulator("jenkins").Send("GET", url + "/api/json", std::nullopt, kJenkinsAuth).status;
}

int LaneRig::JobsCreated(const std::string& folder, const std::string& job) {
  int n = 0;
  const std::string target = "/job/" + folder + "/createItem?name=" + job;
  for (const auto& v : Calls("jenkins")) {
    const auto& call = v.as_object();
    n += Text(call.at("method")) == "POST" && call.at("status").as_int64() == 200 &&
         Text(call.at("target")).starts_with(target) &&
         (Text(call.at("target")).size() == target.size() ||
          Text(call.at("target"))[target.size()] == '&');
  }
  return n;
}

int LaneRig::HooksCreated(const std::string& project) {
  int n = 0;
  const std::string path = "/api/v4/projects/" + EncodePath(project) + "/hooks";
  for (const auto& v : Calls("gitlab")) {
    const auto& call = v.as_object();
    n += Text(call.at("method")) == "POST" && call.at("status").as_int64() == 201 &&
         PathOf(Text(call.at("target"))) == path;
  }
  return n;
}

int LaneRig::KubeCreated(const std::string& collection) {
  int n = 0;
  for (const auto& v : Calls("kubernetes")) {
    const auto& call = v.as_object();
    n += Text(call.at("method")) == "POST" && call.at("status").as_int64() == 201 &&
         PathOf(Text(call.at("target"))) == collection;
  }
  return n;
}

std::vector<std::string> LaneRig::DnsA(const std::string& host) {
  const std::string address = sandbox_.Url("dns");
  connectors::dns::DnsSettings s;
  s.server = address.substr(0, address.rfind(':'));
  s.port = static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
  s.zone = sandbox::kSandboxDnsZone;
  s.key_name = sandbox::kSandboxTsigKeyName;
  s.key_secret = sandbox::kSandboxTsigSecret;
  auto records = connectors::dns::DnsClient(s).Query(host, connectors::DnsType::kA);
  if (!records.ok())
    throw std::runtime_error("cannot query " + host + ": " + records.error().message);
  std::vector<std::string> out;
  for (const auto& r : *records) out.push_back(r.value);
  return out;
}

std::vector<std::string> LaneRig::ConsulKeys(const std::string& prefix) {
  auto reply =
      Emulator("consul").Send("GET", "/v1/kv/" + prefix + "?keys", std::nullopt, kConsulAuth);
  std::vector<std::string> out;
  if (reply.status == 404) return out;
  if (!reply.json.is_array())
    throw std::runtime_error("cannot list Consul keys: " + reply.raw.body);
  for (const auto& k : reply.json.as_array()) out.push_back(Text(k));
  std::sort(out.begin(), out.end());
  return out;
}

std::string LaneRig::ConsulValue(const std::string& key) {
  auto raw = Emulator("consul").Send("GET", "/v1/kv/" + key + "?raw", std::nullopt, kConsulAuth);
  return raw.status == 200 ? raw.raw.body : "<" + std::to_string(raw.status) + ">";
}

long LaneRig::KubeStatus(const std::string& path) {
  return Emulator("kubernetes").Get(path).status;
}

long LaneRig::BranchStatus(const std::string& project, const std::string& branch) {
  return Emulator("gitlab")
      .Send(
          "GET",
          "/api/v4/projects/" + EncodePath(project) + "/repository/branches/" + EncodePath(branch),
          std::nullopt, kGitLabAuth)
      .status;
}

}  // namespace slipway::testing
