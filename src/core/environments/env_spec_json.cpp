#include "core/environments/env_spec_json.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/common/field_reader.hpp"
#include "core/common/text_rules.hpp"
#include "core/environments/quantity.hpp"

namespace slipway::core {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxPorts = 32;
constexpr std::size_t kMaxServices = 16;
constexpr std::size_t kMaxEnvVars = 200;
constexpr std::size_t kMaxValue = std::size_t{32} * 1024;

// DNS-1035 label (Service names): like DNS-1123 but starting with a letter.
bool IsDns1035Label(std::string_view s) {
  if (s.empty() || s.size() > 63 || !(s.front() >= 'a' && s.front() <= 'z') || s.back() == '-')
    return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// IANA service name, as Kubernetes requires for port names: ≤ 15
// characters, lower-case alphanumerics and '-', at least one letter.
bool IsPortName(std::string_view s) {
  if (s.empty() || s.size() > 15 || s.front() == '-' || s.back() == '-') return false;
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z')
      letter = true;
    else if (!((c >= '0' && c <= '9') || c == '-'))
      return false;
  }
  return letter && s.find("--") == std::string_view::npos;
}

// Kubernetes' relaxed environment variable names: printable ASCII except
// '=', not starting with a digit (we keep to the portable C-identifier-ish set).
bool IsEnvName(std::string_view s) {
  if (s.empty() || s.size() > 256 || (s.front() >= '0' && s.front() <= '9')) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool IsProtocol(std::string_view p) { return p == "TCP" || p == "UDP" || p == "SCTP"; }

const json::array* ArrayField(const json::object& o, const char* key, FieldReader& r) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    r.Fail(key, "must be an array");
    return nullptr;
  }
  return &v->as_array();
}

const json::object* ObjectAt(const json::value& v, const std::string& path, FieldReader& r) {
  if (!v.is_object()) {
    r.Fail(path, "must be an object");
    return nullptr;
  }
  return &v.as_object();
}

// Each quantity present, checked on its own; requests ≤ limits is checked
// once the patch meets the resources it changes (ApplyEnvSpecPatch).
void ReadResources(const json::object& o, EnvSpecPatch& patch, FieldReader& parent) {
  FieldReader r(o, parent.Path("resources."));
  r.RejectUnknown({"cpu_request", "cpu_limit", "memory_request", "memory_limit"});
  struct Field {
    const char* key;
    std::optional<std::string>* target;
  } fields[] = {{"cpu_request", &patch.cpu_request},
                {"cpu_limit", &patch.cpu_limit},
                {"memory_request", &patch.memory_request},
                {"memory_limit", &patch.memory_limit}};
  for (auto& f : fields) {
    if (auto v = r.String(f.key, 32)) {
      if (!ParseQuantity(*v)) {
        r.Fail(f.key,
               "must be a Kubernetes quantity such as 250m, 1, 512Mi or 2Gi, at most 2^63-1");
      } else {
        *f.target = *v;
      }
    }
  }
  parent.Absorb(r);
}

