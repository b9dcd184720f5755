#pragma once
// The configuration side of a baseline (R-CFG-3): each config file of the
// environment as it was live, and the per-file diff between two such sets
// (by key for properties files, by line for the rest).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/config/config_diff.hpp"

namespace slipway::core {

/// One config file as a baseline recorded it.
struct BaselineConfigFile {
  std::string name;
  std::int64_t version = 0;  ///< Consul ModifyIndex or Apollo release id, then
  std::string hash;          ///< SHA-256 of the content, hex
  std::int64_t size = 0;     ///< bytes
  /// The content; absent when the file was over the size cap: it can then be
  /// compared (by hash) but not restored.
  std::optional<std::string> content;
};

/// A file on one side of a comparison: absent when it did not exist there.
using ConfigSide = std::optional<BaselineConfigFile>;

/// One file that differs between two sets.
struct ConfigFileChange {
  std::string name;
  ConfigSide before;
  ConfigSide after;
  /// Both contents are known (or a side is absent): the diff below is shown.
  /// False when a side was over the cap: only the hashes differ.
  bool content_known = false;
  bool by_key = false;
  std::vector<KeyChange> keys;  ///< by_key
  std::vector<DiffLine> lines;  ///< !by_key
  std::string unified;          ///< !by_key
};

/// "added" (no before), "removed" (no after) or "changed".
const char* ConfigChangeKind(const ConfigFileChange& change);

/// The files whose content differs (by hash), sorted by name. A file equal
/// on both sides is no change, whatever its versions.
std::vector<ConfigFileChange> DiffConfigFiles(const std::vector<BaselineConfigFile>& before,
                                              const std::vector<BaselineConfigFile>& after);

/// The diff of one file, `before` → `after` (either may be absent).
ConfigFileChange DiffConfigFile(const std::string& name, const ConfigSide& before,
                                const ConfigSide& after);

}  // namespace slipway::core
