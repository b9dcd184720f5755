#include "services/platform/audit_log.hpp"

namespace slipway::services {

void RecordAudit(store::Tx& tx, const core::Clock& clock, const RequestContext& ctx,
                 std::string action, std::string object_type, std::string object_id,
                 std::string summary, std::string result) {
  store::audit::Insert(
      tx, {0, clock.Now(), ctx.caller.username.empty() ? "anonymous" : ctx.caller.username,
           std::move(action), std::move(object_type), std::move(object_id), std::move(summary),
           std::move(result), ctx.request_id});
}

}  // namespace slipway::services
