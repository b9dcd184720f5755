// The port's composite operations, written once over its primitive calls so
// the real client and the fake behave alike.

#include <boost/json/array.hpp>

#include "connectors/kubernetes.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace kube {

std::optional<KubeResource> ResourceFor(std::string_view api_version, std::string_view kind) {
  for (const auto& r :
       {kNamespaces, kDeployments, kReplicaSets, kPods, kServices, kConfigMaps, kIngresses}) {
    if (r.api_version == api_version && r.kind == kind) return r;
  }
  return std::nullopt;
}

}  // namespace kube

namespace {

constexpr std::string_view kRestartedAt = "kubectl.kubernetes.io/restartedAt";

/// Fields the server allocates and a re-rendered Service does not carry;
/// older API servers reject a PUT that drops them.
void KeepServiceAllocations(const KubeObject& current, KubeObject& desired) {
  const auto* current_spec = core::Find(current, {"spec"});
  if (!current_spec || !current_spec->is_object()) return;
  auto& spec = core::EnsureObject(desired, {"spec"});
  for (std::string_view key : {"clusterIP", "clusterIPs"}) {
    if (!spec.contains(key) && current_spec->as_object().contains(key)) {
      spec[key] = current_spec->as_object().at(key);
    }
  }
  const auto* old_ports = current_spec->as_object().if_contains("ports");
  auto* new_ports = spec.if_contains("ports");
  if (!old_ports || !old_ports->is_array() || !new_ports || !new_ports->is_array()) return;
  for (auto& p : new_ports->as_array()) {
    if (!p.is_object() || p.as_object().contains("nodePort")) continue;
    for (const auto& o : old_ports->as_array()) {
      if (o.is_object() &&
          core::IntAt(o.as_object(), {"port"}, -1) == core::IntAt(p.as_object(), {"port"}, -2) &&
          o.as_object().contains("nodePort")) {
        p.as_object()["nodePort"] = o.as_object().at("nodePort");
      }
    }
  }
}

}  // namespace

core::Result<KubeObject> Kubernetes::EnsureNamespace(std::string_view name,
                                                     const boost::json::object& labels) {
  KubeObject ns{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
  if (!labels.empty()) ns["metadata"].as_object()["labels"] = labels;
  auto created = Create(kube::kNamespaces, "", std::move(ns));
  if (created.ok() || created.error().code != core::Code::kConflict) return created;
  return Get(kube::kNamespaces, "", name);
}

core::Result<std::string> Kubernetes::NamespacePhase(std::string_view name) {
  auto ns = Get(kube::kNamespaces, "", name);
  if (!ns.ok()) return ns.error();
  std::string phase = core::StringAt(*ns, {"status", "phase"});
  if (core::Find(*ns, {"metadata", "deletionTimestamp"})) phase = "Terminating";
  return phase.empty() ? std::string("Active") : phase;
}

core::Result<KubeObject> Kubernetes::Apply(std::string_view ns, KubeObject object) {
  const auto resource =
      kube::ResourceFor(core::StringAt(object, {"apiVersion"}), core::StringAt(object, {"kind"}));
  if (!resource) {
    return core::Invalid("kubernetes: cannot apply " + core::StringAt(object, {"apiVersion"}) +
                         " " + core::StringAt(object, {"kind"}) + ": not a kind Slipway manages");
  }
  const std::string name = core::StringAt(object, {"metadata", "name"});
  if (name.empty())
    return core::Invalid("kubernetes: cannot apply an object without metadata.name");
  // Two rounds: a concurrent writer can slip in between GET and write once;
  // twice in a row is a real conflict the caller must see.
  for (int round = 0;; ++round) {
    const bool last = round == 1;
    auto current = Get(*resource, ns, name);
    if (!current.ok() && current.error().code != core::Code::kNotFound) return current.error();
    if (!current.ok()) {
      auto created = Create(*resource, ns, object);
      if (created.ok() || created.error().code != core::Code::kConflict || last) return created;
      continue;
    }
    KubeObject desired = object;
    core::EnsureObject(desired, {"metadata"})["resourceVersion"] =
        core::StringAt(*current, {"metadata", "resourceVersion"});
    if (resource->kind == "Service") KeepServiceAllocations(*current, desired);
    auto replaced = Replace(*resource, ns, std::move(desired));
    if (replaced.ok() || replaced.error().code != core::Code::kConflict || last) return replaced;
  }
}

core::Result<Deployment> Kubernetes::RolloutRestart(std::string_view ns, std::string_view name,
                                                    std::string_view now_rfc3339) {
  auto deployment = Get(kube::kDeployments, ns, name);
  if (!deployment.ok()) return deployment.error();
  if (const auto* paused = core::Find(*deployment, {"spec", "paused"});
      paused && paused->is_bool() && paused->as_bool()) {
    return core::Conflict("kubernetes: can't restart paused deployment (run rollout resume first)",
                          {{"reason", "DeploymentPaused"}});
  }
  boost::json::object patch{
      {"spec", {{"template", {{"metadata", {{"annotations", {{kRestartedAt, now_rfc3339}}}}}}}}}};
  return Patch(kube::kDeployments, ns, name, PatchType::kStrategicMerge, patch);
}

core::Result<std::vector<PodSummary>> Kubernetes::ListPods(std::string_view ns,
                                                           std::string_view label_selector) {
  auto pods = List(kube::kPods, ns, ListOptions{std::string(label_selector), ""});
  if (!pods.ok()) return pods.error();
  std::vector<PodSummary> rows;
  rows.reserve(pods->items.size());
  for (const auto& pod : pods->items) rows.push_back(SummarizePod(pod));
  return rows;
}

core::Result<std::vector<KubeObject>> Kubernetes::ListReplicaSets(std::string_view ns,
                                                                  std::string_view label_selector) {
  auto sets = List(kube::kReplicaSets, ns, ListOptions{std::string(label_selector), ""});
  if (!sets.ok()) return sets.error();
  return std::move(sets->items);
}

}  // namespace slipway::connectors
