#include "http/handlers/audit_input.hpp"

#include "core/common/names.hpp"
#include "http/api_support.hpp"

namespace slipway::http {

core::Result<services::AuditListCommand> ParseAuditQuery(const Request& request) {
  auto limit = LimitParam(request);
  if (!limit.ok()) return limit.error();
  services::AuditListCommand command;
  command.limit = *limit;
  if (auto object = request.Query("object")) {
    auto colon = object->find(':');
    command.object_type = object->substr(0, colon);
    if (colon != std::string::npos) command.object_ref = object->substr(colon + 1);
  }
  command.actor = request.Query("actor").value_or("");
  command.action = request.Query("action").value_or("");
  if (auto c = request.Query("cursor"); c && !c->empty()) {
    command.before_id = core::ParseId(*c);
    if (!command.before_id) return core::Invalid("cursor is not valid", {{"field", "cursor"}});
  }
  return command;
}

}  // namespace slipway::http
