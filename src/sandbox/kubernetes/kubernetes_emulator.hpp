#pragma once
#include <boost/json.hpp>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/common/clock.hpp"
#include "sandbox/emulator.hpp"
#include "sandbox/kubernetes/settings.hpp"

namespace slipway::sandbox {

namespace kube {
struct Cluster;
class OpenApiDocuments;
}  // namespace kube

/// An emulated Kubernetes API server good enough for the real kubectl:
/// discovery, the official OpenAPI v3 documents, Namespaces, Deployments,
/// ReplicaSets, Pods, Services, Ingresses and ConfigMaps with
/// resourceVersion, Status errors, all four PATCH types, scale/status
/// subresources, watch with bookmarks and 410 on expired versions, and
/// simulated controllers (deployment, replicaset, kubelet, namespace,
/// garbage collector) on a background thread, over what changed (the first
/// round: everything). See
/// src/sandbox/kubernetes/README.md for what is and is not emulated.
/// Thread-safe: one mutex serializes requests and controller rounds.
class KubernetesEmulator final : public Emulator {
 public:
  explicit KubernetesEmulator(kube::KubernetesSettings settings = {});
  ~KubernetesEmulator() override;
  KubernetesEmulator(const KubernetesEmulator&) = delete;
  KubernetesEmulator& operator=(const KubernetesEmulator&) = delete;

  std::string_view system() const override { return "kubernetes"; }
  http::Response Handle(http::Request& request) override;
  /// Counts per type and the current resourceVersion, plus every object.
  boost::json::value State() const override;
  void Reset() override;
  void SetBaseUrl(const std::string& url) override;

  /// Runs one controller round over every object now (tests that want no
  /// waiting).
  void RunControllersOnce();
  /// Runs one round over what changed since the last round, as the
  /// background thread does after a write (tests and benchmarks).
  void RunChangedControllersOnce();

 private:
  http::Response Serve(http::Request& request);
  void Loop();
  /// One controller round — over every object, or over what changed — and
  /// watch housekeeping; returns its time. Locked.
  core::Millis RoundLocked(bool everything);

  kube::KubernetesSettings settings_;
  std::unique_ptr<kube::OpenApiDocuments> openapi_;
  mutable std::mutex mutex_;
  std::unique_ptr<kube::Cluster> cluster_;
  std::string server_address_ = "127.0.0.1:6443";
  std::condition_variable wake_;
  bool stopping_ = false;
  bool changed_ = false;  ///< a request wrote since the last round
  std::thread controllers_;
};

}  // namespace slipway::sandbox
