#include "cli/env_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;
using Fields = std::vector<std::pair<std::string, std::string>>;

const json::array& Items(const json::value& list) { return ArrayAt(ObjectOrEmpty(&list), "items"); }

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
  const auto& c = ObjectOrEmpty(cluster.if_contains("connectivity"));
  if (c.empty()) return "not checked";
  if (c.at("ok").as_bool()) return "ok (" + CellAt(c, "version") + ")";
  return "unreachable: " + CellAt(c, "error");
}

// "1 pod (manual)", "50% (300 s)", "2 pods (no pause)".
std::string StepText(const json::object& step) {
  std::string out = step.contains("percent")
                        ? CellAt(step, "percent") + "%"
                        : CellAt(step, "pods") + " pod" + (CellAt(step, "pods") == "1" ? "" : "s");
  const auto* pause = step.if_contains("pause");
  if (pause && pause->is_object())
    return out + " (" + CellAt(pause->as_object(), "seconds") + " s)";
  if (pause && pause->is_string() && pause->as_string() == "none") return out + " (no pause)";
  return out + " (manual)";
}

}  // namespace

std::string RenderClusterList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& c = ObjectOrEmpty(&item);
    rows.push_back({CellAt(c, "id"), CellAt(c, "name"), CellAt(c, "connection"),
                    CellAt(c, "registry"), CellAt(c, "config_backend"), CellAt(c, "environments"),
                    Connectivity(c)});
  }
  return RenderTable({"id", "name", "connection", "registry", "config", "envs", "connectivity"},
                     rows);
}

std::string RenderCluster(const json::value& cluster) {
  const auto& c = ObjectOrEmpty(&cluster);
  Fields f;
  for (const char* key :
       {"id", "name", "description", "connection", "registry", "config_backend", "environments"}) {
    f.emplace_back(key, CellAt(c, key));
  }
  std::string namespaces;
  for (const auto& [type, ns] : ObjectOrEmpty(c.if_contains("namespaces"))) {
    namespaces += (namespaces.empty() ? "" : ", ") + std::string(type) + "=" + CellText(ns);
  }
  f.emplace_back("namespaces", namespaces.empty() ? "(env type names)" : namespaces);
  f.emplace_back("connectivity", Connectivity(c));
  f.emplace_back("version", CellAt(c, "version"));
  return RenderFields(f);
}

std::string RenderEnvironmentList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& e = ObjectOrEmpty(&item);
    const auto& spec = ObjectOrEmpty(e.if_contains("spec"));
    rows.push_back({CellAt(e, "id"), CellAt(e, "app"), CellAt(e, "env_type"), CellAt(e, "cluster"),
                    CellAt(e, "namespace"), CellAt(spec, "replicas"), CellAt(e, "image")});
  }
  return RenderTable({"id", "app", "env", "cluster", "namespace", "replicas", "image"}, rows);
}

std::string RenderEnvironment(const json::value& env) {
  const auto& e = ObjectOrEmpty(&env);
  const auto& spec = ObjectOrEmpty(e.if_contains("spec"));
  const auto& res = ObjectOrEmpty(spec.if_contains("resources"));
  Fields f;
  for (const char* key : {"id", "app", "env_type", "cluster", "namespace", "image", "image_digest",
                          "config_backend"}) {
    f.emplace_back(key, CellAt(e, key));
  }
  f.emplace_back("replicas", CellAt(spec, "replicas"));
  f.emplace_back("cpu", CellAt(res, "cpu_request") + " / " + CellAt(res, "cpu_limit"));
  f.emplace_back("memory", CellAt(res, "memory_request") + " / " + CellAt(res, "memory_limit"));
  std::string ports;
  for (const auto& p : ArrayAt(spec, "ports")) {
    const auto& o = ObjectOrEmpty(&p);
    ports += (ports.empty() ? "" : ", ") + CellAt(o, "service_port") + "→" +
             CellAt(o, "container_port") + "/" + CellAt(o, "protocol");
  }
  f.emplace_back("ports", ports.empty() ? "-" : ports);
  const auto& live = ObjectOrEmpty(e.if_contains("live"));
  if (!live.empty()) {
    const auto& r = ObjectOrEmpty(live.if_contains("replicas"));
    f.emplace_back("live", live.at("reachable").as_bool()
                               ? "desired " + CellAt(r, "desired") + ", updated " +
                                     CellAt(r, "updated") + ", ready " + CellAt(r, "ready") +
                                     ", available " + CellAt(r, "available")
                               : "cluster unreachable: " + CellAt(live, "error"));
    std::string conditions;
    for (const auto& c : ArrayAt(live, "conditions")) {
      const auto& o = ObjectOrEmpty(&c);
      conditions += (conditions.empty() ? "" : ", ") + CellAt(o, "type") + "=" +
                    CellAt(o, "status") + " (" + CellAt(o, "reason") + ")";
    }
    f.emplace_back("conditions", conditions.empty() ? "-" : conditions);
  }
  f.emplace_back("version", CellAt(e, "version"));
  std::string out = RenderFields(f);
  if (!ArrayAt(live, "notes").empty()) {
    out += "notes:\n";
    for (const auto& n : ArrayAt(live, "notes")) out += "  - " + CellText(n) + "\n";
  }
  return out;
}

std::string RenderPods(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Items(list)) {
    const auto& p = ObjectOrEmpty(&item);
    std::string reason = CellAt(p, "waiting_reason");
    if (reason.empty() || reason == "-") reason = CellAt(p, "terminated_reason");
    rows.push_back({CellAt(p, "name"), CellAt(p, "phase"), CellAt(p, "ready"),
                    CellAt(p, "restarts"), reason.empty() ? "-" : reason, CellAt(p, "image"),
                    CellAt(p, "pod_ip"), CellAt(p, "node"), Age(p)});
  }
  return RenderTable({"name", "phase", "ready", "restarts", "reason", "image", "ip", "node", "age"},
                     rows);
}

std::string RenderOperation(const json::value& op) {
  const auto& o = ObjectOrEmpty(&op);
  return RenderFields({{"operation", CellAt(o, "kind")},
                       {"id", CellAt(o, "id")},
                       {"by", CellAt(o, "actor")},
                       {"at", CellAt(o, "created_at")}});
}

std::string RenderReleasePolicy(const json::value& env) {
  const auto& p = ObjectOrEmpty(ObjectOrEmpty(&env).if_contains("release_policy"));
  const auto& canary = ObjectOrEmpty(p.if_contains("canary"));
  std::string steps;
  for (const auto& s : ArrayAt(canary, "steps"))
    steps += (steps.empty() ? "" : ", ") + StepText(ObjectOrEmpty(&s));
  const auto* approval = p.if_contains("approval_required");
  return RenderFields(
      {{"strategy", CellAt(p, "strategy")},
       {"canary steps", steps.empty() ? "-" : steps},
       {"stability window", CellAt(canary, "stability_window_seconds") + " s"},
       {"auto-rollback",
        p.contains("auto_rollback") && p.at("auto_rollback").as_bool() ? "on" : "off"},
       {"approval", !approval || approval->is_null() ? "default (core applications in prod)"
                    : approval->as_bool()            ? "required"
                                                     : "not required"},
       {"version", CellAt(ObjectOrEmpty(&env), "version")}});
}

}  // namespace slipway::cli
