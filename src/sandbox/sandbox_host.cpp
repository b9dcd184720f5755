#include "sandbox/sandbox_host.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "http/server.hpp"

namespace slipway::sandbox {

namespace {

http::Response JsonError(int status, const std::string& message) {
  return http::Response::Json(status, boost::json::object{{"error", {{"message", message}}}});
}

// `Target` is an Emulator or a Service: both have system(), State() and Reset().
template <class Target>
http::Response Admin(Target& target, FaultControl& faults, http::Request& request) {
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
    return http::Response::Json(200, boost::json::object{{"system", target.system()},
                                                         {"state", target.State()},
                                                         {"injection", faults.ToJson()}});
  }
  if (path == "/_sandbox/calls" && request.method == "GET") {
    return http::Response::Json(200, boost::json::object{{"calls", faults.Calls()}});
  }
  if (path == "/_sandbox/reset" && request.method == "POST") {
    target.Reset();
    faults.Clear();
    return http::Response::NoContent();
  }
  return JsonError(404, "unknown sandbox admin endpoint " + request.method + " " + path);
}

std::unique_ptr<http::Server> ListenOn(const std::string& host, std::uint16_t port,
                                       int worker_threads, const http::Handler& handler) {
  http::ServerSettings settings;
  settings.host = host;
  settings.port = port;
  settings.worker_threads = worker_threads;
  settings.body_limit = 256u << 20;  // image layers pushed to the registry
  auto server = std::make_unique<http::Server>(settings, handler, nullptr);
  server->Listen();
  return server;
}

// The wanted port of `name` (0: none), and what to do when it is taken.
class PortChoice {
 public:
  PortChoice(const std::map<std::string, std::uint16_t>& ports, bool required)
      : ports_(ports), required_(required) {}

  // Runs `bind` with the wanted port; when that fails and the port is only
  // preferred, again with 0 (a free port).
  template <class Binder>
  auto Bind(const std::string& name, Binder&& bind) -> decltype(bind(std::uint16_t{0})) {
    auto it = ports_.find(name);
    const std::uint16_t wanted = it == ports_.end() ? 0 : it->second;
    try {
      return bind(wanted);
    } catch (const std::exception& e) {
      if (wanted == 0) throw;
      if (required_) {
        throw std::runtime_error("sandbox: cannot listen on port " + std::to_string(wanted) +
                                 " for " + name + ": " + e.what());
      }
      spdlog::warn("sandbox: port {} for {} is taken ({}); using a free one", wanted, name,
                   e.what());
      return bind(0);
    }
  }

 private:
  const std::map<std::string, std::uint16_t>& ports_;
  bool required_;
};

}  // namespace

http::Response HandleServiceAdmin(Service& service, http::Request& request) {
  if (request.path.rfind("/_sandbox/", 0) == 0) return Admin(service, service.faults(), request);
  return JsonError(404, "this port only serves the sandbox admin endpoints of " +
                            std::string(service.system()) + " (/_sandbox/…)");
}

http::Response HandleSandboxRequest(Emulator& emulator, FaultInjector& faults,
                                    http::Request& request) {
  if (request.path.rfind("/_sandbox/", 0) == 0) return Admin(emulator, faults, request);
  const auto arrived = FaultInjector::NowMs();
  if (auto injected = faults.Intercept(request)) {
    faults.Record(request, injected->status, true, arrived);
    injected->route = "injected";
    return *injected;
  }
  auto response = emulator.Handle(request);
  faults.Record(request, response.status, false, arrived);
  return response;
}

struct SandboxHost::Hosted {
  std::unique_ptr<Emulator> emulator;
  FaultInjector faults;
  std::unique_ptr<http::Server> server;
  std::thread thread;
};

struct SandboxHost::HostedService {
  std::unique_ptr<Service> service;
  std::unique_ptr<http::Server> admin;
  std::thread thread;
};

SandboxHost::SandboxHost(std::string host) : host_(std::move(host)) {}

SandboxHost::~SandboxHost() { Stop(); }

void SandboxHost::Add(std::unique_ptr<Emulator> emulator) {
  auto hosted = std::make_unique<Hosted>();
  hosted->emulator = std::move(emulator);
  hosted_.push_back(std::move(hosted));
}

void SandboxHost::Add(std::unique_ptr<Service> service) {
  auto hosted = std::make_unique<HostedService>();
  hosted->service = std::move(service);
  services_.push_back(std::move(hosted));
}

std::vector<std::string> SandboxHost::EndpointNames() const {
  std::vector<std::string> names;
  for (const auto& h : hosted_) names.emplace_back(h->emulator->system());
  for (const auto& s : services_) {
    names.emplace_back(s->service->system());
    names.push_back(std::string(s->service->system()) + "-admin");
  }
  return names;
}

void SandboxHost::Start(const std::map<std::string, std::uint16_t>& ports, bool required) {
  PortChoice choice(ports, required);
  for (auto& h : hosted_) {
    Hosted* raw = h.get();
    const std::string system(h->emulator->system());
    // Injected latency and timeouts hold a worker each while they sleep:
    // enough workers that callers running side by side (engine workers,
    // a lane step's parallel calls) are not queued behind each other, which
    // would add the latency again per queued call. Idle threads cost little.
    h->server = choice.Bind(system, [&](std::uint16_t port) {
      return ListenOn(host_, port, 64, [raw](http::Request& r) {
        return HandleSandboxRequest(*raw->emulator, raw->faults, r);
      });
    });
    std::string url = "http://" + host_ + ":" + std::to_string(h->server->port());
    h->emulator->SetBaseUrl(url);
    endpoints_[system] = url;
    h->thread = std::thread([raw] { raw->server->Run(); });
  }
  for (auto& s : services_) {
    HostedService* raw = s.get();
    const std::string system(s->service->system());
    endpoints_[system] =
        choice.Bind(system, [&](std::uint16_t port) { return s->service->Start(host_, port); });
    s->admin = choice.Bind(system + "-admin", [&](std::uint16_t port) {
      return ListenOn(host_, port, 2,
                      [raw](http::Request& r) { return HandleServiceAdmin(*raw->service, r); });
    });
    endpoints_[system + "-admin"] = "http://" + host_ + ":" + std::to_string(s->admin->port());
    s->thread = std::thread([raw] { raw->admin->Run(); });
  }
}

void SandboxHost::Stop() {
  for (auto& h : hosted_) {
    if (h->server) h->server->Shutdown();
  }
  for (auto& s : services_) {
    if (s->admin) s->admin->Shutdown();
  }
  for (auto& h : hosted_) {
    if (h->thread.joinable()) h->thread.join();
    h->server.reset();
  }
  for (auto& s : services_) {
    if (s->thread.joinable()) s->thread.join();
    s->admin.reset();
    s->service->Stop();
  }
  services_.clear();
}

void SandboxHost::Wait() {
  for (auto& h : hosted_) {
    if (h->thread.joinable()) h->thread.join();
  }
  for (auto& s : services_) {
    if (s->thread.joinable()) s->thread.join();
  }
}

Emulator* SandboxHost::Find(std::string_view system) const {
  for (const auto& h : hosted_) {
    if (h->emulator->system() == system) return h->emulator.get();
  }
  return nullptr;
}

}  // namespace slipway::sandbox
