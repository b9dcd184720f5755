#include "connectors/kubernetes/model/defaults.hpp"

#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

void Default(json::object& o, std::string_view key, json::value v) {
  if (!o.contains(key)) o[key] = std::move(v);
}

// "Always" for :latest or untagged images, else "IfNotPresent".
std::string PullPolicy(const std::string& image) {
  if (image.find('@') != std::string::npos) return "IfNotPresent";
  auto slash = image.rfind('/');
  auto colon = image.rfind(':');
  bool tagged = colon != std::string::npos && (slash == std::string::npos || colon > slash);
  if (!tagged || image.substr(colon + 1) == "latest") return "Always";
  return "IfNotPresent";
}

void DefaultContainers(json::object& spec, std::string_view field) {
  auto* list = spec.if_contains(field);
  if (!list || !list->is_array()) return;
  for (auto& c : list->as_array()) {
    if (!c.is_object()) continue;
    auto& co = c.as_object();
    Default(co, "terminationMessagePath", "/dev/termination-log");
    Default(co, "terminationMessagePolicy", "File");
    Default(co, "imagePullPolicy", json::string(PullPolicy(core::StringAt(c, {"image"}))));
    Default(co, "resources", json::object());
    if (auto* ports = co.if_contains("ports"); ports && ports->is_array()) {
      for (auto& p : ports->as_array()) {
        if (p.is_object()) Default(p.as_object(), "protocol", "TCP");
      }
    }
  }
}

void DefaultTemplate(json::object& owner_spec) {
  auto& tmpl = core::EnsureObject(owner_spec, {"template"});
  core::EnsureObject(tmpl, {"metadata"});
  DefaultPodSpec(core::EnsureObject(tmpl, {"spec"}));
}

void DefaultDeployment(json::object& d) {
  auto& spec = core::EnsureObject(d, {"spec"});
  Default(spec, "replicas", 1);
  auto& strategy = core::EnsureObject(spec, {"strategy"});
  Default(strategy, "type", "RollingUpdate");
  if (strategy.at("type") == "RollingUpdate") {
    auto& ru = core::EnsureObject(strategy, {"rollingUpdate"});
    Default(ru, "maxUnavailable", "25%");
    Default(ru, "maxSurge", "25%");
  }
  Default(spec, "revisionHistoryLimit", 10);
  Default(spec, "progressDeadlineSeconds", 600);
  DefaultTemplate(spec);
  core::EnsureObject(d, {"status"});
}

void DefaultService(json::object& s, const std::function<std::string()>& allocate_ip) {
  auto& spec = core::EnsureObject(s, {"spec"});
  Default(spec, "type", "ClusterIP");
  bool external_name = spec.at("type") == "ExternalName";
  if (!external_name) {
    if (!spec.contains("clusterIP") || spec.at("clusterIP") == "")
      spec["clusterIP"] = allocate_ip();
    Default(spec, "clusterIPs", json::array{spec.at("clusterIP")});
    Default(spec, "ipFamilies", json::array{"IPv4"});
    Default(spec, "ipFamilyPolicy", "SingleStack");
    Default(spec, "internalTrafficPolicy", "Cluster");
  }
  Default(spec, "sessionAffinity", "None");
  if (auto* ports = spec.if_contains("ports"); ports && ports->is_array()) {
    for (auto& p : ports->as_array()) {
      if (!p.is_object()) continue;
      auto& po = p.as_object();
      Default(po, "protocol", "TCP");
      if (po.contains("port")) Default(po, "targetPort", po.at("port"));
    }
  }
  auto& status = core::EnsureObject(s, {"status"});
  Default(status, "loadBalancer", json::object());
}

// rbac.authorization.k8s.io/v1 bindings: an empty roleRef.apiGroup, and
// the apiGroup of User and Group subjects, are rbac.authorization.k8s.io.
void DefaultBinding(json::object& binding) {
  constexpr const char* kRbac = "rbac.authorization.k8s.io";
  auto& ref = core::EnsureObject(binding, {"roleRef"});
  if (core::StringAt(ref, {"apiGroup"}).empty()) ref["apiGroup"] = kRbac;
  auto* subjects = binding.if_contains("subjects");
  if (!subjects || !subjects->is_array()) return;
  for (auto& s : subjects->as_array()) {
    if (!s.is_object()) continue;
    const std::string kind = core::StringAt(s, {"kind"});
    if ((kind == "User" || kind == "Group") && core::StringAt(s, {"apiGroup"}).empty()) {
      s.as_object()["apiGroup"] = kRbac;
    }
  }
}

}  // namespace

void DefaultPodSpec(json::object& spec) {
  DefaultContainers(spec, "initContainers");
  DefaultContainers(spec, "containers");
  Default(spec, "restartPolicy", "Always");
  Default(spec, "terminationGracePeriodSeconds", 30);
  Default(spec, "dnsPolicy", "ClusterFirst");
  Default(spec, "securityContext", json::object());
  Default(spec, "schedulerName", "default-scheduler");
}

void ApplyDefaults(const ResourceType& type, json::object& object,
                   const std::function<std::string()>& allocate_ip) {
  auto& meta = core::EnsureObject(object, {"metadata"});
  if (type.plural == "namespaces") {
    json::value name = meta["name"];  // a copy: inserting "labels" may move meta's values
    core::EnsureObject(meta, {"labels"})["kubernetes.io/metadata.name"] = std::move(name);
    auto& spec = core::EnsureObject(object, {"spec"});
    Default(spec, "finalizers", json::array{"kubernetes"});
    auto& status = core::EnsureObject(object, {"status"});
    Default(status, "phase", "Active");
  } else if (type.plural == "deployments") {
    DefaultDeployment(object);
  } else if (type.plural == "replicasets") {
    auto& spec = core::EnsureObject(object, {"spec"});
    Default(spec, "replicas", 1);
    DefaultTemplate(spec);
    Default(core::EnsureObject(object, {"status"}), "replicas", 0);
  } else if (type.plural == "pods") {
    DefaultPodSpec(core::EnsureObject(object, {"spec"}));
  } else if (type.plural == "services") {
    DefaultService(object, allocate_ip);
  } else if (type.plural == "ingresses") {
    Default(core::EnsureObject(object, {"status"}), "loadBalancer", json::object());
  } else if (type.kind == "RoleBinding" || type.kind == "ClusterRoleBinding") {
    DefaultBinding(object);
  }
}

}  // namespace slipway::connectors::kube::model
