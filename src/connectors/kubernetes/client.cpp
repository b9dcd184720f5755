#include "connectors/kubernetes/client.hpp"

#include <boost/json/serialize.hpp>

#include "connectors/kubernetes/rest.hpp"
#include "connectors/kubernetes/watcher.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

std::string_view PolicyName(PropagationPolicy p) {
  switch (p) {
    case PropagationPolicy::kForeground:
      return "Foreground";
    case PropagationPolicy::kOrphan:
      return "Orphan";
    case PropagationPolicy::kBackground:
      break;
  }
  return "Background";
}

/// Fills what the URL already implies, so callers may pass bare objects.
core::Status Prepare(const KubeResource& resource, std::string_view ns, KubeObject& object) {
  if (!object.contains("apiVersion")) object["apiVersion"] = resource.api_version;
  if (!object.contains("kind")) object["kind"] = resource.kind;
  auto& metadata = core::EnsureObject(object, {"metadata"});
  if (resource.namespaced) {
    if (ns.empty())
      return core::Invalid("kubernetes: a namespace is required for " +
                           std::string(resource.plural));
    if (!metadata.contains("namespace")) metadata["namespace"] = ns;
  }
  return core::Ok{};
}

core::Status RequireName(const KubeResource& resource, std::string_view ns, std::string_view name) {
  if (name.empty()) return core::Invalid("kubernetes: a name is required");
  if (resource.namespaced && ns.empty()) {
    return core::Invalid("kubernetes: a namespace is required for " + std::string(resource.plural));
  }
  return core::Ok{};
}

}  // namespace

KubernetesClient::KubernetesClient(KubernetesSettings settings)
    : settings_(std::move(settings)),
      transport_(std::make_shared<HttpTransport>(settings_.transport)) {}

core::Result<boost::json::object> KubernetesClient::Version() {
  return kube::Call(*transport_, "GET", "/version");
}

core::Result<KubeObject> KubernetesClient::Create(const KubeResource& resource, std::string_view ns,
                                                  KubeObject object) {
  if (auto ok = Prepare(resource, ns, object); !ok.ok()) return ok.error();
  return kube::Call(*transport_, "POST", kube::CollectionPath(resource, ns),
                    boost::json::serialize(object));
}

core::Result<KubeObject> KubernetesClient::Get(const KubeResource& resource, std::string_view ns,
                                               std::string_view name) {
  if (auto ok = RequireName(resource, ns, name); !ok.ok()) return ok.error();
  return kube::Call(*transport_, "GET", kube::ObjectPath(resource, ns, name));
}

core::Result<ObjectList> KubernetesClient::List(const KubeResource& resource, std::string_view ns,
                                                const ListOptions& options) {
  return kube::ListAll(*transport_, resource, ns, options);
}

core::Result<KubeObject> KubernetesClient::Replace(const KubeResource& resource,
                                                   std::string_view ns, KubeObject object) {
  if (auto ok = Prepare(resource, ns, object); !ok.ok()) return ok.error();
  const std::string name = core::StringAt(object, {"metadata", "name"});
  if (auto ok = RequireName(resource, ns, name); !ok.ok()) return ok.error();
  return kube::Call(*transport_, "PUT", kube::ObjectPath(resource, ns, name),
                    boost::json::serialize(object));
}

core::Result<KubeObject> KubernetesClient::Patch(const KubeResource& resource, std::string_view ns,
                                                 std::string_view name, PatchType type,
                                                 const boost::json::value& patch) {
  if (auto ok = RequireName(resource, ns, name); !ok.ok()) return ok.error();
  const char* content_type = type == PatchType::kMerge ? "application/merge-patch+json"
                                                       : "application/strategic-merge-patch+json";
  // A merge patch applied twice yields the same object: safe to retry.
  return kube::Call(*transport_, "PATCH", kube::ObjectPath(resource, ns, name),
                    boost::json::serialize(patch), content_type, true);
}

core::Result<std::optional<KubeObject>> KubernetesClient::Delete(const KubeResource& resource,
                                                                 std::string_view ns,
                                                                 std::string_view name,
                                                                 PropagationPolicy propagation) {
  if (auto ok = RequireName(resource, ns, name); !ok.ok()) return ok.error();
  boost::json::object options{{"kind", "DeleteOptions"},
                              {"apiVersion", "v1"},
                              {"propagationPolicy", PolicyName(propagation)}};
  auto result = kube::Call(*transport_, "DELETE", kube::ObjectPath(resource, ns, name),
                           boost::json::serialize(options));
  if (!result.ok()) return result.error();
  // A Status means the object is gone; the object itself means it lingers.
  if (core::StringAt(*result, {"kind"}) == "Status") return std::optional<KubeObject>();
  return std::optional<KubeObject>(std::move(*result));
}

core::Result<KubeObject> KubernetesClient::Scale(const KubeResource& resource, std::string_view ns,
                                                 std::string_view name, std::int64_t replicas) {
  if (auto ok = RequireName(resource, ns, name); !ok.ok()) return ok.error();
  if (replicas < 0) return core::Invalid("kubernetes: replicas must not be negative");
  boost::json::object patch{{"spec", {{"replicas", replicas}}}};
  return kube::Call(*transport_, "PATCH", kube::ObjectPath(resource, ns, name, "scale"),
                    boost::json::serialize(patch), "application/merge-patch+json", true);
}

core::Result<std::unique_ptr<WatchHandle>> KubernetesClient::Watch(const KubeResource& resource,
                                                                   std::string_view ns,
                                                                   WatchOptions options,
                                                                   WatchCallback on_event,
                                                                   WatchErrorCallback on_error) {
  if (!on_event) return core::Invalid("kubernetes: a watch needs an event callback");
  Watcher::Params params{resource, std::string(ns), std::move(options),
                         settings_.watch_timeout_seconds, settings_.watch_backoff};
  auto watcher = std::make_unique<Watcher>(transport_, std::move(params), std::move(on_event),
                                           std::move(on_error));
  watcher->Start();
  return std::unique_ptr<WatchHandle>(std::move(watcher));
}

}  // namespace slipway::connectors
