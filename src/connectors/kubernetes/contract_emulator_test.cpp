// The contract suite's second backend: the real client over HTTP to the
// sandbox's Kubernetes emulator, started in-process on a loopback port.

#include <boost/json.hpp>

#include "connectors/kubernetes/client.hpp"
#include "connectors/kubernetes/contract_backends.hpp"
#include "sandbox/kubernetes/kubernetes_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::kube_testing {

namespace {

constexpr const char* kToken = "sandbox-token";
constexpr size_t kHistory = 400;

class EmulatorBackend final : public Backend {
 public:
  EmulatorBackend() {
    sandbox::kube::KubernetesSettings settings;
    settings.pod_ready_delay = std::chrono::milliseconds(150);
    settings.tick = std::chrono::milliseconds(20);
    settings.namespace_delete_delay = std::chrono::milliseconds(300);
    settings.bookmark_interval = std::chrono::milliseconds(200);
    settings.event_history = kHistory;
    settings.required_token = kToken;
    host_.Add(std::make_unique<sandbox::KubernetesEmulator>(settings));
    host_.Start();
    client_ = Client(kToken);
    TransportSettings admin;
    admin.base_url = host_.endpoints().at("kubernetes");
    admin_ = std::make_unique<HttpTransport>(admin);
  }
  ~EmulatorBackend() override {
    client_.reset();  // watches first: open streams would hold the server's shutdown
    host_.Stop();
  }

  Kubernetes& k8s() override { return *client_; }
  // The emulator cannot pull images whose reference contains "missing".
  void ImageWillFail(const std::string& image) override { (void)image; }
  // More writes than the emulator keeps events for.
  void ExpireHistory() override {
    (void)client_->EnsureNamespace("churn");
    (void)client_->Create(kube::kConfigMaps, "churn", {{"metadata", {{"name", "churn"}}}});
    for (size_t i = 0; i <= kHistory; ++i) {
      (void)client_->Patch(kube::kConfigMaps, "churn", "churn", PatchType::kMerge,
                           boost::json::object{{"data", {{"i", std::to_string(i)}}}});
    }
  }
  // Bookmarks come every 200 ms anyway.
  void PromptBookmark() override {}

  bool InjectFault(const std::string& method, const std::string& path, int status) override {
    boost::json::object status_body{{"kind", "Status"},
                                    {"apiVersion", "v1"},
                                    {"metadata", boost::json::object()},
                                    {"status", "Failure"},
                                    {"message", "injected " + std::to_string(status)},
                                    {"reason", status == 409 ? "Conflict" : "ServiceUnavailable"},
                                    {"code", status}};
    TransportRequest request;
    request.method = "POST";
    request.path = "/_sandbox/faults";
    request.headers = {{"Content-Type", "application/json"}};
    request.body =
        boost::json::serialize(boost::json::object{{"method", method},
                                                   {"path_prefix", path},
                                                   {"count", 1},
                                                   {"status", status},
                                                   {"body", boost::json::serialize(status_body)}});
    auto response = admin_->Send(request);
    return response.ok() && response->status == 201;
  }

  bool FaultsConsumed() override {
    TransportRequest request;
    request.path = "/_sandbox/state";
    auto response = admin_->Send(request);
    if (!response.ok() || response->status != 200) return false;
    const auto state = boost::json::parse(response->body);
    const auto* faults = state.at("injection").as_object().if_contains("faults");
    return faults && faults->is_array() && faults->as_array().empty();
  }

  std::unique_ptr<Kubernetes> WithToken(const std::string& token) override { return Client(token); }

 private:
  std::unique_ptr<KubernetesClient> Client(const std::string& token) {
    KubernetesSettings settings;
    settings.transport.base_url = host_.endpoints().at("kubernetes");
    settings.transport.bearer_token = token;
    settings.transport.retry_backoff = std::chrono::milliseconds(20);
    settings.watch_backoff = std::chrono::milliseconds(20);
    return std::make_unique<KubernetesClient>(settings);
  }

  sandbox::SandboxHost host_;
  std::unique_ptr<KubernetesClient> client_;
  std::unique_ptr<HttpTransport> admin_;
};

}  // namespace

std::unique_ptr<Backend> MakeEmulatorBackend() { return std::make_unique<EmulatorBackend>(); }

}  // namespace slipway::connectors::kube_testing