std::vector<ContainerPort> ReadPorts(const json::array& a, FieldReader& parent) {
  std::vector<ContainerPort> ports;
  if (a.size() > kMaxPorts)
    parent.Fail("ports", "must have at most " + std::to_string(kMaxPorts) + " entries");
  std::set<int> numbers;
  std::set<std::string> names;
  for (std::size_t i = 0; i < a.size() && parent.ok(); ++i) {
    std::string path = "ports[" + std::to_string(i) + "]";
    const auto* o = ObjectAt(a[i], path, parent);
    if (!o) break;
    FieldReader r(*o, parent.Path(path + "."));
    r.RejectUnknown({"name", "container_port", "service_port", "protocol"});
    ContainerPort p;
    p.name = r.String("name", 15).value_or("");
    p.container_port = static_cast<int>(r.Int("container_port", 1, 65535, true).value_or(0));
    p.service_port = static_cast<int>(r.Int("service_port", 1, 65535).value_or(p.container_port));
    p.protocol = r.String("protocol", 8).value_or("TCP");
    if (r.ok() && !p.name.empty() && !IsPortName(p.name)) {
      r.Fail("name", "must be at most 15 lower-case letters, digits and '-', with a letter");
    }
    if (r.ok() && !IsProtocol(p.protocol)) r.Fail("protocol", "must be TCP, UDP or SCTP");
    if (r.ok() && !numbers.insert(p.container_port).second)
      r.Fail("container_port", "is used twice");
    if (r.ok() && !p.name.empty() && !names.insert(p.name).second) r.Fail("name", "is used twice");
    parent.Absorb(r);
    ports.push_back(std::move(p));
  }
  if (parent.ok() && ports.size() > 1) {
    for (std::size_t i = 0; i < ports.size(); ++i) {
      if (ports[i].name.empty()) {
        parent.Fail("ports[" + std::to_string(i) + "].name",
                    "is required when there are several ports");
        break;
      }
    }
  }
  return ports;
}

ServicePort ReadServicePort(const json::object& o, const std::string& path, const std::string& type,
                            FieldReader& parent) {
  FieldReader r(o, parent.Path(path + "."));
  r.RejectUnknown({"name", "port", "target_port", "node_port", "protocol"});
  ServicePort p;
  p.name = r.String("name", 15).value_or("");
  p.port = static_cast<int>(r.Int("port", 1, 65535, true).value_or(0));
  p.target_port = static_cast<int>(r.Int("target_port", 1, 65535).value_or(p.port));
  p.node_port = static_cast<int>(r.Int("node_port", 30000, 32767).value_or(0));
  p.protocol = r.String("protocol", 8).value_or("TCP");
  if (r.ok() && !p.name.empty() && !IsPortName(p.name)) {
    r.Fail("name", "must be at most 15 lower-case letters, digits and '-', with a letter");
  }
  if (r.ok() && !IsProtocol(p.protocol)) r.Fail("protocol", "must be TCP, UDP or SCTP");
  if (r.ok() && p.node_port != 0 && type == "ClusterIP")
    r.Fail("node_port", "applies only to NodePort and LoadBalancer Services");
  parent.Absorb(r);
  return p;
}

std::vector<ServiceSpec> ReadServices(const json::array& a, FieldReader& parent) {
  std::vector<ServiceSpec> services;
  if (a.size() > kMaxServices)
    parent.Fail("services", "must have at most " + std::to_string(kMaxServices) + " entries");
  std::set<std::string> names;
  for (std::size_t i = 0; i < a.size() && parent.ok(); ++i) {
    std::string path = "services[" + std::to_string(i) + "]";
    const auto* o = ObjectAt(a[i], path, parent);
    if (!o) break;
    FieldReader r(*o, parent.Path(path + "."));
    r.RejectUnknown({"name", "type", "ports"});
    ServiceSpec s;
    s.name = r.String("name", 63, true).value_or("");
    s.type = r.String("type", 16).value_or("ClusterIP");
    if (r.ok() && !IsDns1035Label(s.name)) {
      r.Fail(
          "name",
          "must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter");
    }
    if (r.ok() && s.type != "ClusterIP" && s.type != "NodePort" && s.type != "LoadBalancer") {
      r.Fail("type", "must be ClusterIP, NodePort or LoadBalancer");
    }
    if (r.ok() && !names.insert(s.name).second) r.Fail("name", "is used twice");
    const auto* ports = ArrayField(*o, "ports", r);
    if (r.ok() && (!ports || ports->empty())) r.Fail("ports", "must list at least one port");
    std::set<int> numbers;
    for (std::size_t j = 0; r.ok() && ports && j < ports->size(); ++j) {
      std::string ppath = "ports[" + std::to_string(j) + "]";
      const auto* po = ObjectAt((*ports)[j], ppath, r);
      if (!po) break;
      s.ports.push_back(ReadServicePort(*po, ppath, s.type, r));
      if (r.ok() && !numbers.insert(s.ports.back().port).second)
        r.Fail(ppath + ".port", "is used twice");
    }
    if (r.ok() && s.ports.size() > 1) {
      for (std::size_t j = 0; j < s.ports.size(); ++j) {
        if (s.ports[j].name.empty()) {
          r.Fail("ports[" + std::to_string(j) + "].name",
                 "is required when there are several ports");
          break;
        }
      }
    }
    parent.Absorb(r);
    services.push_back(std::move(s));
  }
  return services;
}

