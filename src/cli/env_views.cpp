#include "cli/env_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;
using Fields = std::vector<std::pair<std::string, std::string>>;

const json::object& Obj(const json::value* v) {
  static const json::object kEmpty;
  return v && v->is_object() ? v->as_object() : kEmpty;
}


const json::array& Arr(const json::object& o, const char* key) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

const json::array& Items(const json::value& list) { return Arr(Obj(&list), "items"); }

std::string Cell(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v ? CellText(*v) : "-";
}

std::string Age(const json::object& pod) {
  const auto* v = pod.if_contains("age_seconds");
  if (!v || !v->is_int64() || v->as_int64() < 0) return "-";
  auto s = v->as_int64();
  if (s < 120) return std::to_string(s) + "s";
  if (s < 7200) return std::to_string(s / 60) + "m";
  if (s < 172800) return std::to_string(s / 3600) + "h";
  return std::to_string(s / 86400) + "d";
}

std::string Connectivity(const json::object& cluster) {
  const auto& c = Obj(cluster.if_contains("connectivity"));
  if (c.empty()) return "not checked";
  if (c.at("ok").as_bool()) return "ok (" + Cell(c, "version") + ")";
  return "unreachable: " + Cell(c, "error");
}

}  // namespace

std::string RenderClusterList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& c = Obj(&item);
    rows.push_back({Cell(c, "id"), Cell(c, "name"), Cell(c, "connection"), Cell(c, "registry"),
                    Cell(c, "config_backend"), Cell(c, "environments"), Connectivity(c)});
  }
  return RenderTable({"id", "name", "connection", "registry", "config", "envs", "connectivity"}, rows);
}

std::string RenderCluster(const json::value& cluster) {
  const auto& c = Obj(&cluster);
  Fields f;
  for (const char* key : {"id", "name", "description", "connection", "registry", "config_backend", "environments"}) {
    f.emplace_back(key, Cell(c, key));
  }
  std::string namespaces;
  for (const auto& [type, ns] : Obj(c.if_contains("namespaces"))) {
    namespaces += (namespaces.empty() ? "" : ", ") + std::string(type) + "=" + CellText(ns);
  }
  f.emplace_back("namespaces", namespaces.empty() ? "(env type names)" : namespaces);
  f.emplace_back("connectivity", Connectivity(c));
  f.emplace_back("version", Cell(c, "version"));
  return RenderFields(f);
}

std::string RenderEnvironmentList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& e = Obj(&item);
    const auto& spec = Obj(e.if_contains("spec"));
    rows.push_back({Cell(e, "id"), Cell(e, "app"), Cell(e, "env_type"), Cell(e, "cluster"), Cell(e, "namespace"),
                    Cell(spec, "replicas"), Cell(e, "image")});
  }
  return RenderTable({"id", "app", "env", "cluster", "namespace", "replicas", "image"}, rows);
}

std::string RenderEnvironment(const json::value& env) {
  const auto& e = Obj(&env);
  const auto& spec = Obj(e.if_contains("spec"));
  const auto& res = Obj(spec.if_contains("resources"));
  Fields f;
  for (const char* key : {"id", "app", "env_type", "cluster", "namespace", "image", "image_digest", "config_backend"}) {
    f.emplace_back(key, Cell(e, key));
  }
  f.emplace_back("replicas", Cell(spec, "replicas"));
  f.emplace_back("cpu", Cell(res, "cpu_request") + " / " + Cell(res, "cpu_limit"));
  f.emplace_back("memory", Cell(res, "memory_request") + " / " + Cell(res, "memory_limit"));
  std::string ports;
  for (const auto& p : Arr(spec, "ports")) {
    const auto& o = Obj(&p);
    ports += (ports.empty() ? "" : ", ") + Cell(o, "service_port") + "→" + Cell(o, "container_port") + "/" + Cell(o, "protocol");
  }
  f.emplace_back("ports", ports.empty() ? "-" : ports);
  const auto& live = Obj(e.if_contains("live"));
  if (!live.empty()) {
    const auto& r = Obj(live.if_contains("replicas"));
    f.emplace_back("live", live.at("reachable").as_bool()
                               ? "desired " + Cell(r, "desired") + ", updated " + Cell(r, "updated") + ", ready " +
                                     Cell(r, "ready") + ", available " + Cell(r, "available")
                               : "cluster unreachable: " + Cell(live, "error"));
    std::string conditions;
    for (const auto& c : Arr(live, "conditions")) {
      const auto& o = Obj(&c);
      conditions += (conditions.empty() ? "" : ", ") + Cell(o, "type") + "=" + Cell(o, "status") + " (" + Cell(o, "reason") + ")";
    }
    f.emplace_back("conditions", conditions.empty() ? "-" : conditions);
  }
  f.emplace_back("version", Cell(e, "version"));
  std::string out = RenderFields(f);
  if (!Arr(live, "notes").empty()) {
    out += "notes:\n";
    for (const auto& n : Arr(live, "notes")) out += "  - " + CellText(n) + "\n";
  }
  return out;
}

std::string RenderPods(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& p = Obj(&item);
    std::string reason = Cell(p, "waiting_reason");
    if (reason.empty() || reason == "-") reason = Cell(p, "terminated_reason");
    rows.push_back({Cell(p, "name"), Cell(p, "phase"), Cell(p, "ready"), Cell(p, "restarts"),
                    reason.empty() ? "-" : reason, Cell(p, "image"), Cell(p, "pod_ip"), Cell(p, "node"), Age(p)});
  }
  return RenderTable({"name", "phase", "ready", "restarts", "reason", "image", "ip", "node", "age"}, rows);
}

std::string RenderOperation(const json::value& op) {
  const auto& o = Obj(&op);
  return RenderFields({{"operation", Cell(o, "kind")}, {"id", Cell(o, "id")}, {"by", Cell(o, "actor")},
                       {"at", Cell(o, "created_at")}});
}

}  // namespace slipway::cli
