#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config_diff.hpp"
#include "core/config/config_file.hpp"
#include "services/config/config_backend.hpp"
#include "store/config_repository.hpp"

namespace slipway::services {

/// A draft against the live value: by key for properties files, by line otherwise.
struct ConfigDiff {
  std::string name;
  core::ConfigFormat format = core::ConfigFormat::kText;
  std::int64_t base_version = 0;
  std::int64_t live_version = 0;
  bool live_exists = false;
  /// The live value moved on since the draft was taken: publishing would be refused.
  bool stale = false;
  bool by_key = false;
  std::vector<core::KeyChange> keys;  ///< by_key
  std::vector<core::DiffLine> lines;  ///< !by_key
  std::string unified;                ///< !by_key
  /// Publishing would change what applications read.
  bool changed = false;
};

/// `draft` against `live`: by key when both read as properties (a live value
/// edited by hand may not), else by line.
ConfigDiff DiffOf(const std::string& name, const store::ConfigDraft& draft, const LiveFile& live);

/// What deleting the live file removes: every key, or every line (to /dev/null).
ConfigDiff DeletionDiff(const LiveFile& live);

/// The diff as the API shows it and the publish record keeps it:
/// {"kind": "keys", "keys": [{key, change: added|removed|changed, from?, to?}]}
/// or {"kind": "lines", "unified": "…", "lines": [{op: same|added|removed, text}]},
/// with "file", "format", "changed", "stale", "base_version", "live_version", "live_exists".
boost::json::object ConfigDiffJson(const ConfigDiff& diff);

}  // namespace slipway::services
