#pragma once
// The audit log's query parameters → a typed query. Errors name the parameter.
#include "core/common/error.hpp"
#include "http/message.hpp"
#include "services/platform/audit_service.hpp"

namespace slipway::http {

/// `object=<type>:<id>` (for apps also `app:<name>`), `actor`, `action`, `limit`, `cursor`.
core::Result<services::AuditListCommand> ParseAuditQuery(const Request& request);

}  // namespace slipway::http
