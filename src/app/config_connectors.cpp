// The `connectors:` section: where each outside system is and the
// credentials to use, inline or from files and environment variables.
#include "app/config_connectors.hpp"

#include <arpa/inet.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

namespace slipway::app {

namespace {

std::string SecretFromEnvironment(const std::string& setting, const std::string& variable) {
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(setting + ": the environment variable " + variable + " is not set");
  }
  return value;
}

std::string SecretFromFile(const std::string& setting, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(setting + ": cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) throw std::runtime_error(setting + ": " + path + " is empty");
  return text;
}

std::optional<ConnectorEndpoint> ReadEndpointIn(Section& s, const char* system) {
  ConnectorEndpoint e;
  s.Get("url", e.url);
  s.Get("user", e.user);
  GetSecret(s, "token", e.token);
  s.Get("ca_file", e.ca_file);
  s.Get("insecure_skip_tls_verify", e.insecure_skip_tls_verify);
  if (e.url.empty()) return std::nullopt;
  if (e.url.rfind("http://", 0) != 0 && e.url.rfind("https://", 0) != 0) {
    throw std::runtime_error(std::string("connectors.") + system +
                             ".url must start with http:// or https://");
  }
  return e;
}

std::optional<ConnectorEndpoint> ReadEndpoint(Section& parent, const char* system) {
  auto s = parent.Child(system);
  return ReadEndpointIn(s, system);
}

void ReadTapd(Section& parent, ConnectorsConfig& k) {
  auto s = parent.Child("tapd");
  s.Get("web_url", k.tapd_web_url);
  k.tapd = ReadEndpointIn(s, "tapd");
}

// The secret of a TSIG key file: the base64 text alone, or what tsig-keygen
// and BIND's key files hold (key "name" { algorithm …; secret "…"; };).
std::string ReadTsigSecret(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("connectors.dns.key_secret_file: cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (auto at = text.find("secret \""); at != std::string::npos) {
    at += 8;
    text = text.substr(at, text.find('"', at) - at);
  }
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    throw std::runtime_error("connectors.dns.key_secret_file: " + path + " is empty");
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<DnsZoneConfig> ReadDns(Section& parent) {
  auto s = parent.Child("dns");
  DnsZoneConfig d;
  std::string server, secret_file, secret_env;
  s.Get("server", server);
  s.Get("zone", d.zone);
  s.Get("key_name", d.key_name);
  s.Get("key_algorithm", d.key_algorithm);
  s.Get("key_secret_file", secret_file);
  s.Get("key_secret_env", secret_env);
  if (server.empty()) return std::nullopt;
  // "10.0.0.53", "10.0.0.53:5353", "[fd00::53]:53"; DNS servers are addressed by IP.
  std::string host = server, port = "53";
  if (server.front() == '[') {
    auto close = server.find(']');
    host = server.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    if (close != std::string::npos && close + 1 < server.size() && server[close + 1] == ':')
      port = server.substr(close + 2);
  } else if (server.find(':') == server.rfind(':') && server.find(':') != std::string::npos) {
    host = server.substr(0, server.find(':'));
    port = server.substr(server.find(':') + 1);
  }
  in6_addr v6{};
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) != 1 && inet_pton(AF_INET6, host.c_str(), &v6) != 1) {
    throw std::runtime_error("connectors.dns.server must be IP[:PORT] (the zone's primary), got " +
                             server);
  }
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) == 0 ||
      std::stoi(port) > 65535) {
    throw std::runtime_error("connectors.dns.server has a bad port: " + server);
  }
  d.server = host;
  d.port = static_cast<std::uint16_t>(std::stoi(port));
  if (d.zone.empty())
    throw std::runtime_error("connectors.dns.zone is required with connectors.dns.server");
  if (d.zone.back() != '.') d.zone += '.';
  if (d.key_name.empty())
    throw std::runtime_error("connectors.dns.key_name is required with connectors.dns.server");
  if (!d.key_algorithm.empty() && d.key_algorithm.back() != '.') d.key_algorithm += '.';
  static const std::set<std::string> kAlgorithms = {"hmac-md5.sig-alg.reg.int.",
                                                    "hmac-sha1.",
                                                    "hmac-sha224.",
                                                    "hmac-sha256.",
                                                    "hmac-sha384.",
                                                    "hmac-sha512."};
  if (!kAlgorithms.contains(d.key_algorithm)) {
    throw std::runtime_error(
        "connectors.dns.key_algorithm must be hmac-sha256, hmac-sha512, hmac-sha384, "
        "hmac-sha224, hmac-sha1 or hmac-md5.sig-alg.reg.int");
  }
  if (secret_file.empty() == secret_env.empty()) {
    throw std::runtime_error(
        "connectors.dns needs one of key_secret_file and key_secret_env with "
        "connectors.dns.server");
  }
  d.key_secret = secret_file.empty() ? SecretFromEnvironment(s.Name("key_secret_env"), secret_env)
                                     : ReadTsigSecret(secret_file);
  return d;
}

}  // namespace

void GetSecret(Section& s, const std::string& key, std::string& out) {
  std::string inline_value, file, variable;
  const std::string file_key = key + "_file", env_key = key + "_env";
  s.Get(key.c_str(), inline_value);
  s.Get(file_key.c_str(), file);
  s.Get(env_key.c_str(), variable);
  const int given = !inline_value.empty() + !file.empty() + !variable.empty();
  if (given > 1) {
    throw std::runtime_error(s.Name(key) + ": give one of " + key + ", " + file_key + " and " +
                             env_key);
  }
  if (!file.empty()) {
    out = SecretFromFile(s.Name(file_key), file);
  } else if (!variable.empty()) {
    out = SecretFromEnvironment(s.Name(env_key), variable);
  } else if (given == 1) {
    out = inline_value;
  }
}

void ReadConnectors(Section& top, Config& c) {
  auto s = top.Child("connectors");
  auto& k = c.connectors;
  k.jenkins = ReadEndpoint(s, "jenkins");
  k.registry = ReadEndpoint(s, "registry");
  k.apollo = ReadEndpoint(s, "apollo");
  k.consul = ReadEndpoint(s, "consul");
  k.gitlab = ReadEndpoint(s, "gitlab");
  ReadTapd(s, k);
  k.dns = ReadDns(s);
  s.Get("registry_host", k.registry_host);
  s.Get("consul_datacenter", k.consul_datacenter);
  s.GetRange("refresh_ms", k.refresh_ms, 100, 600'000);
}

}  // namespace slipway::app
