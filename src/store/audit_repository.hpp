#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// An operation record (R-GW-3).
struct AuditRecord {
  std::int64_t id = 0;
  core::Millis time = 0;
  std::string actor;
  std::string action;       ///< e.g. "app.approve"
  std::string object_type;  ///< e.g. "app"
  std::string object_id;
  std::string summary;  ///< what changed, for people
  std::string result;   ///< "ok" or the error code of a refused attempt
  std::string request_id;
};

struct AuditQuery {
  std::string object_type, object_id, actor, action;
  int limit = 50;
  std::optional<std::int64_t> before_id;  ///< newest first: the cursor is the last id seen
  /// Only the records of the applications this user is a member of: about
  /// the application itself, or one of its builds, changes, environments or
  /// releases that still exists. nullopt: every record.
  std::optional<std::string> member;
};

namespace audit {
void Insert(Tx& tx, const AuditRecord& record);
std::vector<AuditRecord> List(Tx& tx, const AuditQuery& query);  ///< up to limit + 1, newest first
}  // namespace audit

}  // namespace slipway::store
