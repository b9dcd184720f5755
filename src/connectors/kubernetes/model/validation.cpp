#include "connectors/kubernetes/model/validation.hpp"

#include <regex>

#include "connectors/kubernetes/model/rbac_validation.hpp"
#include "connectors/kubernetes/selectors.hpp"
#include "core/common/canonical_json.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// Go's %#v of a map[string]string, which apiserver messages print.
std::string GoMap(const json::value* labels) {
  std::string out = "map[string]string{";
  bool first = true;
  if (labels && labels->is_object()) {
    for (const auto& kv : labels->as_object()) {
      if (!first) out += ", ";
      first = false;
      out += Quote(std::string(kv.key())) + ":" + json::serialize(kv.value());
    }
  }
  return out + "}";
}

void Required(std::vector<Cause>& causes, const std::string& field,
              const std::string& detail = "") {
  causes.push_back({"FieldValueRequired", field,
                    detail.empty() ? "Required value" : "Required value: " + detail});
}

void InvalidValue(std::vector<Cause>& causes, const std::string& field, const std::string& value,
                  const std::string& detail) {
  causes.push_back({"FieldValueInvalid", field, "Invalid value: " + value + ": " + detail});
}

void ValidateContainers(const json::value& pod_spec, const std::string& prefix,
                        std::vector<Cause>& causes) {
  const auto* containers = core::Find(pod_spec, {"containers"});
  if (!containers || !containers->is_array() || containers->as_array().empty()) {
    Required(causes, prefix + ".containers");
    return;
  }
  const auto& list = containers->as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    std::string field = prefix + ".containers[" + std::to_string(i) + "]";
    std::string name = core::StringAt(list[i], {"name"});
    if (name.empty()) {
      Required(causes, field + ".name");
    } else if (auto err = Dns1123LabelError(name); !err.empty()) {
      InvalidValue(causes, field + ".name", Quote(name), err);
    }
    if (core::StringAt(list[i], {"image"}).empty()) Required(causes, field + ".image");
    if (const auto* ports = core::Find(list[i], {"ports"}); ports && ports->is_array()) {
      for (size_t p = 0; p < ports->as_array().size(); ++p) {
        int64_t port = core::IntAt(ports->as_array()[p], {"containerPort"}, -1);
        std::string pf = field + ".ports[" + std::to_string(p) + "].containerPort";
        if (port == -1) {
          Required(causes, pf);
        } else if (port < 1 || port > 65535) {
          InvalidValue(causes, pf, std::to_string(port), "must be between 1 and 65535, inclusive");
        }
      }
    }
  }
}

// Deployments and ReplicaSets: selector, template labels, pod spec.
void ValidateWorkload(const json::object& object, const json::object* old, bool deployment,
                      std::vector<Cause>& causes) {
  const auto* spec = object.if_contains("spec");
  if (!spec) {
    Required(causes, "spec.selector");
    Required(causes, "spec.template.spec.containers");
    return;
  }
  int64_t replicas = core::IntAt(*spec, {"replicas"}, 0);
  if (replicas < 0) {
    InvalidValue(causes, "spec.replicas", std::to_string(replicas),
                 "must be greater than or equal to 0");
  }
  const auto* selector = core::Find(*spec, {"selector"});
  if (!selector || !selector->is_object()) {
    Required(causes, "spec.selector");
  } else {
    auto sel = LabelSelector::FromObject(*selector);
    const auto* labels = core::Find(*spec, {"template", "metadata", "labels"});
    if (sel.empty()) {
      InvalidValue(causes, "spec.selector", "v1.LabelSelector{}",
                   std::string("empty selector is invalid for ") +
                       (deployment ? "deployment" : "replicaset"));
    } else if (!sel.Matches(labels ? *labels : json::value())) {
      InvalidValue(causes, "spec.template.metadata.labels", GoMap(labels),
                   "`selector` does not match template `labels`");
    }
    if (old) {
      const auto* old_sel = core::Find(*old, {"spec", "selector"});
      if (old_sel && core::CanonicalJson(*old_sel) != core::CanonicalJson(*selector)) {
        InvalidValue(causes, "spec.selector", "v1.LabelSelector{" + sel.ToString() + "}",
                     "field is immutable");
      }
    }
  }
  const auto* pod_spec = core::Find(*spec, {"template", "spec"});
  ValidateContainers(pod_spec ? *pod_spec : json::value(), "spec.template.spec", causes);
  std::string restart = core::StringAt(*spec, {"template", "spec", "restartPolicy"}, "Always");
  if (restart != "Always") {
    causes.push_back({"FieldValueNotSupported", "spec.template.spec.restartPolicy",
                      "Unsupported value: " + Quote(restart) + ": supported values: \"Always\""});
  }
  if (deployment) {
    std::string strategy = core::StringAt(*spec, {"strategy", "type"}, "RollingUpdate");
    if (strategy != "RollingUpdate" && strategy != "Recreate") {
      causes.push_back({"FieldValueNotSupported", "spec.strategy.type",
                        "Unsupported value: " + Quote(strategy) +
                            ": supported values: \"Recreate\", \"RollingUpdate\""});
    }
  }
}