std::vector<EnvVar> ReadEnv(const json::array& a, FieldReader& parent) {
  std::vector<EnvVar> vars;
  if (a.size() > kMaxEnvVars)
    parent.Fail("env", "must have at most " + std::to_string(kMaxEnvVars) + " entries");
  std::set<std::string> names;
  for (std::size_t i = 0; i < a.size() && parent.ok(); ++i) {
    std::string path = "env[" + std::to_string(i) + "]";
    const auto* o = ObjectAt(a[i], path, parent);
    if (!o) break;
    FieldReader r(*o, parent.Path(path + "."));
    r.RejectUnknown({"name", "value"});
    EnvVar v;
    v.name = r.String("name", 256, true).value_or("");
    // Values may span lines (a certificate, a script); names may not.
    v.value = r.Text("value", kMaxValue).value_or("");
    if (r.ok() && !IsEnvName(v.name)) {
      r.Fail("name", "must be letters, digits, '_', '-' and '.', not starting with a digit");
    }
    if (r.ok() && !names.insert(v.name).second) r.Fail("name", "is used twice");
    parent.Absorb(r);
    vars.push_back(std::move(v));
  }
  return vars;
}

std::optional<Probe> ReadProbe(const json::object& o, const std::string& key, FieldReader& parent) {
  FieldReader r(o, parent.Path(key + "."));
  r.RejectUnknown({"type", "path", "port", "command", "initial_delay_seconds", "period_seconds",
                   "timeout_seconds", "failure_threshold"});
  Probe p;
  p.type = r.String("type", 8, true).value_or("");
  p.path = r.String("path", 1024).value_or("");
  p.port = static_cast<int>(r.Int("port", 1, 65535).value_or(0));
  p.initial_delay_seconds = static_cast<int>(r.Int("initial_delay_seconds", 0, 3600).value_or(0));
  p.period_seconds = static_cast<int>(r.Int("period_seconds", 1, 3600).value_or(10));
  p.timeout_seconds = static_cast<int>(r.Int("timeout_seconds", 1, 3600).value_or(1));
  p.failure_threshold = static_cast<int>(r.Int("failure_threshold", 1, 100).value_or(3));
  if (const auto* cmd = ArrayField(o, "command", r)) {
    for (const auto& part : *cmd) {
      if (!part.is_string() || part.as_string().empty()) {
        r.Fail("command", "must be a list of non-empty strings");
        break;
      }
      if (auto rule =
              CheckMultiLine(std::string_view(part.as_string().data(), part.as_string().size()))) {
        r.Fail("command", *rule);
        break;
      }
      p.command.emplace_back(part.as_string());
    }
  }
  if (r.ok()) {
    if (p.type == "http") {
      if (p.path.empty() || p.path.front() != '/')
        r.Fail("path", "must start with '/' for an http check");
      else if (p.port == 0)
        r.Fail("port", "is required for an http check");
    } else if (p.type == "tcp") {
      if (p.port == 0) r.Fail("port", "is required for a tcp check");
    } else if (p.type == "exec") {
      if (p.command.empty()) r.Fail("command", "is required for an exec check");
    } else {
      r.Fail("type", "must be http, tcp or exec");
    }
  }
  parent.Absorb(r);
  return p;
}

