#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/transport_flags.hpp"

namespace slipway::cli {

/// What `slipway login` remembers: where the server is and the API token
/// minted for this machine.
struct CliConfig {
  std::string server;
  std::string token;
  std::int64_t token_id = 0;  ///< lets `slipway logout` revoke the token
  std::string username;
  /// How the server was reached at login (--ca-file…), used again by every
  /// command to the same server that is not given flags of its own.
  TransportFlags transport{};
};

/// `$SLIPWAY_CONFIG` when set, else `$HOME/.config/slipway/cli.json`; no
/// value when neither variable is set.
std::optional<std::filesystem::path> DefaultConfigPath();

/// Reads the file; no value when it does not exist. Throws Failure (usage)
/// when it exists but cannot be read or is not a credentials file.
std::optional<CliConfig> LoadConfig(const std::filesystem::path& path);

/// Writes the file atomically with mode 0600 (it holds a bearer token),
/// creating missing parent folders with mode 0700. Throws Failure on error.
void SaveConfig(const std::filesystem::path& path, const CliConfig& config);

/// Deletes the file; a missing file is not an error. Throws Failure on error.
void RemoveConfig(const std::filesystem::path& path);

}  // namespace slipway::cli
