#include "connectors/kubernetes/fake_admission.hpp"

#include <boost/json/array.hpp>

#include "connectors/kubernetes/errors.hpp"
#include "connectors/kubernetes/fake_validation.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::fake {

namespace {

bool SameResource(const KubeResource& a, const KubeResource& b) { return a.plural == b.plural; }

}  // namespace

std::string Qualified(const KubeResource& r, std::string_view name) {
  std::string group;
  if (auto slash = r.api_version.find('/'); slash != std::string_view::npos) {
    group = "." + std::string(r.api_version.substr(0, slash));
  }
  return std::string(r.plural) + group + " \"" + std::string(name) + "\"";
}

core::Error StatusError(int code, const char* reason, std::string message) {
  return kube::ErrorFromStatusObject(boost::json::object{{"kind", "Status"},
                                                         {"apiVersion", "v1"},
                                                         {"status", "Failure"},
                                                         {"message", std::move(message)},
                                                         {"reason", reason},
                                                         {"code", code}});
}

core::Error NotFoundError(const KubeResource& r, std::string_view name) {
  return StatusError(404, "NotFound", Qualified(r, name) + " not found");
}

std::string Selector(const KubeObject& o) {
  std::string text;
  if (const auto* labels = core::Find(o, {"spec", "selector", "matchLabels"});
      labels && labels->is_object()) {
    for (const auto& [k, v] : labels->as_object()) {
      text += (text.empty() ? "" : ",") + std::string(k) + "=" +
              (v.is_string() ? std::string(v.as_string()) : "");
    }
  }
  return text;
}

void Default(const KubeResource& r, KubeObject& o, const KubeObject* current,
             kube::model::Cluster& cluster) {
  if (SameResource(r, kube::kNamespaces)) {
    if (!current) {
      core::EnsureObject(o, {"spec"})["finalizers"] = boost::json::array{"kubernetes"};
      o["status"] = {{"phase", "Active"}};
    }
  } else if (SameResource(r, kube::kDeployments)) {
    auto& spec = core::EnsureObject(o, {"spec"});
    if (!spec.contains("replicas")) spec["replicas"] = 1;
    if (!spec.contains("strategy")) {
      spec["strategy"] = {{"type", "RollingUpdate"},
                          {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}}};
    }
    if (!spec.contains("revisionHistoryLimit")) spec["revisionHistoryLimit"] = 10;
    if (!spec.contains("progressDeadlineSeconds")) spec["progressDeadlineSeconds"] = 600;
  } else if (SameResource(r, kube::kServices)) {
    auto& spec = core::EnsureObject(o, {"spec"});
    if (!spec.contains("type")) spec["type"] = "ClusterIP";
    const auto* old_ip = current ? core::Find(*current, {"spec", "clusterIP"}) : nullptr;
    // An ExternalName service is a CNAME: no cluster IP.
    if (spec["type"] != "ExternalName") {
      if (!spec.contains("clusterIP")) {
        spec["clusterIP"] = old_ip ? *old_ip : boost::json::value(cluster.AllocateServiceIp());
      }
      spec["clusterIPs"] = boost::json::array{spec["clusterIP"]};
    }
    if (auto* ports = spec.if_contains("ports"); ports && ports->is_array()) {
      for (auto& p : ports->as_array()) {
        if (!p.is_object()) continue;
        auto& port = p.as_object();
        if (!port.contains("protocol")) port["protocol"] = "TCP";
        if (!port.contains("targetPort") && port.contains("port"))
          port["targetPort"] = port["port"];
      }
    }
  }
}

std::optional<core::Error> Validate(const KubeResource& r, const KubeObject& o,
                                    const KubeObject* current) {
  const std::string name = core::StringAt(o, {"metadata", "name"});
  const std::string what =
      std::string(r.kind) +
      (r.api_version.find('/') != std::string_view::npos
           ? "." + std::string(r.api_version.substr(0, r.api_version.find('/')))
           : "") +
      " \"" + name + "\" is invalid: ";
  if (name.empty())
    return StatusError(422, "Invalid", what + "metadata.name: Required value: name is required");
  auto problems = SameResource(r, kube::kServices)    ? ServiceProblems(o)
                  : SameResource(r, kube::kIngresses) ? IngressProblems(o)
                                                      : std::vector<std::string>{};
  if (problems.size() == 1) return StatusError(422, "Invalid", what + problems[0]);
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : ", ") + p;
    return StatusError(422, "Invalid", what + "[" + all + "]");
  }
  if (!SameResource(r, kube::kDeployments)) return std::nullopt;
  if (core::IntAt(o, {"spec", "replicas"}) < 0) {
    return StatusError(422, "Invalid",
                       what + "spec.replicas: Invalid value: " +
                           std::to_string(core::IntAt(o, {"spec", "replicas"})) +
                           ": must be greater than or equal to 0");
  }
  const auto* selector = core::Find(o, {"spec", "selector", "matchLabels"});
  const auto* labels = core::Find(o, {"spec", "template", "metadata", "labels"});
  if (!selector || !selector->is_object() || selector->as_object().empty()) {
    return StatusError(422, "Invalid", what + "spec.selector: Required value");
  }
  for (const auto& [k, v] : selector->as_object()) {
    const auto* l = labels && labels->is_object() ? labels->as_object().if_contains(k) : nullptr;
    if (!l || *l != v) {
      return StatusError(422, "Invalid",
                         what +
                             "spec.template.metadata.labels: Invalid value: `selector` does not "
                             "match template `labels`");
    }
  }
  if (current && Selector(*current) != Selector(o)) {
    return StatusError(422, "Invalid", what + "spec.selector: Invalid value: field is immutable");
  }
  return std::nullopt;
}

}  // namespace slipway::connectors::fake
