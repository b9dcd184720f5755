#include "connectors/kubernetes/fake_validation.hpp"

#include <regex>

#include "core/common/json_path.hpp"

namespace slipway::connectors::fake {

namespace {

bool IsDns1123Subdomain(const std::string& value) {
  static const std::regex kRe("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  return value.size() <= 253 && std::regex_match(value, kRe);
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::vector<std::string> ServiceProblems(const KubeObject& service) {
  std::vector<std::string> problems;
  std::string type = core::StringAt(service, {"spec", "type"});
  if (type.empty()) type = "ClusterIP";
  if (type != "ClusterIP" && type != "NodePort" && type != "LoadBalancer" &&
      type != "ExternalName") {
    problems.push_back("spec.type: Unsupported value: " + Quote(type) +
                       ": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", "
                       "\"NodePort\"");
  }
  const auto* ports = core::Find(service, {"spec", "ports"});
  bool headless = core::StringAt(service, {"spec", "clusterIP"}) == "None";
  bool no_ports = !ports || !ports->is_array() || ports->as_array().empty();
  if (type == "ExternalName") {
    const auto* ips = core::Find(service, {"spec", "clusterIPs"});
    if (!core::StringAt(service, {"spec", "clusterIP"}).empty() ||
        (ips && ips->is_array() && !ips->as_array().empty())) {
      problems.push_back("spec.clusterIPs: Forbidden: may not be set for ExternalName services");
    }
    std::string cname = core::StringAt(service, {"spec", "externalName"});
    if (cname.ends_with('.')) cname.pop_back();  // a fully qualified CNAME
    if (cname.empty()) {
      problems.push_back("spec.externalName: Required value");
    } else if (!IsDns1123Subdomain(cname)) {
      problems.push_back("spec.externalName: Invalid value: " + Quote(cname) +
                         ": a lowercase RFC 1123 subdomain must consist of lower case "
                         "alphanumeric characters, '-' or '.', and must start and end with an "
                         "alphanumeric character");
    }
  } else if (!headless && no_ports) {
    problems.push_back("spec.ports: Required value");
  }
  if (!no_ports) {
    const auto& list = ports->as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string field = "spec.ports[" + std::to_string(i) + "].port";
      const auto* port = list[i].is_object() ? list[i].as_object().if_contains("port") : nullptr;
      if (!port || !port->is_int64()) {
        problems.push_back(field + ": Required value");
      } else if (port->as_int64() < 1 || port->as_int64() > 65535) {
        problems.push_back(field + ": Invalid value: " + std::to_string(port->as_int64()) +
                           ": must be between 1 and 65535, inclusive");
      }
    }
  }
  return problems;
}

std::vector<std::string> IngressProblems(const KubeObject& ingress) {
  std::vector<std::string> problems;
  const auto* rules = core::Find(ingress, {"spec", "rules"});
  if (!rules || !rules->is_array()) return problems;
  for (std::size_t r = 0; r < rules->as_array().size(); ++r) {
    const auto& rule = rules->as_array()[r];
    if (!rule.is_object()) continue;
    const auto* paths = core::Find(rule.as_object(), {"http", "paths"});
    if (!paths || !paths->is_array()) continue;
    for (std::size_t p = 0; p < paths->as_array().size(); ++p) {
      if (!paths->as_array()[p].is_object()) continue;
      const auto& path = paths->as_array()[p].as_object();
      std::string field =
          "spec.rules[" + std::to_string(r) + "].http.paths[" + std::to_string(p) + "]";
      std::string type = core::StringAt(path, {"pathType"});
      if (type.empty()) {
        problems.push_back(field + ".pathType: Required value: pathType must be specified");
      } else if (type != "Exact" && type != "Prefix" && type != "ImplementationSpecific") {
        problems.push_back(field + ".pathType: Unsupported value: " + Quote(type) +
                           ": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"");
      }
      std::string value = core::StringAt(path, {"path"});
      if ((type == "Exact" || type == "Prefix") && (value.empty() || value[0] != '/'))
        problems.push_back(field + ".path: Invalid value: " + Quote(value) +
                           ": must be an absolute path");
      const auto* service = core::Find(path, {"backend", "service"});
      if (!service && !core::Find(path, {"backend", "resource"})) {
        problems.push_back(field +
                           ".backend: Required value: one of `backend.service` or "
                           "`backend.resource` must be specified");
      } else if (service && service->is_object()) {
        if (core::StringAt(service->as_object(), {"name"}).empty())
          problems.push_back(field + ".backend.service.name: Required value");
        if (!core::Find(service->as_object(), {"port", "number"}) &&
            !core::Find(service->as_object(), {"port", "name"})) {
          problems.push_back(field +
                             ".backend.service.port: Required value: port name or number is "
                             "required");
        }
      }
    }
  }
  return problems;
}

}  // namespace slipway::connectors::fake
