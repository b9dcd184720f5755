#include "sandbox/kubernetes/kubernetes_emulator.hpp"

#include <sodium.h>

#include <map>

#include "connectors/kubernetes/model/controllers.hpp"
#include "sandbox/kubernetes/api_error.hpp"
#include "sandbox/kubernetes/api_path.hpp"
#include "sandbox/kubernetes/cluster.hpp"
#include "sandbox/kubernetes/discovery.hpp"
#include "sandbox/kubernetes/handlers.hpp"
#include "sandbox/kubernetes/openapi.hpp"
#include "sandbox/kubernetes/schema_checker.hpp"

namespace slipway::sandbox {

namespace json = boost::json;
using kube::ApiError;

namespace {

// Parsed schemas, shared by every emulator reading the same directory:
// parsing 3.4 MB of JSON once per process instead of once per emulator.
const kube::SchemaChecker* SharedSchemas(kube::OpenApiDocuments& docs) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<kube::SchemaChecker>> cache;
  std::lock_guard lock(mutex);
  auto& checker = cache[docs.dir()];
  if (!checker) {
    checker = std::make_unique<kube::SchemaChecker>();
    // RBAC's document is read when the directory has it (the shared one does
    // not): without it RBAC objects are stored unchecked by the schema.
    for (const char* gv : {"api/v1", "apis/apps/v1", "apis/networking.k8s.io/v1",
                           "apis/rbac.authorization.k8s.io/v1"}) {
      if (auto doc = docs.Document(gv)) checker->AddDocument(json::parse(*doc));
    }
  }
  return checker->empty() ? nullptr : checker.get();
}

}  // namespace

KubernetesEmulator::KubernetesEmulator(kube::KubernetesSettings settings)
    : settings_(std::move(settings)),
      openapi_(std::make_unique<kube::OpenApiDocuments>(settings_.openapi_dir)),
      cluster_(std::make_unique<kube::Cluster>(settings_)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  cluster_->schemas = [this] { return SharedSchemas(*openapi_); };
  cluster_->Bootstrap();
  controllers_ = std::thread([this] { Loop(); });
}

KubernetesEmulator::~KubernetesEmulator() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    cluster_->watches.Clear();  // ends open watches
  }
  wake_.notify_all();
  controllers_.join();
}

void KubernetesEmulator::Loop() {
  std::unique_lock lock(mutex_);
  // Wait first: without react_at_once a round only ever follows a full tick,
  // so tests that drive rounds by hand (a tick of an hour) never race with
  // this thread. With it, a write or a pod's or namespace's due time ends
  // the wait: the real controllers react to watch events within
  // milliseconds, and a fixed tick would add up to one tick per hop.
  auto last_round = cluster_->clock.Now();
  while (true) {
    auto until = kube::Clock::now() + settings_.tick;
    if (settings_.react_at_once) {
      const auto due = kube::model::NextDue(*cluster_, last_round);
      if (due != kube::model::kNever) {
        until = std::min(
            until, kube::Clock::now() + std::chrono::milliseconds(due - cluster_->clock.Now()));
      }
    }
    wake_.wait_until(lock, until, [this] { return stopping_ || changed_; });
    if (stopping_) return;
    changed_ = false;
    last_round = RoundLocked(false);
  }
}

core::Millis KubernetesEmulator::RoundLocked(bool everything) {
  const auto now = cluster_->clock.Now();
  if (everything) {
    kube::model::RunControllers(*cluster_, now);
  } else {
    kube::model::RunQueuedControllers(*cluster_, now);
  }
  cluster_->watches.Tick(kube::Clock::now(), settings_.bookmark_interval, cluster_->store.rv());
  return now;
}

void KubernetesEmulator::RunControllersOnce() {
  std::lock_guard lock(mutex_);
  RoundLocked(true);
}

void KubernetesEmulator::RunChangedControllersOnce() {
  std::lock_guard lock(mutex_);
  RoundLocked(false);
}

void KubernetesEmulator::SetBaseUrl(const std::string& url) {
  std::lock_guard lock(mutex_);
  auto scheme = url.find("://");
  server_address_ = scheme == std::string::npos ? url : url.substr(scheme + 3);
}

http::Response KubernetesEmulator::Handle(http::Request& request) {
  try {
    auto response = Serve(request);
    if (response.route == "unmatched") response.route = "kubernetes";
    return response;
  } catch (const ApiError& e) {
    auto response = e.ToResponse();
    response.route = "kubernetes";
    return response;
  } catch (const std::exception& e) {
    auto response = ApiError(500, "InternalError",
                             std::string("an error on the server (\"") + e.what() +
                                 "\") has prevented the request from succeeding")
                        .ToResponse();
    response.route = "kubernetes";
    return response;
  }
}

http::Response KubernetesEmulator::Serve(http::Request& request) {
  if (!settings_.required_token.empty() &&
      request.Header("authorization") != "Bearer " + settings_.required_token) {
    throw kube::Unauthorized();
  }
  const std::string& path = request.path;
  if (path == "/healthz" || path == "/livez" || path == "/readyz") {
    return http::Response::Text(200, "ok");
  }
  if (path == "/openapi/v3" || path == "/openapi/v3/") {
    auto index = openapi_->Index();
    if (!index) throw kube::NoSuchPath();
    return http::Response::Text(200, *index, "application/json");
  }
  if (path.rfind("/openapi/v3/", 0) == 0) {
    auto doc = openapi_->Document(path.substr(12));
    if (!doc) throw kube::NoSuchPath();
    auto r = http::Response::Text(200, std::move(*doc), "application/json");
    r.headers.emplace_back("Cache-Control", "public, immutable");
    return r;
  }
  std::lock_guard lock(mutex_);
  if (request.method == "GET") {
    if (auto doc = kube::Discovery(path, server_address_)) return http::Response::Json(200, *doc);
  }
  auto api_path = kube::ParseApiPath(path);
  if (!api_path) throw kube::NoSuchPath();
  const auto before = cluster_->store.rv();
  auto response = kube::ServeResource(*cluster_, *api_path, request);
  if (settings_.react_at_once && cluster_->store.rv() != before) {
    changed_ = true;
    wake_.notify_all();
  }
  return response;
}

json::value KubernetesEmulator::State() const {
  std::lock_guard lock(mutex_);
  json::object counts;
  json::object objects;
  for (const auto& type : kube::AllResources()) {
    json::array items;
    for (const auto* o : cluster_->store.List(type)) items.push_back(*o);
    counts[type.plural] = items.size();
    objects[type.plural] = std::move(items);
  }
  json::array ready;
  for (const auto& r : cluster_->pods_ready) {
    ready.push_back(
        {{"namespace", r.ns}, {"name", r.name}, {"labels", r.labels}, {"ready_at_ms", r.at_ms}});
  }
  return json::object{{"resourceVersion", std::to_string(cluster_->store.rv())},
                      {"watches", cluster_->watches.count()},
                      {"counts", std::move(counts)},
                      {"objects", std::move(objects)},
                      {"pods_ready", std::move(ready)}};
}

void KubernetesEmulator::Reset() {
  std::lock_guard lock(mutex_);
  cluster_->watches.Clear();
  cluster_ = std::make_unique<kube::Cluster>(settings_);
  cluster_->schemas = [this] { return SharedSchemas(*openapi_); };
  cluster_->Bootstrap();
}

}  // namespace slipway::sandbox