void ValidateService(const json::object& object, const json::object* old,
                     std::vector<Cause>& causes) {
  std::string type = core::StringAt(object, {"spec", "type"}, "ClusterIP");
  const auto* ports = core::Find(object, {"spec", "ports"});
  bool headless = core::StringAt(object, {"spec", "clusterIP"}) == "None";
  if (type != "ClusterIP" && type != "NodePort" && type != "LoadBalancer" &&
      type != "ExternalName") {
    causes.push_back({"FieldValueNotSupported", "spec.type",
                      "Unsupported value: " + Quote(type) +
                          ": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", "
                          "\"NodePort\""});
  }
  if (type == "ExternalName") {
    // Defaulting leaves an ExternalName service without cluster IPs; one given is refused.
    const auto* ips = core::Find(object, {"spec", "clusterIPs"});
    if ((ips && ips->is_array() && !ips->as_array().empty()) ||
        !core::StringAt(object, {"spec", "clusterIP"}).empty()) {
      causes.push_back({"FieldValueForbidden", "spec.clusterIPs",
                        "Forbidden: may not be set for ExternalName services"});
    }
    // The CNAME may end in a dot (fully qualified).
    std::string cname = core::StringAt(object, {"spec", "externalName"});
    if (cname.ends_with('.')) cname.pop_back();
    if (cname.empty()) {
      Required(causes, "spec.externalName");
    } else if (auto err = Dns1123SubdomainError(cname); !err.empty()) {
      InvalidValue(causes, "spec.externalName", Quote(cname), err);
    }
  }
  if (type != "ExternalName" && !headless &&
      (!ports || !ports->is_array() || ports->as_array().empty())) {
    Required(causes, "spec.ports");
  }
  if (ports && ports->is_array()) {
    for (size_t i = 0; i < ports->as_array().size(); ++i) {
      int64_t port = core::IntAt(ports->as_array()[i], {"port"}, -1);
      std::string f = "spec.ports[" + std::to_string(i) + "].port";
      if (port == -1) {
        Required(causes, f);
      } else if (port < 1 || port > 65535) {
        InvalidValue(causes, f, std::to_string(port), "must be between 1 and 65535, inclusive");
      }
    }
  }
  if (old) {
    std::string was = core::StringAt(*old, {"spec", "clusterIP"});
    std::string now = core::StringAt(object, {"spec", "clusterIP"});
    if (!was.empty() && !now.empty() && was != now) {
      InvalidValue(causes, "spec.clusterIPs[0]", Quote(now), "may not change once set");
    }
  }
}

void ValidateIngress(const json::object& object, std::vector<Cause>& causes) {
  const auto* rules = core::Find(object, {"spec", "rules"});
  if (!rules || !rules->is_array()) return;
  for (size_t r = 0; r < rules->as_array().size(); ++r) {
    const auto* paths = core::Find(rules->as_array()[r], {"http", "paths"});
    if (!paths || !paths->is_array()) continue;
    for (size_t p = 0; p < paths->as_array().size(); ++p) {
      const auto& path = paths->as_array()[p];
      std::string f = "spec.rules[" + std::to_string(r) + "].http.paths[" + std::to_string(p) + "]";
      std::string type = core::StringAt(path, {"pathType"});
      if (type.empty()) {
        Required(causes, f + ".pathType", "pathType must be specified");
      } else if (type != "Exact" && type != "Prefix" && type != "ImplementationSpecific") {
        causes.push_back(
            {"FieldValueNotSupported", f + ".pathType",
             "Unsupported value: " + Quote(type) +
                 ": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\""});
      }
      std::string value = core::StringAt(path, {"path"});
      if ((type == "Exact" || type == "Prefix") && (value.empty() || value[0] != '/')) {
        InvalidValue(causes, f + ".path", Quote(value), "must be an absolute path");
      }
      const auto* service = core::Find(path, {"backend", "service"});
      const auto* resource = core::Find(path, {"backend", "resource"});
      if (!service && !resource) {
        Required(causes, f + ".backend",
                 "one of `backend.service` or `backend.resource` must be specified");
      } else if (service) {
        if (core::StringAt(*service, {"name"}).empty())
          Required(causes, f + ".backend.service.name");
        if (!core::Find(*service, {"port", "number"}) && !core::Find(*service, {"port", "name"})) {
          Required(causes, f + ".backend.service.port", "port name or number is required");
        }
      }
    }
  }
}

