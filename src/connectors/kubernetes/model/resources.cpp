#include "connectors/kubernetes/model/resources.hpp"

namespace slipway::connectors::kube::model {

namespace {
constexpr std::string_view kRbac = "rbac.authorization.k8s.io";
}

std::string ResourceType::ApiVersion() const {
  if (group.empty()) return std::string(version);
  return std::string(group) + "/" + std::string(version);
}

const std::vector<ResourceType>& AllResources() {
  static const std::vector<ResourceType> types = {
      {"namespaces", "namespace", "Namespace", "", "v1", false, {"ns"}, {"status", "finalize"}},
      {"pods", "pod", "Pod", "", "v1", true, {"po"}, {"status", "log"}},
      {"services", "service", "Service", "", "v1", true, {"svc"}, {"status"}},
      {"configmaps", "configmap", "ConfigMap", "", "v1", true, {"cm"}, {}},
      {"serviceaccounts", "serviceaccount", "ServiceAccount", "", "v1", true, {"sa"}, {}},
      {"deployments",
       "deployment",
       "Deployment",
       "apps",
       "v1",
       true,
       {"deploy"},
       {"status", "scale"}},
      {"replicasets", "replicaset", "ReplicaSet", "apps", "v1", true, {"rs"}, {"status", "scale"}},
      {"ingresses", "ingress", "Ingress", "networking.k8s.io", "v1", true, {"ing"}, {"status"}},
      // What deploy/kubernetes/ grants Slipway's ServiceAccount: stored and
      // validated, not enforced (the emulator authorizes every request).
      {"clusterroles", "clusterrole", "ClusterRole", kRbac, "v1", false, {}, {}},
      {"clusterrolebindings",
       "clusterrolebinding",
       "ClusterRoleBinding",
       kRbac,
       "v1",
       false,
       {},
       {}},
      {"roles", "role", "Role", kRbac, "v1", true, {}, {}},
      {"rolebindings", "rolebinding", "RoleBinding", kRbac, "v1", true, {}, {}},
  };
  return types;
}

const ResourceType* FindResource(std::string_view group, std::string_view version,
                                 std::string_view plural) {
  for (const auto& t : AllResources()) {
    if (t.group == group && t.version == version && t.plural == plural) return &t;
  }
  return nullptr;
}

const ResourceType* ResourceByPlural(std::string_view plural) {
  for (const auto& t : AllResources()) {
    if (t.plural == plural) return &t;
  }
  return nullptr;
}

const ResourceType* ResourceByKind(std::string_view kind) {
  for (const auto& t : AllResources()) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

const std::vector<GroupVersion>& AllGroupVersions() {
  static const std::vector<GroupVersion> gvs = {
      {"", "v1"}, {"apps", "v1"}, {"networking.k8s.io", "v1"}, {kRbac, "v1"}};
  return gvs;
}

}  // namespace slipway::connectors::kube::model
