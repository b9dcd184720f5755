#pragma once
// The outside systems an admin connects (issue 14), their settings and the
// rules for them, as one table: which fields a system takes, which are
// secret, which are required and what form each has. The configuration
// file's `connectors:` section, the API (`PUT /api/v1/connectors/{system}`)
// and the stored rows all speak this one shape.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::core {

enum class ConnectorSystem { kJenkins, kRegistry, kApollo, kConsul, kGitLab, kTapd, kDns };

/// Every system, in the order lists show them.
const std::vector<ConnectorSystem>& ConnectorSystems();
std::string_view ConnectorSystemName(ConnectorSystem system);
std::optional<ConnectorSystem> ParseConnectorSystem(std::string_view name);

/// One system's settings. The fields a system does not take stay empty.
struct ConnectorSettings {
  std::string url;      ///< the HTTP systems' base URL
  std::string user;     ///< basic-auth user (Jenkins, registry, TAPD's API account)
  std::string ca_file;  ///< a CA bundle on the server's disk
  bool insecure_skip_tls_verify = false;
  std::string image_host;  ///< registry: host[:port] in image addresses ("" = from url)
  std::string datacenter;  ///< consul
  std::string web_url;     ///< tapd: where story links lead
  std::string server;      ///< dns: the zone's primary, IP[:PORT]
  std::string zone;        ///< dns: with its trailing dot
  std::string key_name;    ///< dns: the TSIG key's name
  std::string key_algorithm;
  // Secrets: never shown, sealed at rest.
  std::string token;       ///< API token, password or ACL token
  std::string key_secret;  ///< dns: the TSIG key, base64

  bool operator==(const ConnectorSettings&) const = default;
};

enum class FieldForm {
  kUrl,        ///< http:// or https://; a trailing slash is dropped
  kPath,       ///< an absolute path
  kText,       ///< a short line
  kFlag,       ///< a boolean
  kImageHost,  ///< host[:port]
  kDnsServer,  ///< IP[:PORT]
  kDnsName,    ///< a domain name; a trailing dot is added
  kAlgorithm,  ///< a TSIG algorithm; a trailing dot is added
  kSecret,     ///< any short line (a token); kept sealed
  kBase64,     ///< a secret in base64 (TSIG keys)
};

struct ConnectorField {
  std::string_view name;
  FieldForm form;
  bool required;
  /// The member it sets; null for the one flag (insecure_skip_tls_verify).
  std::string ConnectorSettings::*text;
  bool secret() const { return form == FieldForm::kSecret || form == FieldForm::kBase64; }
};

/// The fields `system` takes, in the order views show them.
const std::vector<ConnectorField>& ConnectorFieldsOf(ConnectorSystem system);
/// The field of that name, or null.
const ConnectorField* FindConnectorField(ConnectorSystem system, std::string_view name);

/// The longest value any field takes.
constexpr std::size_t kMaxConnectorValue = 4096;

/// Checks one text value for its form and returns it normalized (a trailing
/// dot on DNS names and algorithms, none on URLs); an Invalid error naming
/// `field_path`.
Result<std::string> NormalizeConnectorValue(const ConnectorField& field, std::string value,
                                            const std::string& field_path);

/// The required fields of `system` are all set (secrets included).
Status CheckRequiredConnectorFields(ConnectorSystem system, const ConnectorSettings& settings);

/// The settings that are not secret, as stored and shown.
boost::json::object ConnectorPublicJson(ConnectorSystem system, const ConnectorSettings& s);
/// The secret fields that are set (what is sealed).
boost::json::object ConnectorSecretJson(ConnectorSystem system, const ConnectorSettings& s);
/// Reads what the two above wrote (unknown keys are ignored) into `out`.
void ReadConnectorJson(ConnectorSystem system, const boost::json::object& json,
                       ConnectorSettings& out);

/// "10.0.0.53:5353" → host "10.0.0.53", port 5353; "[fd00::53]" → port 53.
struct DnsServerAddress {
  std::string host;
  std::uint16_t port = 53;
};
std::optional<DnsServerAddress> ParseDnsServer(std::string_view server);

}  // namespace slipway::core