void ValidateConfigMap(const json::object& object, const json::object* old,
                       std::vector<Cause>& causes) {
  static const std::regex kKey("[-._a-zA-Z0-9]+");
  for (const char* field : {"data", "binaryData"}) {
    const auto* map = object.if_contains(field);
    if (!map || !map->is_object()) continue;
    for (const auto& kv : map->as_object()) {
      std::string key(kv.key());
      if (!std::regex_match(key, kKey)) {
        InvalidValue(causes, std::string(field) + "[" + key + "]", Quote(key),
                     "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
                     "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation "
                     "is '[-._a-zA-Z0-9]+')");
      }
      if (std::string_view(field) == "data") {
        if (const auto* bin = core::Find(object, {"binaryData"});
            bin && bin->is_object() && bin->as_object().contains(key)) {
          InvalidValue(causes, "data[" + key + "]", Quote(key),
                       "duplicate of key present in binaryData");
        }
      }
    }
  }
  if (old && core::Find(*old, {"immutable"}) && *core::Find(*old, {"immutable"}) == true) {
    auto same = [&](const char* f) {
      const auto* a = old->if_contains(f);
      const auto* b = object.if_contains(f);
      return core::CanonicalJson(a ? *a : json::value()) ==
             core::CanonicalJson(b ? *b : json::value());
    };
    if (!same("data"))
      causes.push_back(
          {"FieldValueForbidden", "data", "Forbidden: field is immutable when `immutable` is set"});
    if (!same("binaryData"))
      causes.push_back({"FieldValueForbidden", "binaryData",
                        "Forbidden: field is immutable when `immutable` is set"});
  }
}

}  // namespace

std::string Dns1123SubdomainError(const std::string& value) {
  static const std::regex kRe("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  if (value.size() > 253) return "must be no more than 253 characters";
  if (std::regex_match(value, kRe)) return "";
  return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
         "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
         "regex used for validation is "
         "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
}

std::string Dns1123LabelError(const std::string& value) {
  static const std::regex kRe("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  if (value.size() > 63) return "must be no more than 63 characters";
  if (std::regex_match(value, kRe)) return "";
  return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
         "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
         "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
}

std::string Dns1035LabelError(const std::string& value) {
  static const std::regex kRe("[a-z]([-a-z0-9]*[a-z0-9])?");
  if (value.size() > 63) return "must be no more than 63 characters";
  if (std::regex_match(value, kRe)) return "";
  return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
         "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
         "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
}

std::vector<Cause> Validate(const ResourceType& type, const json::object& object,
                            const json::object* old) {
  std::vector<Cause> causes;
  std::string name = core::StringAt(object, {"metadata", "name"});
  if (name.empty()) {
    Required(causes, "metadata.name", "name or generateName is required");
  } else {
    std::string err = type.plural == "namespaces" ? Dns1123LabelError(name)
                      : type.plural == "services" ? Dns1035LabelError(name)
                                                  : Dns1123SubdomainError(name);
    if (!err.empty()) InvalidValue(causes, "metadata.name", Quote(name), err);
  }
  if (type.plural == "deployments" || type.plural == "replicasets") {
    ValidateWorkload(object, old, type.plural == "deployments", causes);
  } else if (type.plural == "pods") {
    const auto* spec = object.if_contains("spec");
    ValidateContainers(spec ? *spec : json::value(), "spec", causes);
  } else if (type.plural == "services") {
    ValidateService(object, old, causes);
  } else if (type.plural == "ingresses") {
    ValidateIngress(object, causes);
  } else if (type.plural == "configmaps") {
    ValidateConfigMap(object, old, causes);
  } else {
    ValidateRbac(type, object, old, causes);
  }
  return causes;
}

}  // namespace slipway::connectors::kube::model
