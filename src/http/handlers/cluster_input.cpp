#include "http/handlers/cluster_input.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxKubeconfig = 256 * 1024;

bool IsRegistryHost(const std::string& s) {
  if (s.empty() || s.size() > 255) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == ':' || c == '/' || c == '_';
    if (!ok) return false;
  }
  return s.front() != '/' && s.back() != '/';
}

core::Result<std::optional<std::map<std::string, std::string>>> ReadNamespaces(
    const json::object& body, const std::vector<std::string>& env_types) {
  const auto* v = body.if_contains("namespaces");
  if (!v || v->is_null()) return std::optional<std::map<std::string, std::string>>();
  if (!v->is_object())
    return core::Invalid("namespaces must be an object", {{"field", "namespaces"}});
  std::map<std::string, std::string> result;
  for (const auto& [key, ns] : v->as_object()) {
    std::string env_type(key);
    std::string field = "namespaces." + env_type;
    if (std::find(env_types.begin(), env_types.end(), env_type) == env_types.end()) {
      return core::Invalid(field + " is not a configured env type", {{"field", field}});
    }
    if (!ns.is_string()) return core::Invalid(field + " must be a string", {{"field", field}});
    if (auto rule = core::CheckDns1123Label(std::string(ns.as_string()))) {
      return core::Invalid(field + " " + *rule, {{"field", field}, {"rule", *rule}});
    }
    result[env_type] = std::string(ns.as_string());
  }
  return std::optional(std::move(result));
}

// The fields both a registration and an edit may give; `creating` requires
// name and connection. The reader may already hold an error (kept first).
core::Result<services::ClusterFields> ReadFields(core::FieldReader& in, const json::object& body,
                                                 const std::vector<std::string>& env_types,
                                                 bool creating) {
  services::ClusterFields f;
  auto name = in.String("name", 63, creating);
  f.description = in.Text("description", 500);
  auto connection = in.String("connection", 20, creating);
  f.kubeconfig = in.Text("kubeconfig", kMaxKubeconfig);
  auto registry = in.String("registry", 255);
  auto backend = in.String("config_backend", 10);
  if (!in.ok()) return in.error();
  if (name) {
    auto rule = core::CheckDns1123Label(*name);
    if (!rule) rule = core::CheckNotAnId(*name);
    if (rule) return core::Invalid("name " + *rule, {{"field", "name"}, {"rule", *rule}});
    f.name = *name;
  }
  if (connection) {
    f.connection = core::ParseClusterConnection(*connection);
    if (!f.connection || *f.connection == core::ClusterConnection::kSandbox) {
      return core::Invalid("connection must be kubeconfig or in_cluster",
                           {{"field", "connection"}});
    }
  }
  auto namespaces = ReadNamespaces(body, env_types);
  if (!namespaces.ok()) return namespaces.error();
  f.namespaces = std::move(*namespaces);
  if (registry) {
    if (!IsRegistryHost(*registry)) {
      return core::Invalid(
          "registry must be a host[:port][/path] such as registry.example.com:5000",
          {{"field", "registry"}});
    }
    f.registry = *registry;
  }
  if (backend) {
    f.config_backend = core::ParseConfigBackend(*backend);
    if (!f.config_backend)
      return core::Invalid("config_backend must be consul or apollo",
                           {{"field", "config_backend"}});
  }
  return f;
}

}  // namespace

core::Result<services::RegisterClusterCommand> ParseRegisterCluster(
    const json::object& body, const std::vector<std::string>& env_types) {
  core::FieldReader in(body);
  in.RejectUnknown({"name", "description", "connection", "kubeconfig", "namespaces", "registry",
                    "config_backend"});
  auto fields = ReadFields(in, body, env_types, true);
  if (!fields.ok()) return fields.error();
  return services::RegisterClusterCommand{std::move(*fields)};
}

core::Result<services::EditClusterCommand> ParseEditCluster(
    const json::object& body, const std::vector<std::string>& env_types) {
  core::FieldReader in(body);
  // An edit names the version it changes.
  auto version = in.Int("version", 1, INT64_MAX, true);
  in.RejectUnknown({"name", "description", "connection", "kubeconfig", "namespaces", "registry",
                    "config_backend", "version"});
  auto fields = ReadFields(in, body, env_types, false);
  if (!fields.ok()) return fields.error();
  return services::EditClusterCommand{*version, std::move(*fields)};
}

}  // namespace slipway::http
