#include "services/platform/audit_service.hpp"

#include "core/common/names.hpp"
#include "store/app_repository.hpp"

namespace slipway::services {

AuditPage AuditService::List(const RequestContext& ctx, const AuditListCommand& command) {
  return store::InTx(db_, store::TxMode::kRead, [&](store::Tx& tx) {
    store::AuditQuery q;
    q.object_type = command.object_type;
    q.object_id = command.object_ref;
    q.actor = command.actor;
    q.action = command.action;
    q.limit = command.limit;
    q.before_id = command.before_id;
    if (!ctx.caller.IsAdmin()) q.member = ctx.caller.username;
    // Records name an application by id; people know it by name.
    if (q.object_type == "app" && !q.object_id.empty() && !core::ParseId(q.object_id)) {
      auto app = store::apps::GetByName(tx, q.object_id);
      if (!app) return AuditPage{};
      q.object_id = std::to_string(app->id);
    }
    AuditPage page;
    page.records = store::audit::List(tx, q);
    if (static_cast<int>(page.records.size()) > q.limit) {
      page.records.resize(static_cast<std::size_t>(q.limit));
      page.next_cursor = page.records.back().id;
    }
    return page;
  });
}

}  // namespace slipway::services
