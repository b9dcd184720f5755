#include "core/connectors/connector_settings.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>

namespace slipway::core {

namespace {

using S = ConnectorSettings;
using F = FieldForm;

constexpr std::array<std::string_view, 6> kAlgorithms = {
    "hmac-sha256.", "hmac-sha512.", "hmac-sha384.",
    "hmac-sha224.", "hmac-sha1.",   "hmac-md5.sig-alg.reg.int."};

// The fields of every HTTP system, then what each adds.
std::vector<ConnectorField> Http(std::vector<ConnectorField> extra) {
  std::vector<ConnectorField> fields = {{"url", F::kUrl, true, &S::url}};
  fields.insert(fields.end(), extra.begin(), extra.end());
  fields.push_back({"ca_file", F::kPath, false, &S::ca_file});
  fields.push_back({"insecure_skip_tls_verify", F::kFlag, false, nullptr});
  fields.push_back({"token", F::kSecret, false, &S::token});
  return fields;
}

const std::map<ConnectorSystem, std::vector<ConnectorField>>& Table() {
  static const std::map<ConnectorSystem, std::vector<ConnectorField>> table = {
      {ConnectorSystem::kJenkins, Http({{"user", F::kText, false, &S::user}})},
      {ConnectorSystem::kRegistry, Http({{"user", F::kText, false, &S::user},
                                         {"image_host", F::kImageHost, false, &S::image_host}})},
      {ConnectorSystem::kApollo, Http({})},
      {ConnectorSystem::kConsul, Http({{"datacenter", F::kText, false, &S::datacenter}})},
      {ConnectorSystem::kGitLab, Http({})},
      {ConnectorSystem::kTapd,
       Http({{"user", F::kText, false, &S::user}, {"web_url", F::kUrl, false, &S::web_url}})},
      {ConnectorSystem::kDns,
       {{"server", F::kDnsServer, true, &S::server},
        {"zone", F::kDnsName, true, &S::zone},
        {"key_name", F::kDnsName, true, &S::key_name},
        {"key_algorithm", F::kAlgorithm, false, &S::key_algorithm},
        {"key_secret", F::kBase64, true, &S::key_secret}}},
  };
  return table;
}

constexpr std::array<std::pair<ConnectorSystem, std::string_view>, 7> kNames = {{
    {ConnectorSystem::kJenkins, "jenkins"},
    {ConnectorSystem::kRegistry, "registry"},
    {ConnectorSystem::kApollo, "apollo"},
    {ConnectorSystem::kConsul, "consul"},
    {ConnectorSystem::kGitLab, "gitlab"},
    {ConnectorSystem::kTapd, "tapd"},
    {ConnectorSystem::kDns, "dns"},
}};

bool IsIp(const std::string& host) {
  in_addr v4{};
  in6_addr v6{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 || inet_pton(AF_INET6, host.c_str(), &v6) == 1;
}

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

// A host name or address with an optional port, no path: the part of a URL
// after the scheme up to the first '/'.
bool IsHostPort(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '[') {
    auto close = s.find(']');
    if (close == std::string_view::npos) return false;
    if (!IsIp(std::string(s.substr(1, close - 1)))) return false;
    s.remove_prefix(close + 1);
    if (s.empty()) return true;
    if (s.front() != ':') return false;
    s.remove_prefix(1);
    return !s.empty() && s.size() <= 5 && s.find_first_not_of("0123456789") == s.npos;
  }
  auto colon = s.find(':');
  auto host = s.substr(0, colon);
  if (host.empty() || !std::all_of(host.begin(), host.end(), IsHostChar)) return false;
  if (colon == std::string_view::npos) return true;
  auto port = s.substr(colon + 1);
  return !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == port.npos;
}

std::optional<std::string> RuleFor(FieldForm form, std::string& value) {
  switch (form) {
    case F::kUrl: {
      auto scheme_end = value.find("://");
      if (scheme_end == std::string::npos ||
          (value.compare(0, scheme_end, "http") != 0 && value.compare(0, scheme_end, "https") != 0))
        return "must start with http:// or https://";
      auto rest = std::string_view(value).substr(scheme_end + 3);
      auto host = rest.substr(0, rest.find_first_of("/?#"));
      if (host.find('@') != std::string_view::npos)
        return "must not hold credentials: give them as user and token";
      if (!IsHostPort(host)) return "must name a host, as in https://jenkins.example.com";
      if (value.find_first_of(" \"<>\\^`{|}") != std::string::npos)
        return "must not hold spaces or quotes";
      // Paths are appended to it ("/api/json"): "https://ci/" would ask for "//api/json".
      while (value.back() == '/') value.pop_back();
      return std::nullopt;
    }
    case F::kPath:
      if (value.front() != '/') return "must be an absolute path";
      return std::nullopt;
    case F::kImageHost:
      if (!IsHostPort(value)) return "must be host[:port] such as registry.example.com:5000";
      return std::nullopt;
    case F::kDnsServer:
      if (!ParseDnsServer(value)) return "must be IP[:PORT], the zone's primary";
      return std::nullopt;
    case F::kDnsName:
      if (value.back() != '.') value += '.';
      if (value.size() > 254 || value == "." ||
          !std::all_of(value.begin(), value.end(), IsHostChar) || value.find("..") != value.npos)
        return "must be a domain name";
      return std::nullopt;
    case F::kAlgorithm:
      if (value.back() != '.') value += '.';
      if (std::find(kAlgorithms.begin(), kAlgorithms.end(), value) == kAlgorithms.end())
        return "must be hmac-sha256, hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1 or "
               "hmac-md5.sig-alg.reg.int";
      return std::nullopt;
    case F::kBase64:
      if (value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789+/=") != std::string::npos)
        return "must be base64";
      return std::nullopt;
    case F::kText:
    case F::kSecret:
    case F::kFlag:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<ConnectorSystem>& ConnectorSystems() {
  static const std::vector<ConnectorSystem> all = [] {
    std::vector<ConnectorSystem> v;
    v.reserve(kNames.size());
    for (const auto& [system, name] : kNames) v.push_back(system);
    return v;
  }();
  return all;
}

std::string_view ConnectorSystemName(ConnectorSystem system) {
  for (const auto& [s, name] : kNames)
    if (s == system) return name;
  return "";
}

std::optional<ConnectorSystem> ParseConnectorSystem(std::string_view name) {
  for (const auto& [s, n] : kNames)
    if (n == name) return s;
  return std::nullopt;
}

const std::vector<ConnectorField>& ConnectorFieldsOf(ConnectorSystem system) {
  return Table().at(system);
}

const ConnectorField* FindConnectorField(ConnectorSystem system, std::string_view name) {
  for (const auto& f : ConnectorFieldsOf(system))
    if (f.name == name) return &f;
  return nullptr;
}

Result<std::string> NormalizeConnectorValue(const ConnectorField& field, std::string value,
                                            const std::string& field_path) {
  // An empty value clears an optional field; required ones are checked on the whole.
  if (value.empty()) return value;
  if (value.size() > kMaxConnectorValue) {
    return Invalid(field_path + " is longer than " + std::to_string(kMaxConnectorValue),
                   {{"field", field_path}});
  }
  if (auto rule = RuleFor(field.form, value)) {
    return Invalid(field_path + " " + *rule, {{"field", field_path}, {"rule", *rule}});
  }
  return value;
}

Status CheckRequiredConnectorFields(ConnectorSystem system, const ConnectorSettings& settings) {
  for (const auto& f : ConnectorFieldsOf(system)) {
    if (f.required && f.text && (settings.*f.text).empty()) {
      return Invalid(
          std::string(f.name) + " is required for " + std::string(ConnectorSystemName(system)),
          {{"field", f.name}});
    }
  }
  return Ok{};
}

boost::json::object ConnectorPublicJson(ConnectorSystem system, const ConnectorSettings& s) {
  boost::json::object out;
  for (const auto& f : ConnectorFieldsOf(system)) {
    if (f.secret()) continue;
    if (f.text) {
      out[f.name] = s.*f.text;
    } else {
      out[f.name] = s.insecure_skip_tls_verify;
    }
  }
  return out;
}

boost::json::object ConnectorSecretJson(ConnectorSystem system, const ConnectorSettings& s) {
  boost::json::object out;
  for (const auto& f : ConnectorFieldsOf(system))
    if (f.secret() && !(s.*f.text).empty()) out[f.name] = s.*f.text;
  return out;
}

void ReadConnectorJson(ConnectorSystem system, const boost::json::object& json,
                       ConnectorSettings& out) {
  for (const auto& f : ConnectorFieldsOf(system)) {
    const auto* v = json.if_contains(f.name);
    if (!v) continue;
    if (f.text && v->is_string()) out.*f.text = std::string(v->as_string());
    if (!f.text && v->is_bool()) out.insecure_skip_tls_verify = v->as_bool();
  }
}

std::optional<DnsServerAddress> ParseDnsServer(std::string_view server) {
  DnsServerAddress out;
  std::string_view host = server, port;
  if (!server.empty() && server.front() == '[') {
    auto close = server.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = server.substr(1, close - 1);
    auto rest = server.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
      if (port.empty()) return std::nullopt;
    }
  } else if (auto colon = server.find(':');
             colon != std::string_view::npos && colon == server.rfind(':')) {
    host = server.substr(0, colon);
    port = server.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  if (!IsIp(std::string(host))) return std::nullopt;
  out.host = std::string(host);
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    const int number = std::stoi(std::string(port));
    if (number == 0 || number > 65535) return std::nullopt;
    out.port = static_cast<std::uint16_t>(number);
  }
  return out;
}

}  // namespace slipway::core
