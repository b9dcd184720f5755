#include "services/environments/env_objects.hpp"

#include <boost/json.hpp>

namespace slipway::services {

namespace {

core::Status DeleteIfPresent(connectors::Kubernetes& kube, const connectors::KubeResource& resource,
                             const std::string& ns, const std::string& name) {
  auto deleted = kube.Delete(resource, ns, name, connectors::PropagationPolicy::kBackground);
  if (!deleted.ok() && deleted.error().code != core::Code::kNotFound) return deleted.error();
  return core::Ok{};
}

}  // namespace

core::Status ApplyEnvironmentObjects(connectors::Kubernetes& kube, const core::RenderInput& input) {
  auto ns = kube.EnsureNamespace(input.namespace_name, {{core::kManagedByLabel, "slipway"}});
  if (!ns.ok()) return ns.error();
  auto deployment = kube.Apply(input.namespace_name, core::RenderDeployment(input));
  if (!deployment.ok()) return deployment.error();
  if (input.track != core::kTrackStable) return core::Ok{};
  for (auto& service : core::RenderServices(input)) {
    auto applied = kube.Apply(input.namespace_name, std::move(service));
    if (!applied.ok()) return applied.error();
  }
  return core::Ok{};
}

core::Status DeleteEnvironmentObjects(connectors::Kubernetes& kube,
                                      const core::RenderInput& input) {
  // By label, not by rendering: Services or a canary left from an earlier
  // definition go too.
  std::string selector =
      core::PodSelector(input.app, input.env_type) + "," + core::kManagedByLabel + "=slipway";
  for (const auto* resource : {&connectors::kube::kDeployments, &connectors::kube::kServices}) {
    auto list = kube.List(*resource, input.namespace_name, {selector, ""});
    if (!list.ok()) {
      if (list.error().code == core::Code::kNotFound) continue;  // the namespace is gone
      return list.error();
    }
    for (const auto& object : list->items) {
      auto name = std::string(object.at("metadata").at("name").as_string());
      auto status = DeleteIfPresent(kube, *resource, input.namespace_name, name);
      if (!status.ok()) return status;
    }
  }
  return core::Ok{};
}

}  // namespace slipway::services
