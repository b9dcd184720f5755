#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// A configuration file being edited in Slipway before it is published.
struct ConfigDraft {
  std::int64_t id = 0;
  std::int64_t env_id = 0;
  std::string file_name;
  std::string content;
  std::int64_t base_version = 0;  ///< live version it was taken from; 0: file absent
  std::string base_content;       ///< the live content at that version
  std::string created_by;
  std::string updated_by;
  core::Millis created_at = 0;
  core::Millis updated_at = 0;
  std::int64_t version = 1;
};

/// One publish of a configuration file (R-CFG-2: each publish is recorded),
/// or one deletion: version_after 0 (the file no longer exists) and
/// `content` the value it had.
struct ConfigPublish {
  std::int64_t id = 0;
  std::int64_t env_id = 0;
  std::int64_t app_id = 0;
  std::string file_name;
  std::string format;
  std::string backend;   ///< consul | apollo
  std::string location;  ///< Consul key, or Apollo ENV/app/cluster/namespace
  std::string actor;
  std::string comment;
  std::int64_t base_version = 0;
  std::int64_t version_after = 0;
  std::string content;
  std::string diff;  ///< JSON
  bool written = true;
  core::Millis created_at = 0;
};

struct PublishQuery {
  std::int64_t env_id = 0;
  std::string file_name;                  ///< "" for every file
  std::optional<std::int64_t> before_id;  ///< newest first: the cursor is the last id seen
  int limit = 50;
};

/// Configuration drafts and publishes. All functions run inside the caller's transaction.
namespace config_files {

std::optional<ConfigDraft> GetDraft(Tx& tx, std::int64_t env_id, const std::string& file_name);
/// The environment's drafts, by file name.
std::vector<ConfigDraft> ListDrafts(Tx& tx, std::int64_t env_id);
/// Inserts with version 1 and returns the id; UniqueViolation when the file
/// already has a draft in that environment.
std::int64_t InsertDraft(Tx& tx, const ConfigDraft& draft);
/// Writes content, base, updated_by/at and `version` if the stored version is
/// `version - 1`; false when stale or gone.
bool UpdateDraft(Tx& tx, const ConfigDraft& draft);
/// Removes every draft of the environment; returns how many.
std::int64_t DeleteDrafts(Tx& tx, std::int64_t env_id);
/// False when there was none (or, with `version`, when it is no longer that version).
bool DeleteDraft(Tx& tx, std::int64_t env_id, const std::string& file_name,
                 std::optional<std::int64_t> version = std::nullopt);

std::int64_t InsertPublish(Tx& tx, const ConfigPublish& publish);
std::optional<ConfigPublish> GetPublish(Tx& tx, std::int64_t id);
/// Newest first, up to limit + 1 (the extra one tells that more exist).
std::vector<ConfigPublish> ListPublishes(Tx& tx, const PublishQuery& query);

}  // namespace config_files
}  // namespace slipway::store
