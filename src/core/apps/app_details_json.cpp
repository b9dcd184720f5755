#include "core/apps/app_details_json.hpp"

#include <boost/json.hpp>
#include <initializer_list>
#include <set>

#include "core/builds/jenkins_item_path.hpp"
#include "core/common/names.hpp"
#include "core/common/text_rules.hpp"
#include "core/lane/lane_names.hpp"

namespace slipway::core {

namespace json = boost::json;

json::object DetailsToJson(const AppDetails& d) {
  json::array ports;
  for (const auto& p : d.ports) {
    ports.push_back(json::object{{"name", p.name}, {"port", p.port}, {"protocol", p.protocol}});
  }
  json::value check = nullptr;
  if (d.health_check) {
    json::object c{{"type", d.health_check->type}};
    if (d.health_check->type == "http") c["path"] = d.health_check->path;
    if (d.health_check->type != "exec") c["port"] = d.health_check->port;
    if (d.health_check->type == "exec") c["command"] = d.health_check->command;
    check = std::move(c);
  }
  return {
      {"build_job", d.build_job.empty() ? json::value(nullptr) : json::value(d.build_job)},
      {"ports", std::move(ports)},
      {"health_check", std::move(check)},
      {"vendor_image", d.vendor_image.empty() ? json::value(nullptr) : json::value(d.vendor_image)},
      {"business_domains", json::value_from(d.business_domains)}};
}

namespace {

Error FieldError(const std::string& field, const std::string& rule) {
  return Invalid(field + " " + rule, {{"field", field}, {"rule", rule}});
}

std::optional<Error> ReadString(const json::object& o, const char* key, const std::string& field,
                                std::size_t max, std::string& out) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    out.clear();
    return std::nullopt;
  }
  if (!v->is_string()) return FieldError(field, "must be a string");
  if (v->as_string().size() > max) return FieldError(field, "is too long");
  out = std::string(v->as_string());
  if (auto rule = CheckSingleLine(out)) return FieldError(field, *rule);
  return std::nullopt;
}

// The first member of `o` not in `known`, as an error naming it.
std::optional<Error> UnknownMember(const json::object& o, const std::string& field,
                                   std::initializer_list<std::string_view> known) {
  for (const auto& member : o) {
    bool found = false;
    for (auto k : known) found = found || k == member.key();
    if (!found) return FieldError(field + "." + std::string(member.key()), "is not a known field");
  }
  return std::nullopt;
}

std::optional<int> ReadPort(const json::value* v) {
  if (!v || !v->is_int64()) return std::nullopt;
  auto p = v->as_int64();
  if (p < 1 || p > 65535) return std::nullopt;
  return static_cast<int>(p);
}

Result<std::vector<Port>> ParsePorts(const json::value& v) {
  if (!v.is_array()) return FieldError("details.ports", "must be an array");
  std::vector<Port> ports;
  std::set<std::string> names;
  for (const auto& item : v.as_array()) {
    std::string field = "details.ports[" + std::to_string(ports.size()) + "]";
    if (!item.is_object()) return FieldError(field, "must be an object");
    const auto& o = item.as_object();
    if (auto e = UnknownMember(o, field, {"name", "port", "protocol"})) return *e;
    Port p;
    if (auto e = ReadString(o, "name", field + ".name", 15, p.name)) return *e;
    if (p.name.empty()) p.name = "port-" + std::to_string(ports.size());
    if (CheckDns1123Label(p.name)) return FieldError(field + ".name", "must be a DNS-1123 label");
    auto port = ReadPort(o.if_contains("port"));
    if (!port) return FieldError(field + ".port", "must be an integer from 1 to 65535");
    p.port = *port;
    if (auto e = ReadString(o, "protocol", field + ".protocol", 8, p.protocol)) return *e;
    if (p.protocol.empty()) p.protocol = "TCP";
    if (p.protocol != "TCP" && p.protocol != "UDP" && p.protocol != "SCTP") {
      return FieldError(field + ".protocol", "must be TCP, UDP or SCTP");
    }
    if (!names.insert(p.name).second) return FieldError(field + ".name", "must be unique");
    ports.push_back(std::move(p));
  }
  return ports;
}

