// Server-side printing: the Table kubectl asks for with
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`, with the columns
// the apiserver's printers (pkg/printers/internalversion) use.
#include <boost/json.hpp>
#include <ctime>

#include "connectors/kubernetes/selectors.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"
#include "sandbox/kubernetes/handlers.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

struct Column {
  const char* name;
  const char* type;
  int priority = 0;
};

// "10s", "5m3s", "17m", "3h", "2d" as duration.HumanDuration prints them.
std::string Age(const json::object& obj) {
  int64_t created =
      core::ParseRfc3339(core::StringAt(obj, {"metadata", "creationTimestamp"})).value_or(0) / 1000;
  if (created == 0) return "<unknown>";
  int64_t s = std::max<int64_t>(0, static_cast<int64_t>(std::time(nullptr)) - created);
  if (s < 120) return std::to_string(s) + "s";
  int64_t m = s / 60;
  if (m < 10) return std::to_string(m) + "m" + (s % 60 ? std::to_string(s % 60) + "s" : "");
  if (m < 180) return std::to_string(m) + "m";
  int64_t h = m / 60;
  if (h < 48) return std::to_string(h) + "h";
  return std::to_string(h / 24) + "d";
}

std::string Join(const json::value* list, const char* field) {
  std::string out;
  if (!list || !list->is_array()) return out;
  for (const auto& v : list->as_array()) {
    if (!out.empty()) out += ",";
    out += core::StringAt(v, {field});
  }
  return out;
}

std::string PodStatus(const json::object& pod) {
  if (core::Find(pod, {"metadata", "deletionTimestamp"})) return "Terminating";
  if (const auto* cs = core::Find(pod, {"status", "containerStatuses"}); cs && cs->is_array()) {
    for (const auto& c : cs->as_array()) {
      if (auto r = core::StringAt(c, {"state", "waiting", "reason"}); !r.empty()) return r;
      if (auto r = core::StringAt(c, {"state", "terminated", "reason"}); !r.empty()) return r;
    }
  }
  return core::StringAt(pod, {"status", "phase"}, "Pending");
}

std::vector<Column> Columns(const ResourceType& type) {
  std::string_view p = type.plural;
  if (p == "deployments") {
    return {{"Name", "string"},       {"Ready", "string"},      {"Up-to-date", "integer"},
            {"Available", "integer"}, {"Age", "string"},        {"Containers", "string", 1},
            {"Images", "string", 1},  {"Selector", "string", 1}};
  }
  if (p == "replicasets") {
    return {{"Name", "string"},
            {"Desired", "integer"},
            {"Current", "integer"},
            {"Ready", "integer"},
            {"Age", "string"}};
  }
  if (p == "pods") {
    return {{"Name", "string"}, {"Ready", "string"}, {"Status", "string"}, {"Restarts", "string"},
            {"Age", "string"},  {"IP", "string", 1}, {"Node", "string", 1}};
  }
  if (p == "namespaces") return {{"Name", "string"}, {"Status", "string"}, {"Age", "string"}};
  if (p == "services") {
    return {{"Name", "string"},        {"Type", "string"},    {"Cluster-IP", "string"},
            {"External-IP", "string"}, {"Port(s)", "string"}, {"Age", "string"}};
  }
  if (p == "ingresses") {
    return {{"Name", "string"},    {"Class", "string"}, {"Hosts", "string"},
            {"Address", "string"}, {"Ports", "string"}, {"Age", "string"}};
  }
  if (p == "configmaps") return {{"Name", "string"}, {"Data", "integer"}, {"Age", "string"}};
  if (p == "serviceaccounts") return {{"Name", "string"}, {"Secrets", "string"}, {"Age", "string"}};
  if (p == "rolebindings" || p == "clusterrolebindings") {
    return {{"Name", "string"}, {"Role", "string"}, {"Age", "string"}};
  }
  return {{"Name", "string"}, {"Age", "string"}};
}

json::array Cells(const ResourceType& type, const json::object& o) {
  std::string_view p = type.plural;
  std::string name = core::StringAt(o, {"metadata", "name"});
  if (p == "deployments") {
    const auto* sel = core::Find(o, {"spec", "selector"});
    return {name,
            std::to_string(core::IntAt(o, {"status", "readyReplicas"})) + "/" +
                std::to_string(core::IntAt(o, {"spec", "replicas"}, 1)),
            core::IntAt(o, {"status", "updatedReplicas"}),
            core::IntAt(o, {"status", "availableReplicas"}),
            Age(o),
            Join(core::Find(o, {"spec", "template", "spec", "containers"}), "name"),
            Join(core::Find(o, {"spec", "template", "spec", "containers"}), "image"),
            sel ? connectors::kube::LabelSelector::FromObject(*sel).ToString() : ""};
  }
  if (p == "replicasets") {
    return {name, core::IntAt(o, {"spec", "replicas"}, 1), core::IntAt(o, {"status", "replicas"}),
            core::IntAt(o, {"status", "readyReplicas"}), Age(o)};
  }
  if (p == "pods") {
    int64_t total = 0, ready = 0, restarts = 0;
    if (const auto* cs = core::Find(o, {"status", "containerStatuses"}); cs && cs->is_array()) {
      for (const auto& c : cs->as_array()) {
        ++total;
        if (const auto* r = core::Find(c, {"ready"}); r && *r == true) ++ready;
        restarts += core::IntAt(c, {"restartCount"});
      }
    } else if (const auto* c = core::Find(o, {"spec", "containers"}); c && c->is_array()) {
      total = static_cast<int64_t>(c->as_array().size());
    }
    return {name,
            std::to_string(ready) + "/" + std::to_string(total),
            PodStatus(o),
            std::to_string(restarts),
            Age(o),
            core::StringAt(o, {"status", "podIP"}, "<none>"),
            core::StringAt(o, {"spec", "nodeName"}, "<none>")};
  }
  if (p == "namespaces") return {name, core::StringAt(o, {"status", "phase"}, "Active"), Age(o)};
  if (p == "services") {
    std::string ports;
    if (const auto* ps = core::Find(o, {"spec", "ports"}); ps && ps->is_array()) {
      for (const auto& port : ps->as_array()) {
        if (!ports.empty()) ports += ",";
        ports += std::to_string(core::IntAt(port, {"port"})) + "/" +
                 core::StringAt(port, {"protocol"}, "TCP");
      }
    }
    return {name,
            core::StringAt(o, {"spec", "type"}, "ClusterIP"),
            core::StringAt(o, {"spec", "clusterIP"}, "None"),
            "<none>",
            ports.empty() ? "<none>" : ports,
            Age(o)};
  }
  if (p == "ingresses") {
    std::string hosts = Join(core::Find(o, {"spec", "rules"}), "host");
    return {name,
            core::StringAt(o, {"spec", "ingressClassName"}, "<none>"),
            hosts.empty() ? "*" : hosts,
            Join(core::Find(o, {"status", "loadBalancer", "ingress"}), "ip"),
            core::Find(o, {"spec", "tls"}) ? "80, 443" : "80",
            Age(o)};
  }
  if (p == "configmaps") {
    int64_t n = 0;
    for (const char* f : {"data", "binaryData"}) {
      if (const auto* m = o.if_contains(f); m && m->is_object())
        n += static_cast<int64_t>(m->as_object().size());
    }
    return {name, n, Age(o)};
  }
  if (p == "serviceaccounts") {
    const auto* secrets = o.if_contains("secrets");
    return {name, std::to_string(secrets && secrets->is_array() ? secrets->as_array().size() : 0),
            Age(o)};
  }
  if (p == "rolebindings" || p == "clusterrolebindings") {
    return {name,
            core::StringAt(o, {"roleRef", "kind"}) + "/" + core::StringAt(o, {"roleRef", "name"}),
            Age(o)};
  }
  return {name, Age(o)};
}

}  // namespace

json::object ToTable(const ResourceType& type, const std::vector<const json::object*>& objects,
                     const std::string& resource_version, const std::string& cont) {
  json::array defs;
  for (const auto& c : Columns(type)) {
    json::object d{{"name", c.name},
                   {"type", c.type},
                   {"format", ""},
                   {"description", c.name},
                   {"priority", c.priority}};
    if (std::string_view(c.name) == "Name") {
      d["format"] = "name";
      d["description"] =
          "Name must be unique within a namespace. Is required when creating resources, although "
          "some resources may allow a client to request the generation of an appropriate name "
          "automatically. Name is primarily intended for creation idempotence and configuration "
          "definition. Cannot be updated.";
    }
    defs.push_back(std::move(d));
  }
  json::array rows;
  for (const auto* obj : objects) {
    rows.push_back(json::object{
        {"cells", Cells(type, *obj)},
        {"object", json::object{{"kind", "PartialObjectMetadata"},
                                {"apiVersion", "meta.k8s.io/v1"},
                                {"metadata", obj->contains("metadata") ? obj->at("metadata")
                                                                       : json::object()}}}});
  }
  json::object meta{{"resourceVersion", resource_version}};
  if (!cont.empty()) meta["continue"] = cont;
  return {{"kind", "Table"},
          {"apiVersion", "meta.k8s.io/v1"},
          {"metadata", std::move(meta)},
          {"columnDefinitions", std::move(defs)},
          {"rows", std::move(rows)}};
}

}  // namespace slipway::sandbox::kube
