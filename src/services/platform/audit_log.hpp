#pragma once
#include <string>

#include "core/common/clock.hpp"
#include "services/platform/context.hpp"
#include "store/audit_repository.hpp"

namespace slipway::services {

/// Writes an operation record inside the transaction of the change it
/// describes, so the record exists exactly when the change does.
void RecordAudit(store::Tx& tx, const core::Clock& clock, const RequestContext& ctx,
                 std::string action, std::string object_type, std::string object_id,
                 std::string summary, std::string result = "ok");

}  // namespace slipway::services
