#pragma once
// The config files of baselines and what rollbacks restore of them (R-CFG-3).
// Contents are kept compressed (store/packed_text).
#include <cstdint>
#include <string>
#include <vector>

#include "core/releases/baseline_config.hpp"
#include "store/database.hpp"

namespace slipway::store {

namespace baseline_config {

/// Records the files of baseline `baseline_id` (a file without content is
/// recorded by version and hash only).
void PutFiles(Tx& tx, std::int64_t baseline_id, const std::vector<core::BaselineConfigFile>& files);
/// By name; a content that cannot be unpacked reads as absent (not restorable).
std::vector<core::BaselineConfigFile> Files(Tx& tx, std::int64_t baseline_id);

}  // namespace baseline_config

/// One file a rollback puts back.
struct RollbackConfigFile {
  std::string file_name;
  std::int64_t baseline_id = 0;       ///< whose copy of the file is restored
  std::int64_t expected_version = 0;  ///< the live version the plan saw (0: no file)
  std::string target_hash;
  std::string outcome = "pending";  ///< pending | restored | unchanged
  std::int64_t version_after = 0;
};

namespace rollback_config {

void Put(Tx& tx, std::int64_t release_id, const std::vector<RollbackConfigFile>& files);
/// By file name.
std::vector<RollbackConfigFile> List(Tx& tx, std::int64_t release_id);
/// Records a file's outcome and the live version after it.
void SetOutcome(Tx& tx, std::int64_t release_id, const RollbackConfigFile& file);

}  // namespace rollback_config
}  // namespace slipway::store
