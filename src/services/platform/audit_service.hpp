#pragma once
// Reading the operation log (R-GW-3), scoped to what the caller may see.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "services/platform/context.hpp"
#include "store/audit_repository.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// Filters of one page of the log, parsed at the HTTP edge.
struct AuditListCommand {
  std::string object_type;  ///< "" for any
  std::string object_ref;   ///< an id; for "app" also a name
  std::string actor, action;
  int limit = 50;
  std::optional<std::int64_t> before_id;  ///< the cursor: the last id of the previous page
};

struct AuditPage {
  std::vector<store::AuditRecord> records;  ///< newest first
  std::optional<std::int64_t> next_cursor;  ///< when more records follow
};

/// Admins read every record; everyone else the records of the applications
/// they are members of (store::AuditQuery::member).
class AuditService {
 public:
  explicit AuditService(store::Database& db) : db_(db) {}

  AuditPage List(const RequestContext& ctx, const AuditListCommand& command);

 private:
  store::Database& db_;
};

}  // namespace slipway::services
