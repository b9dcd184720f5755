#pragma once
#include <optional>
#include <string>

#include "engine/engine.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "sandbox/all_emulators.hpp"
#include "services/identity/identity_service.hpp"
#include "services/lanes/lane_settings.hpp"
#include "services/platform/settings.hpp"
#include "services/releases/release_config.hpp"
#include "services/releases/release_runner.hpp"

namespace slipway::app {

/// One real external system (connectors.<system>). `token` is the API token,
/// password or ACL token the system expects; `user` goes with it where the
/// system uses basic auth (Jenkins, registry).
struct ConnectorEndpoint {
  std::string url;
  std::string user;
  std::string token;
  std::string ca_file;
  bool insecure_skip_tls_verify = false;
};

/// connectors.dns: the zone lanes' external names live in, changed with
/// RFC 2136 UPDATEs signed with a TSIG key.
struct DnsZoneConfig {
  std::string server;  ///< the zone's primary, an IP address
  std::uint16_t port = 53;
  std::string zone;      ///< with its trailing dot
  std::string key_name;  ///< as the server knows the key ("slipway-key.")
  std::string key_algorithm = "hmac-sha256.";
  std::string key_secret;  ///< base64, read from key_secret_file
};

/// Real systems replacing the sandbox's emulators, one by one.
struct ConnectorsConfig {
  /// tapd: url is the API (https://api.tapd.cn), user/token the API account
  /// (user empty: token is a personal access token, sent as a bearer).
  std::optional<ConnectorEndpoint> jenkins, registry, apollo, consul, gitlab, tapd;
  std::string tapd_web_url = "https://www.tapd.cn";  ///< connectors.tapd.web_url: story links
  std::optional<DnsZoneConfig> dns;
  /// The registry's host[:port] in image addresses; default: from its url.
  std::string registry_host;
  std::string consul_datacenter;
  /// connectors.refresh_ms: how often a replica looks for connectors changed
  /// through the API on another replica.
  int refresh_ms = 2000;
};

/// Everything `slipway serve` can be told; see docs/configuration.md.
struct Config {
  std::string data_dir = "./data";
  std::string database_url;  ///< postgres://…; empty: SQLite in data_dir
  int database_pool_size = 8;
  http::ServerSettings server;
  http::ApiSettings api;
  std::string admin_username = "admin";
  std::optional<std::string> admin_password;  ///< SLIPWAY_ADMIN_PASSWORD
  services::IdentitySettings identity;
  engine::EngineSettings engine;
  /// The embedded default: emulators of every external system, in process.
  bool sandbox = true;
  sandbox::SandboxSettings sandbox_settings;
  /// sandbox.base_port: the emulators listen on base_port, base_port+1, …
  /// (refusing to start when one is taken). 0: on the ports of the
  /// previous run (from its endpoints file), else on free ones.
  std::uint16_t sandbox_base_port = 0;
  ConnectorsConfig connectors;
  /// The key that seals connector secrets at rest; empty: <data_dir>/secret.key
  /// (created on first start). SLIPWAY_SECRET_KEY (base64) overrides the file.
  std::string secret_key_file;
  std::optional<std::string> secret_key;
  services::EnvironmentSettings environments;
  services::BuildSettings builds;
  services::ReleaseRunnerSettings release_runner;  ///< releases.recheck_ms
  services::ConfigFileSettings config_files;
  services::ChangeSettings changes;
  services::ReleaseConfigSettings releases;
  services::LaneSettings lanes;
  /// Private networks notification webhooks and robots may reach
  /// (notifications.allowed_networks, CIDRs); loopback, link-local and
  /// private addresses are refused otherwise. The embedded sandbox adds loopback.
  std::vector<std::string> notification_allowed_networks;
  /// Slipway's address as people and GitLab reach it (server.public_url);
  /// empty: the listening address.
  std::string public_url;
  std::string log_level = "info";
  bool log_json = false;
  bool access_log = true;
};

/// Reads the YAML file (when given) over the defaults, then the environment
/// (SLIPWAY_ADMIN_PASSWORD, SLIPWAY_DATABASE_URL). Throws std::runtime_error
/// naming the file and field on a bad value or an unknown key.
Config LoadConfig(const std::optional<std::string>& path);

/// Parses "HOST:PORT" into the server settings; false when malformed.
bool ParseListen(const std::string& listen, http::ServerSettings& server);

}  // namespace slipway::app