Result<std::optional<HealthCheck>> ParseHealthCheck(const json::value& v) {
  if (v.is_null()) return std::optional<HealthCheck>();
  if (!v.is_object()) return FieldError("details.health_check", "must be an object or null");
  const auto& o = v.as_object();
  if (auto e = UnknownMember(o, "details.health_check", {"type", "path", "port", "command"}))
    return *e;
  HealthCheck c;
  if (auto e = ReadString(o, "type", "details.health_check.type", 8, c.type)) return *e;
  if (c.type != "http" && c.type != "tcp" && c.type != "exec") {
    return FieldError("details.health_check.type", "must be http, tcp or exec");
  }
  if (c.type == "exec") {
    if (auto e = ReadString(o, "command", "details.health_check.command", 1024, c.command))
      return *e;
    if (c.command.empty())
      return FieldError("details.health_check.command", "is required for exec");
    return std::optional<HealthCheck>(c);
  }
  auto port = ReadPort(o.if_contains("port"));
  if (!port) return FieldError("details.health_check.port", "must be an integer from 1 to 65535");
  c.port = *port;
  if (c.type == "http") {
    if (auto e = ReadString(o, "path", "details.health_check.path", 1024, c.path)) return *e;
    if (c.path.empty() || c.path.front() != '/') {
      return FieldError("details.health_check.path", "must start with '/'");
    }
  }
  return std::optional<HealthCheck>(c);
}

Result<std::vector<std::string>> ParseBusinessDomains(const json::value& v) {
  if (!v.is_array()) return FieldError("details.business_domains", "must be an array");
  std::vector<std::string> domains;
  for (const auto& item : v.as_array()) {
    std::string field = "details.business_domains[" + std::to_string(domains.size()) + "]";
    if (!item.is_string()) return FieldError(field, "must be a string");
    std::string domain(item.as_string());
    if (auto rule = CheckBusinessDomain(domain)) return FieldError(field, *rule);
    for (const auto& d : domains) {
      if (d == domain) return FieldError(field, "must be unique");
    }
    domains.push_back(std::move(domain));
  }
  return domains;
}

}  // namespace

Result<AppDetailsPatch> ParseDetailsPatch(const json::object& patch) {
  AppDetailsPatch p;
  if (patch.contains("build_job")) {
    std::string job;
    if (auto e = ReadString(patch, "build_job", "details.build_job", 256, job)) return *e;
    if (!job.empty()) {
      if (auto rule = CheckJenkinsItemPath(job)) return FieldError("details.build_job", *rule);
    }
    p.build_job = std::move(job);
  }
  if (patch.contains("vendor_image")) {
    std::string image;
    if (auto e = ReadString(patch, "vendor_image", "details.vendor_image", 512, image)) return *e;
    if (image.find_first_of(" \t\n") != std::string::npos) {
      return FieldError("details.vendor_image", "must not contain spaces");
    }
    p.vendor_image = std::move(image);
  }
  if (const auto* v = patch.if_contains("ports")) {
    auto ports = ParsePorts(*v);
    if (!ports.ok()) return ports.error();
    p.ports = std::move(ports.value());
  }
  if (const auto* v = patch.if_contains("health_check")) {
    auto check = ParseHealthCheck(*v);
    if (!check.ok()) return check.error();
    p.health_check = std::move(check.value());
  }
  if (const auto* v = patch.if_contains("business_domains")) {
    auto domains = ParseBusinessDomains(*v);
    if (!domains.ok()) return domains.error();
    p.business_domains = std::move(domains.value());
  }
  return p;
}

void ApplyDetailsPatch(AppDetails& details, const AppDetailsPatch& patch) {
  if (patch.build_job) details.build_job = *patch.build_job;
  if (patch.vendor_image) details.vendor_image = *patch.vendor_image;
  if (patch.ports) details.ports = *patch.ports;
  if (patch.health_check) details.health_check = *patch.health_check;
  if (patch.business_domains) details.business_domains = *patch.business_domains;
}

Status MergeDetails(AppDetails& details, const json::object& patch) {
  auto parsed = ParseDetailsPatch(patch);
  if (!parsed.ok()) return parsed.error();
  ApplyDetailsPatch(details, *parsed);
  return Ok{};
}

}  // namespace slipway::core
