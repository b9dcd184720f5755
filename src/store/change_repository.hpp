#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/changes/change.hpp"
#include "store/database.hpp"

namespace slipway::store {

struct ChangeQuery {
  std::optional<std::int64_t> app_id, env_id;
  std::string state, type;
  int limit = 50;
  std::optional<std::int64_t> before_id;  ///< newest first: the cursor is the last id seen
};

/// Changes and their history. All functions run inside the caller's transaction.
namespace changes {

std::int64_t Insert(Tx& tx, const core::Change& change);
std::optional<core::Change> Get(Tx& tx, std::int64_t id);
/// Up to limit + 1, newest first.
std::vector<core::Change> List(Tx& tx, const ChangeQuery& query);
/// The environment's changes that still go somewhere (core::ChangeOpen), oldest first.
std::vector<core::Change> OpenOn(Tx& tx, std::int64_t env_id);
/// Changes that will still release the image with `digest`: open or releasing.
std::vector<core::Change> UnreleasedWithDigest(Tx& tx, const std::string& digest);
/// Writes every field if the stored version is `version - 1`; false when stale.
bool Update(Tx& tx, const core::Change& change);

std::int64_t AddEvent(Tx& tx, const core::ChangeEventRecord& event);
/// Oldest first.
std::vector<core::ChangeEventRecord> Events(Tx& tx, std::int64_t change_id);

}  // namespace changes
}  // namespace slipway::store
