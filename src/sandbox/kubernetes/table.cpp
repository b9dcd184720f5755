// Server-side printing: the Table kubectl asks for with
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`, with the columns
// the apiserver's printers (pkg/printers/internalversion) use.
#include <ctime>

#include "sandbox/kubernetes/handlers.hpp"
#include "sandbox/kubernetes/json_util.hpp"
#include "sandbox/kubernetes/selector.hpp"

namespace slipway::sandbox::k8s {

namespace {

struct Column {
  const char* name;
  const char* type;
  int priority = 0;
};

// "10s", "5m3s", "17m", "3h", "2d" as duration.HumanDuration prints them.
std::string Age(const json::object& obj) {
  int64_t created = ParseRfc3339(GetString(obj, "metadata.creationTimestamp"));
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
    out += GetString(v, field);
  }
  return out;
}

std::string PodStatus(const json::object& pod) {
  if (Find(pod, "metadata.deletionTimestamp")) return "Terminating";
  if (const auto* cs = Find(pod, "status.containerStatuses"); cs && cs->is_array()) {
    for (const auto& c : cs->as_array()) {
      if (auto r = GetString(c, "state.waiting.reason"); !r.empty()) return r;
      if (auto r = GetString(c, "state.terminated.reason"); !r.empty()) return r;
    }
  }
  return GetString(pod, "status.phase", "Pending");
}

std::vector<Column> Columns(const ResourceType& type) {
  std::string_view p = type.plural;
  if (p == "deployments") {
    return {{"Name", "string"}, {"Ready", "string"}, {"Up-to-date", "integer"},
            {"Available", "integer"}, {"Age", "string"}, {"Containers", "string", 1},
            {"Images", "string", 1}, {"Selector", "string", 1}};
  }
  if (p == "replicasets") {
    return {{"Name", "string"}, {"Desired", "integer"}, {"Current", "integer"},
            {"Ready", "integer"}, {"Age", "string"}};
  }
  if (p == "pods") {
    return {{"Name", "string"}, {"Ready", "string"}, {"Status", "string"},
            {"Restarts", "string"}, {"Age", "string"}, {"IP", "string", 1},
            {"Node", "string", 1}};
  }
  if (p == "namespaces") return {{"Name", "string"}, {"Status", "string"}, {"Age", "string"}};
  if (p == "services") {
    return {{"Name", "string"}, {"Type", "string"}, {"Cluster-IP", "string"},
            {"External-IP", "string"}, {"Port(s)", "string"}, {"Age", "string"}};
  }
  if (p == "ingresses") {
    return {{"Name", "string"}, {"Class", "string"}, {"Hosts", "string"},
            {"Address", "string"}, {"Ports", "string"}, {"Age", "string"}};
  }
  if (p == "configmaps") return {{"Name", "string"}, {"Data", "integer"}, {"Age", "string"}};
  return {{"Name", "string"}, {"Age", "string"}};
}

json::array Cells(const ResourceType& type, const json::object& o) {
  std::string_view p = type.plural;
  std::string name = GetString(o, "metadata.name");
  if (p == "deployments") {
    const auto* sel = Find(o, "spec.selector");
    return {name,
            std::to_string(GetInt(o, "status.readyReplicas")) + "/" +
                std::to_string(GetInt(o, "spec.replicas", 1)),
            GetInt(o, "status.updatedReplicas"), GetInt(o, "status.availableReplicas"), Age(o),
            Join(Find(o, "spec.template.spec.containers"), "name"),
            Join(Find(o, "spec.template.spec.containers"), "image"),
            sel ? LabelSelector::FromObject(*sel).ToString() : ""};
  }
  if (p == "replicasets") {
    return {name, GetInt(o, "spec.replicas", 1), GetInt(o, "status.replicas"),
            GetInt(o, "status.readyReplicas"), Age(o)};
  }
  if (p == "pods") {
    int64_t total = 0, ready = 0, restarts = 0;
    if (const auto* cs = Find(o, "status.containerStatuses"); cs && cs->is_array()) {
      for (const auto& c : cs->as_array()) {
        ++total;
        if (const auto* r = Find(c, "ready"); r && *r == true) ++ready;
        restarts += GetInt(c, "restartCount");
      }
    } else if (const auto* c = Find(o, "spec.containers"); c && c->is_array()) {
      total = static_cast<int64_t>(c->as_array().size());
    }
    return {name, std::to_string(ready) + "/" + std::to_string(total), PodStatus(o),
            std::to_string(restarts), Age(o), GetString(o, "status.podIP", "<none>"),
            GetString(o, "spec.nodeName", "<none>")};
  }
  if (p == "namespaces") return {name, GetString(o, "status.phase", "Active"), Age(o)};
  if (p == "services") {
    std::string ports;
    if (const auto* ps = Find(o, "spec.ports"); ps && ps->is_array()) {
      for (const auto& port : ps->as_array()) {
        if (!ports.empty()) ports += ",";
        ports += std::to_string(GetInt(port, "port")) + "/" + GetString(port, "protocol", "TCP");
      }
    }
    return {name, GetString(o, "spec.type", "ClusterIP"), GetString(o, "spec.clusterIP", "None"),
            "<none>", ports.empty() ? "<none>" : ports, Age(o)};
  }
  if (p == "ingresses") {
    std::string hosts = Join(Find(o, "spec.rules"), "host");
    return {name, GetString(o, "spec.ingressClassName", "<none>"), hosts.empty() ? "*" : hosts,
            Join(Find(o, "status.loadBalancer.ingress"), "ip"), Find(o, "spec.tls") ? "80, 443" : "80",
            Age(o)};
  }
  if (p == "configmaps") {
    int64_t n = 0;
    for (const char* f : {"data", "binaryData"}) {
      if (const auto* m = o.if_contains(f); m && m->is_object()) n += static_cast<int64_t>(m->as_object().size());
    }
    return {name, n, Age(o)};
  }
  return {name, Age(o)};
}

}  // namespace

json::object ToTable(const ResourceType& type, const std::vector<const json::object*>& objects,
                     const std::string& resource_version, const std::string& cont) {
  json::array defs;
  for (const auto& c : Columns(type)) {
    json::object d{{"name", c.name}, {"type", c.type}, {"format", ""},
                   {"description", c.name}, {"priority", c.priority}};
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

}  // namespace slipway::sandbox::k8s
