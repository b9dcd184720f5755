#include "store/baseline_config_repository.hpp"

#include "store/packed_text.hpp"

namespace slipway::store {

namespace baseline_config {

void PutFiles(Tx& tx, std::int64_t baseline_id,
              const std::vector<core::BaselineConfigFile>& files) {
  for (const auto& f : files) {
    tx.Exec(
        "INSERT INTO baseline_config_files (baseline_id, file_name, version, content_hash, size, "
        "content) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {baseline_id, f.name, f.version, f.hash, f.size,
         f.content ? Param(PackText(*f.content)) : Param(nullptr)});
  }
}

std::vector<core::BaselineConfigFile> Files(Tx& tx, std::int64_t baseline_id) {
  std::vector<core::BaselineConfigFile> out;
  for (const auto& r :
       tx.Query("SELECT file_name, version, content_hash, size, content FROM baseline_config_files "
                "WHERE baseline_id = ? ORDER BY file_name",
                {baseline_id})) {
    core::BaselineConfigFile f{r.Text(0), r.Int(1), r.Text(2), r.Int(3), std::nullopt};
    if (!r.IsNull(4)) f.content = UnpackText(r.Text(4));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace baseline_config

namespace rollback_config {

void Put(Tx& tx, std::int64_t release_id, const std::vector<RollbackConfigFile>& files) {
  for (const auto& f : files) {
    tx.Exec(
        "INSERT INTO rollback_config_files (release_id, file_name, baseline_id, expected_version, "
        "target_hash, "
        "outcome, version_after) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {release_id, f.file_name, f.baseline_id, f.expected_version, f.target_hash, f.outcome,
         f.version_after});
  }
}

std::vector<RollbackConfigFile> List(Tx& tx, std::int64_t release_id) {
  std::vector<RollbackConfigFile> out;
  for (const auto& r : tx.Query(
           "SELECT file_name, baseline_id, expected_version, target_hash, outcome, version_after "
           "FROM rollback_config_files WHERE release_id = ? ORDER BY file_name",
           {release_id})) {
    out.push_back({r.Text(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

void SetOutcome(Tx& tx, std::int64_t release_id, const RollbackConfigFile& file) {
  tx.Exec(
      "UPDATE rollback_config_files SET outcome = ?, version_after = ? WHERE release_id = ? AND "
      "file_name = ?",
      {file.outcome, file.version_after, release_id, file.file_name});
}

}  // namespace rollback_config
}  // namespace slipway::store