json::object ProbeToJson(const Probe& p) {
  json::object o{{"type", p.type}};
  if (p.type == "http") o["path"] = p.path;
  if (p.type != "exec") o["port"] = p.port;
  if (p.type == "exec") {
    json::array cmd;
    for (const auto& c : p.command) cmd.emplace_back(c);
    o["command"] = std::move(cmd);
  }
  o["initial_delay_seconds"] = p.initial_delay_seconds;
  o["period_seconds"] = p.period_seconds;
  o["timeout_seconds"] = p.timeout_seconds;
  o["failure_threshold"] = p.failure_threshold;
  return o;
}

}  // namespace

json::object EnvSpecToJson(const EnvSpec& spec) {
  json::array ports;
  for (const auto& p : spec.ports) {
    ports.push_back({{"name", p.name},
                     {"container_port", p.container_port},
                     {"service_port", p.service_port},
                     {"protocol", p.protocol}});
  }
  json::array services;
  for (const auto& s : spec.services) {
    json::array sports;
    for (const auto& p : s.ports) {
      json::object po{{"name", p.name},
                      {"port", p.port},
                      {"target_port", p.target_port},
                      {"protocol", p.protocol}};
      if (p.node_port) po["node_port"] = p.node_port;
      sports.push_back(std::move(po));
    }
    services.push_back({{"name", s.name}, {"type", s.type}, {"ports", std::move(sports)}});
  }
  json::array env;
  for (const auto& v : spec.env) env.push_back({{"name", v.name}, {"value", v.value}});
  return {{"replicas", spec.replicas},
          {"resources",
           {{"cpu_request", spec.resources.cpu_request},
            {"cpu_limit", spec.resources.cpu_limit},
            {"memory_request", spec.resources.memory_request},
            {"memory_limit", spec.resources.memory_limit}}},
          {"ports", std::move(ports)},
          {"services", std::move(services)},
          {"env", std::move(env)},
          {"readiness",
           spec.readiness ? json::value(ProbeToJson(*spec.readiness)) : json::value(nullptr)},
          {"liveness",
           spec.liveness ? json::value(ProbeToJson(*spec.liveness)) : json::value(nullptr)}};
}

Result<EnvSpecPatch> ParseEnvSpecPatch(const json::object& o) {
  EnvSpecPatch patch;
  FieldReader r(o);
  r.RejectUnknown({"replicas", "resources", "ports", "services", "env", "readiness", "liveness"});
  if (auto n = r.Int("replicas", kMinReplicas, kMaxReplicas)) {
    patch.replicas = static_cast<int>(*n);
  }
  if (const auto* v = o.if_contains("resources"); r.ok() && v && !v->is_null()) {
    if (const auto* res = ObjectAt(*v, "resources", r)) ReadResources(*res, patch, r);
  }
  if (const auto* a = r.ok() ? ArrayField(o, "ports", r) : nullptr) patch.ports = ReadPorts(*a, r);
  if (const auto* a = r.ok() ? ArrayField(o, "services", r) : nullptr)
    patch.services = ReadServices(*a, r);
  if (const auto* a = r.ok() ? ArrayField(o, "env", r) : nullptr) patch.env = ReadEnv(*a, r);
  for (auto [key, target] :
       {std::pair{"readiness", &patch.readiness}, std::pair{"liveness", &patch.liveness}}) {
    if (!r.ok() || !o.contains(key)) continue;
    const auto& v = o.at(key);
    if (v.is_null()) {
      target->emplace();  // explicit null removes the check
    } else if (const auto* po = ObjectAt(v, key, r)) {
      *target = ReadProbe(*po, key, r);
    }
  }
  if (!r.ok()) return r.error();
  return patch;
}

Result<EnvSpec> ParseEnvSpec(const json::object& o, EnvSpec base) {
  auto patch = ParseEnvSpecPatch(o);
  if (!patch.ok()) return patch.error();
  return ApplyEnvSpecPatch(std::move(base), *patch);
}

}  // namespace slipway::core
