#pragma once
#include <memory>

#include "connectors/http_transport.hpp"
#include "connectors/kubernetes.hpp"
#include "connectors/kubernetes/settings.hpp"

namespace slipway::connectors {

/// The Kubernetes port over the API server's REST API (libcurl through
/// HttpTransport: TLS, bearer token or client certificate, proxy, retries of
/// idempotent calls — GET, PUT, DELETE, merge patches — on 5xx/429/network).
class KubernetesClient final : public Kubernetes {
 public:
  explicit KubernetesClient(KubernetesSettings settings);

  core::Result<boost::json::object> Version() override;
  core::Result<KubeObject> Create(const KubeResource& resource, std::string_view ns,
                                  KubeObject object) override;
  core::Result<KubeObject> Get(const KubeResource& resource, std::string_view ns,
                               std::string_view name) override;
  core::Result<ObjectList> List(const KubeResource& resource, std::string_view ns,
                                const ListOptions& options) override;
  core::Result<KubeObject> Replace(const KubeResource& resource, std::string_view ns,
                                   KubeObject object) override;
  core::Result<KubeObject> Patch(const KubeResource& resource, std::string_view ns,
                                 std::string_view name, PatchType type,
                                 const boost::json::value& patch) override;
  core::Result<std::optional<KubeObject>> Delete(const KubeResource& resource, std::string_view ns,
                                                 std::string_view name,
                                                 PropagationPolicy propagation) override;
  core::Result<KubeObject> Scale(const KubeResource& resource, std::string_view ns,
                                 std::string_view name, std::int64_t replicas) override;
  core::Result<std::unique_ptr<WatchHandle>> Watch(const KubeResource& resource,
                                                   std::string_view ns, WatchOptions options,
                                                   WatchCallback on_event,
                                                   WatchErrorCallback on_error) override;

  const KubernetesSettings& settings() const { return settings_; }

 private:
  KubernetesSettings settings_;
  std::shared_ptr<HttpTransport> transport_;  ///< shared with running watchers
};

}  // namespace slipway::connectors
