#include "sandbox/kubernetes/discovery.hpp"

#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

json::array Strings(std::initializer_list<std::string_view> items) {
  json::array a;
  for (auto s : items) a.emplace_back(s);
  return a;
}

json::object Version() {
  return {{"major", "1"},
          {"minor", "35"},
          {"emulationMajor", "1"},
          {"emulationMinor", "35"},
          {"minCompatibilityMajor", "1"},
          {"minCompatibilityMinor", "34"},
          {"gitVersion", "v1.35.0"},
          {"gitCommit", "0000000000000000000000000000000000000000"},
          {"gitTreeState", "clean"},
          {"buildDate", "2026-01-01T00:00:00Z"},
          {"goVersion", "go1.25.0"},
          {"compiler", "gc"},
          {"platform", "linux/amd64"}};
}

json::object GroupVersionRef(std::string_view group, std::string_view version) {
  return {{"groupVersion", std::string(group) + "/" + std::string(version)}, {"version", version}};
}

json::object Group(std::string_view group) {
  json::array versions;
  for (const auto& gv : AllGroupVersions()) {
    if (gv.group == group) versions.push_back(GroupVersionRef(gv.group, gv.version));
  }
  return {{"name", group}, {"versions", versions}, {"preferredVersion", versions.at(0)}};
}

json::object Entry(std::string name, const ResourceType& t, std::string_view kind,
                   json::array verbs) {
  return {{"name", std::move(name)},
          {"singularName", ""},
          {"namespaced", t.namespaced},
          {"kind", kind},
          {"verbs", std::move(verbs)}};
}

json::object ResourceList(std::string_view group, std::string_view version) {
  json::array resources;
  for (const auto& t : AllResources()) {
    if (t.group != group || t.version != version) continue;
    json::array verbs =
        t.namespaced ? Strings({"create", "delete", "deletecollection", "get", "list", "patch",
                                "update", "watch"})
                     : Strings({"create", "delete", "get", "list", "patch", "update", "watch"});
    json::object main = Entry(std::string(t.plural), t, t.kind, std::move(verbs));
    main["singularName"] = t.singular;
    json::array shorts;
    for (auto s : t.short_names) shorts.emplace_back(s);
    if (!shorts.empty()) main["shortNames"] = std::move(shorts);
    if (t.plural == "pods" || t.plural == "services" || t.plural == "deployments" ||
        t.plural == "replicasets") {
      main["categories"] = Strings({"all"});
    }
    resources.push_back(std::move(main));
    for (auto sub : t.subresources) {
      std::string name = std::string(t.plural) + "/" + std::string(sub);
      if (sub == "scale") {
        json::object e = Entry(name, t, "Scale", Strings({"get", "patch", "update"}));
        e["group"] = "autoscaling";
        e["version"] = "v1";
        resources.push_back(std::move(e));
      } else if (sub == "log") {
        resources.push_back(Entry(name, t, t.kind, Strings({"get"})));
      } else if (sub == "finalize") {
        resources.push_back(Entry(name, t, t.kind, Strings({"update"})));
      } else {
        resources.push_back(Entry(name, t, t.kind, Strings({"get", "patch", "update"})));
      }
    }
  }
  std::string gv =
      group.empty() ? std::string(version) : std::string(group) + "/" + std::string(version);
  return {{"kind", "APIResourceList"},
          {"apiVersion", "v1"},
          {"groupVersion", gv},
          {"resources", std::move(resources)}};
}

}  // namespace

std::optional<json::object> Discovery(const std::string& path, const std::string& server_address) {
  if (path == "/version" || path == "/version/") return Version();
  if (path == "/api" || path == "/api/") {
    return json::object{{"kind", "APIVersions"},
                        {"versions", Strings({"v1"})},
                        {"serverAddressByClientCIDRs",
                         json::array{json::object{{"clientCIDR", "0.0.0.0/0"},
                                                  {"serverAddress", server_address}}}}};
  }
  if (path == "/api/v1" || path == "/api/v1/") return ResourceList("", "v1");
  if (path == "/apis" || path == "/apis/") {
    json::array groups;
    for (const auto& gv : AllGroupVersions()) {
      if (gv.group.empty()) continue;
      bool seen = false;
      for (const auto& g : groups) seen = seen || g.at("name").as_string() == gv.group;
      if (!seen) groups.push_back(Group(gv.group));
    }
    return json::object{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
  }
  for (const auto& gv : AllGroupVersions()) {
    if (gv.group.empty()) continue;
    std::string base = "/apis/" + std::string(gv.group);
    if (path == base || path == base + "/") {
      json::object g = Group(gv.group);
      g["kind"] = "APIGroup";
      g["apiVersion"] = "v1";
      return g;
    }
    std::string full = base + "/" + std::string(gv.version);
    if (path == full || path == full + "/") return ResourceList(gv.group, gv.version);
  }
  return std::nullopt;
}

}  // namespace slipway::sandbox::kube
