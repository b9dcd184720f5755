#pragma once
#include <optional>
#include <string>

#include "engine/engine.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "services/identity_service.hpp"

namespace slipway::app {

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
