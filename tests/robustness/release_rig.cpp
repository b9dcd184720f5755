#include "release_rig.hpp"

#include <fstream>
#include <stdexcept>
#include <thread>

#include "connectors/jenkins/client.hpp"
#include "connectors/registry/client.hpp"
#include "sandbox/consul/consul_emulator.hpp"

namespace slipway::testing {

namespace json = boost::json;

namespace {

constexpr const char* kAdminPassword = "release-crash-admin-password";
// Every server of a rig seals connector secrets (the cluster's kubeconfig)
// with one key, as replicas must: "slipway-replica-test-key-32bytes".
constexpr const char* kSecretKey = "c2xpcHdheS1yZXBsaWNhLXRlc3Qta2V5LTMyYnl0ZXM=";

SandboxProcessOptions RigSandbox(std::chrono::milliseconds pod_ready_delay) {
  SandboxProcessOptions options;
  options.pod_ready_delay = pod_ready_delay;
  return options;
}

// "/apis/apps/v1/namespaces/ns/deployments?x=y" → true for that collection.
bool IsCollection(const std::string& target, const std::string& collection) {
  const auto path = target.substr(0, target.find('?'));
  return path == collection;
}

bool Ended(const Reply& release) {
  const auto state = release.Str("state");
  return state == "completed" || state == "failed";
}

}  // namespace

ReleaseRig::ReleaseRig(ReleaseRigOptions options)
    : options_(std::move(options)), sandbox_(RigSandbox(options_.pod_ready_delay)) {
  std::ofstream(ConfigFile()) << "auth:\n  argon2: {time_cost: 1, memory_kib: 64}\n"
                              << "sandbox:\n  enabled: false\n"
                              << "connectors:\n  registry: {url: " << sandbox_.Url("registry")
                              << "}\n"
                              << "  consul: {url: " << sandbox_.Url("consul")
                              << ", token: " << sandbox::kSandboxConsulToken << "}\n"
                              << "  jenkins: {url: " << sandbox_.Url("jenkins")
                              << ", user: admin, token: slipway-sandbox-token}\n"
                              << "builds:\n  create_missing_jobs: true\n"
                              << "log:\n  access_log: false\n"
                              << options_.extra_config;
  if (options_.backend == Backend::kPostgres) {
    TestDatabaseOptions db;
    db.migrate = false;  // `slipway serve` migrates, as in production
    db.pool_size = 1;
    db.postgres_server_url = options_.postgres_server_url;
    database_ = std::make_unique<TestDatabase>(OpenTestDatabaseOf("postgres", db));
  }
}

ReleaseRig::~ReleaseRig() {
  for (auto& server : servers_) {
    if (server && server->running()) server->Terminate(std::chrono::seconds(10));
  }
  servers_.clear();  // before the database goes
}

std::string ReleaseRig::ConfigFile() const { return dir_.path() + "/slipway.yaml"; }

std::unique_ptr<SlipwayProcess> ReleaseRig::Launch(const std::string& failpoints) {
  ProcessOptions options;
  // Replicas on PostgreSQL share the data dir too: nothing in it is the database's.
  options.args = {"serve",
                  "--config",
                  ConfigFile(),
                  "--data-dir",
                  dir_.path() + "/data",
                  "--engine-lease-ms",
                  std::to_string(options_.lease_ms)};
  if (database_) {
    options.args.push_back("--database-url");
    options.args.push_back(database_->url());
  }
  options.env = {{"SLIPWAY_ADMIN_PASSWORD", kAdminPassword}, {"SLIPWAY_SECRET_KEY", kSecretKey}};
  if (!failpoints.empty()) options.env.emplace_back("SLIPWAY_FAILPOINTS", failpoints);
  return std::make_unique<SlipwayProcess>(std::move(options));
}

void ReleaseRig::StartServer(const std::string& failpoints) {
  if (!servers_.empty() && server().running())
    throw std::logic_error("a server is running already");
  auto started = Launch(failpoints);
  if (servers_.empty()) {
    servers_.push_back(std::move(started));
  } else {
    servers_.at(current_) = std::move(started);
  }
  if (!admin_token_.empty()) return;
  Api session(server().base_url(), "", /*cookies=*/true);
  auto login =
      session.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", kAdminPassword}});
  if (login.status != 200) throw std::runtime_error("cannot log in: " + login.raw.body);
  session.set_csrf_token(login.Str("csrf_token"));
  auto token = session.Post("/api/v1/tokens", {{"name", "release-crash-test"}});
  if (token.status != 201) throw std::runtime_error("cannot mint a token: " + token.raw.body);
  admin_token_ = token.Str("token");
}

std::size_t ReleaseRig::StartReplica(const std::string& failpoints) {
  if (!database_) throw std::logic_error("replicas need PostgreSQL");
  if (servers_.empty()) throw std::logic_error("start the first server with StartServer");
  servers_.push_back(Launch(failpoints));
  return servers_.size() - 1;
}

void ReleaseRig::UseReplica(std::size_t index) {
  if (index >= servers_.size()) throw std::out_of_range("no such replica");
  current_ = index;
}

std::optional<ExitStatus> ReleaseRig::WaitForExit(std::chrono::milliseconds timeout) {
  return server().Wait(timeout);
}

ExitStatus ReleaseRig::StopServer() { return server().Terminate(); }

Api ReleaseRig::Admin() const { return Api(servers_.at(current_)->base_url(), admin_token_); }

std::optional<Reply> ReleaseRig::TryPost(const std::string& path, const json::value& body) {
  try {
    return Admin().Post(path, body);
  } catch (const std::runtime_error&) {
    return std::nullopt;  // the transport failed: the server is gone
  }
}

std::string ReleaseRig::PushImage(const std::string& repository, const std::string& tag) {
  connectors::TransportSettings settings;
  settings.base_url = sandbox_.Url("registry");
  connectors::registry::RegistryClient registry(settings);
  auto pushed = registry.PushImage(repository, tag);
  if (!pushed.ok())
    throw std::runtime_error("cannot push " + repository + ":" + tag + ": " +
                             pushed.error().message);
  return sandbox_.HostPort("registry") + "/" + repository + ":" + tag;
}

Api ReleaseRig::Kube() const { return Api(sandbox_.Url("kubernetes"), ""); }

void ReleaseRig::AddFault(const std::string& system, const json::object& rule) {
  auto added = Api(sandbox_.Url(system), "").Post("/_sandbox/faults", rule);
  if (added.status != 200 && added.status != 201 && added.status != 204) {
    throw std::runtime_error("cannot add a fault to " + system + ": " + added.raw.body);
  }
}

std::size_t ReleaseRig::PendingFaults(const std::string& system) {
  auto state = Api(sandbox_.Url(system), "").Get("/_sandbox/state");
  if (state.status != 200)
    throw std::runtime_error("cannot read the state of " + system + ": " + state.raw.body);
  return state.Object().at("injection").at("faults").as_array().size();
}

std::int64_t ReleaseRig::JenkinsBuilds(const std::string& job) {
  connectors::jenkins::JenkinsSettings settings;
  settings.transport.base_url = sandbox_.Url("jenkins");
  settings.transport.basic_user = "admin";
  settings.transport.basic_password = "slipway-sandbox-token";
  auto item = connectors::jenkins::JenkinsClient(settings).GetItem(job);
  if (!item.ok())
    throw std::runtime_error("cannot read the Jenkins job " + job + ": " + item.error().message);
  return item->last_build.value_or(0);
}

void ReleaseRig::ClearCalls() {
  auto cleared = Kube().Delete("/_sandbox/faults");
  if (cleared.status != 200 && cleared.status != 204)
    throw std::runtime_error("cannot clear the call log");
}

KubeCalls ReleaseRig::Calls() {
  const std::string ns = std::string("/namespaces/") + kRigNamespace;
  auto reply = Kube().Get("/_sandbox/calls");
  KubeCalls out;
  for (const auto& v : reply.Object().at("calls").as_array()) {
    const auto& call = v.as_object();
    ++out.total;
    if (Text(call.at("method")) != "POST" || call.at("status").as_int64() != 201) continue;
    const auto target = Text(call.at("target"));
    out.deployments_created += IsCollection(target, "/apis/apps/v1" + ns + "/deployments");
    out.services_created += IsCollection(target, "/api/v1" + ns + "/services");
  }
  return out;
}

std::string ReleaseRig::Uid(const std::string& resource_path) {
  auto reply = Kube().Get(resource_path);
  if (reply.status != 200) return "";
  return Text(reply.Object().at("metadata").at("uid"));
}

std::string ReleaseRig::RegisterCluster() {
  cluster_ = UniqueName("crash");
  const std::string kubeconfig =
      "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
      "clusters:\n- name: k\n  cluster:\n    server: " +
      sandbox_.Url("kubernetes") +
      "\n"
      "users:\n- name: u\n  user:\n    token: crash-test-token\n"
      "contexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n";
  auto created = Admin().Post("/api/v1/clusters", {{"name", cluster_},
                                                   {"connection", "kubeconfig"},
                                                   {"kubeconfig", kubeconfig},
                                                   {"namespaces", {{"test", kRigNamespace}}},
                                                   {"registry", sandbox_.HostPort("registry")}});
  if (created.status != 201)
    throw std::runtime_error("cannot register the cluster: " + created.raw.body);
  return cluster_;
}

std::int64_t ReleaseRig::CreateApp(const std::string& name) {
  auto reg = Admin().Post("/api/v1/apps", AppBody(name));
  if (reg.status != 201) throw std::runtime_error("cannot register " + name + ": " + reg.raw.body);
  const auto id = reg.Int("id");
  auto approved =
      Admin().Post("/api/v1/apps/" + std::to_string(id) + "/approve", {{"comment", "ok"}});
  if (approved.status != 200)
    throw std::runtime_error("cannot approve " + name + ": " + approved.raw.body);
  return id;
}

std::int64_t ReleaseRig::CreateCommercialApp(const std::string& name) {
  auto reg = Admin().Post(
      "/api/v1/apps",
      {{"name", name}, {"team", "crash"}, {"type", "commercial"}, {"level", "non_core"}});
  if (reg.status != 201) throw std::runtime_error("cannot register " + name + ": " + reg.raw.body);
  const std::string app = "/api/v1/apps/" + std::to_string(reg.Int("id"));
  auto approved = Admin().Post(app + "/approve", {{"comment", "ok"}});
  if (approved.status != 200)
    throw std::runtime_error("cannot approve " + name + ": " + approved.raw.body);
  // The approver is a member of its own (not the owner).
  const auto approver = UniqueName("approver");
  auto user = Admin().Post(
      "/api/v1/users",
      {{"username", approver}, {"password", "password-of-" + approver}, {"role", "approver"}});
  if (user.status != 201) throw std::runtime_error("cannot create an approver: " + user.raw.body);
  auto details = CompleteDetailsBody(approved.Int("version"), approver);
  details.erase("build_job");
  details["vendor_image"] = sandbox_.HostPort("registry") + "/slipway/" + name;
  auto completed = Admin().Put(app + "/details", details);
  if (completed.status != 200)
    throw std::runtime_error("cannot complete " + name + ": " + completed.raw.body);
  return reg.Int("id");
}

std::int64_t ReleaseRig::SubmitChange(std::int64_t app_id, std::int64_t env_id,
                                      const std::string& image) {
  auto created =
      Admin().Post("/api/v1/apps/" + std::to_string(app_id) + "/changes",
                   {{"env_id", env_id}, {"title", "release " + image}, {"image", image}});
  if (created.status != 201)
    throw std::runtime_error("cannot create a change: " + created.raw.body);
  const auto id = created.Int("id");
  auto submitted = Admin().Post("/api/v1/changes/" + std::to_string(id) + "/submit");
  if (submitted.status != 200 || submitted.Str("state") != "pending_release") {
    throw std::runtime_error("cannot submit the change: " + submitted.raw.body);
  }
  return id;
}

std::int64_t ReleaseRig::CreateEnv(std::int64_t app_id, const std::string& image, int replicas,
                                   const json::object& release_policy) {
  json::object body{{"env_type", "test"},
                    {"cluster", cluster_},
                    {"image", image},
                    {"replicas", replicas},
                    {"ports", json::array{{{"container_port", 8080}}}}};
  if (!release_policy.empty()) body["release_policy"] = release_policy;
  auto env = Admin().Post("/api/v1/apps/" + std::to_string(app_id) + "/environments", body);
  if (env.status != 201) throw std::runtime_error("cannot create the environment: " + env.raw.body);
  return env.Int("id");
}

bool ReleaseRig::WaitForPods(std::int64_t env_id, int count, const std::string& image) {
  return WaitUntil(
      [&] {
        auto pods = Admin().Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
        if (pods.status != 200) return false;
        const auto& items = pods.Object().at("items").as_array();
        int good = 0;
        for (const auto& p : items) {
          good += p.at("ready").as_bool() && !p.at("terminating").as_bool() &&
                  Text(p.at("image")) == image;
        }
        return good == count && static_cast<int>(items.size()) == count;
      },
      std::chrono::seconds(60));
}

Reply ReleaseRig::Workflow(const std::string& workflow_id) {
  return Admin().Get("/api/v1/workflows/" + workflow_id);
}

std::int64_t ReleaseRig::LatestRelease(std::int64_t env_id) {
  auto list = Admin().Get("/api/v1/releases?limit=1&env_id=" + std::to_string(env_id));
  const auto& items = list.Object().at("items").as_array();
  return items.empty() ? 0 : items.at(0).at("id").as_int64();
}

Reply ReleaseRig::WaitForEnd(std::int64_t release_id, std::chrono::milliseconds timeout) {
  Reply last;
  WaitUntil(
      [&] {
        last = Admin().Get("/api/v1/releases/" + std::to_string(release_id));
        const auto state = last.Str("state");
        return state == "completed" || state == "failed";
      },
      timeout);
  return last;
}

Reply ReleaseRig::DriveToEnd(std::int64_t release_id, std::chrono::milliseconds timeout) {
  Reply last;
  const auto end_by = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end_by) {
    auto view = Step(release_id);
    if (view && view->status == 200) last = *view;
    if (view && view->status == 200 && Ended(*view)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return last;
}

std::int64_t ReleaseRig::StartBuild(std::int64_t app_id, const std::string& version) {
  auto started = Admin().Post("/api/v1/apps/" + std::to_string(app_id) + "/builds",
                              {{"branch", "main"}, {"version", version}, {"note", "replica test"}});
  if (started.status != 201) throw std::runtime_error("cannot start a build: " + started.raw.body);
  return started.Int("id");
}

std::optional<Reply> ReleaseRig::Step(std::int64_t release_id) {
  const std::string path = "/api/v1/releases/" + std::to_string(release_id);
  std::optional<Reply> view;
  try {
    view = Admin().Get(path);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  if (view->status != 200 || view->Str("state") != "canary") return view;
  // Paused at display step k (1 = the first canary step) wants the k-th
  // promotion; a promotion recorded by a request whose answer was lost counts.
  std::int64_t paused_at = 0, promotions = 0;
  for (const auto& step : view->Object().at("steps").as_array()) {
    if (Text(step.at("state")) == "waiting") paused_at = step.at("index").as_int64();
  }
  for (const auto& op : view->Object().at("operations").as_array())
    promotions += Text(op.at("kind")) == "promote";
  if (paused_at > promotions) TryPost(path + "/promote");
  return view;
}

CrashRun ReleaseRig::DriveThroughCrash(std::int64_t env_id, std::int64_t previous_release) {
  CrashRun run;
  auto find_release = [&] {
    if (run.release_id == 0) {
      try {
        const auto latest = LatestRelease(env_id);
        if (latest != previous_release) run.release_id = latest;
      } catch (const std::runtime_error&) {
      }
    }
    return run.release_id;
  };
  // While the fail-pointed server lives.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (server().running() && std::chrono::steady_clock::now() < deadline) {
    if (find_release() != 0) {
      auto view = Step(run.release_id);
      // Ended before the crash: the fail point may sit right after the last commit.
      if (view && view->status == 200 && Ended(*view)) {
        server().Wait(std::chrono::seconds(10));
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  run.exit = server().status();
  run.stderr_text = server().ReadStderr();
  if (!run.exit) server().Kill();  // never hit: the test fails on run.exit
  // After the restart: to the end.
  StartServer();
  const auto found_by = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (find_release() == 0 && std::chrono::steady_clock::now() < found_by) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (run.release_id != 0) run.end = DriveToEnd(run.release_id);
  return run;
}

}  // namespace slipway::testing
