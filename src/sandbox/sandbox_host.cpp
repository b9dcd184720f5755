#include "sandbox/sandbox_host.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "http/server.hpp"

namespace slipway::sandbox {

namespace {

http::Response JsonError(int status, const std::string& message) {
  return http::Response::Json(status, boost::json::object{{"error", {{"message", message}}}});
}

http::Response Admin(Emulator& emulator, FaultInjector& faults, http::Request& request) {
  const auto& path = request.path;
  boost::json::object body;
  if (!request.body.empty()) {
    boost::system::error_code ec;
    auto v = boost::json::parse(request.body, ec);
    if (ec || !v.is_object()) return JsonError(400, "the body must be a JSON object");
    body = std::move(v.as_object());
  }
  if (path == "/_sandbox/faults" && request.method == "POST") {
    auto added = faults.AddRule(body);
    if (!added.ok()) return JsonError(400, added.error().message);
    return http::Response::Json(201, faults.ToJson());
  }
  if (path == "/_sandbox/faults" && request.method == "DELETE") {
    faults.Clear();
    return http::Response::NoContent();
  }
  if (path == "/_sandbox/latency" && request.method == "POST") {
    const auto* d = body.if_contains("delay_ms");
    if (!d || !d->is_int64() || d->as_int64() < 0 || d->as_int64() > 600'000) {
      return JsonError(400, "delay_ms must be an integer from 0 to 600000");
    }
    faults.SetLatency(static_cast<int>(d->as_int64()));
    return http::Response::Json(200, faults.ToJson());
  }
  if (path == "/_sandbox/state" && request.method == "GET") {
    return http::Response::Json(200, boost::json::object{{"system", emulator.system()},
                                                         {"state", emulator.State()},
                                                         {"injection", faults.ToJson()}});
  }
  if (path == "/_sandbox/calls" && request.method == "GET") {
    return http::Response::Json(200, boost::json::object{{"calls", faults.Calls()}});
  }
  if (path == "/_sandbox/reset" && request.method == "POST") {
    emulator.Reset();
    faults.Clear();
    return http::Response::NoContent();
  }
  return JsonError(404, "unknown sandbox admin endpoint " + request.method + " " + path);
}

}  // namespace

http::Response HandleSandboxRequest(Emulator& emulator, FaultInjector& faults, http::Request& request) {
  if (request.path.rfind("/_sandbox/", 0) == 0) return Admin(emulator, faults, request);
  if (auto injected = faults.Intercept(request)) {
    faults.Record(request, injected->status, true);
    injected->route = "injected";
    return *injected;
  }
  auto response = emulator.Handle(request);
  faults.Record(request, response.status, false);
  return response;
}

struct SandboxHost::Hosted {
  std::unique_ptr<Emulator> emulator;
  FaultInjector faults;
  std::unique_ptr<http::Server> server;
  std::thread thread;
};

SandboxHost::SandboxHost(std::string host) : host_(std::move(host)) {}

SandboxHost::~SandboxHost() { Stop(); }

void SandboxHost::Add(std::unique_ptr<Emulator> emulator) {
  auto hosted = std::make_unique<Hosted>();
  hosted->emulator = std::move(emulator);
  hosted_.push_back(std::move(hosted));
}

void SandboxHost::Add(std::unique_ptr<Service> service) { services_.push_back(std::move(service)); }

void SandboxHost::Start() {
  for (auto& h : hosted_) {
    http::ServerSettings settings;
    settings.host = host_;
    settings.port = 0;
    settings.worker_threads = 8;  // injected timeouts hold a worker each
    settings.body_limit = 256u << 20;  // image layers pushed to the registry
    Hosted* raw = h.get();
    h->server = std::make_unique<http::Server>(
        settings, [raw](http::Request& r) { return HandleSandboxRequest(*raw->emulator, raw->faults, r); },
        nullptr);
    h->server->Listen();
    std::string url = "http://" + host_ + ":" + std::to_string(h->server->port());
    h->emulator->SetBaseUrl(url);
    endpoints_[std::string(h->emulator->system())] = url;
    h->thread = std::thread([raw] { raw->server->Run(); });
  }
  for (auto& s : services_) endpoints_[std::string(s->system())] = s->Start(host_);
}

void SandboxHost::Stop() {
  for (auto& h : hosted_) {
    if (h->server) h->server->Shutdown();
  }
  for (auto& h : hosted_) {
    if (h->thread.joinable()) h->thread.join();
    h->server.reset();
  }
  for (auto& s : services_) s->Stop();
  services_.clear();
}

void SandboxHost::Wait() {
  for (auto& h : hosted_) {
    if (h->thread.joinable()) h->thread.join();
  }
}

Emulator* SandboxHost::Find(std::string_view system) const {
  for (const auto& h : hosted_) {
    if (h->emulator->system() == system) return h->emulator.get();
  }
  return nullptr;
}

}  // namespace slipway::sandbox
