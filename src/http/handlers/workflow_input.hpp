#pragma once
// Workflow repair requests → typed commands. Errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/platform/workflow_admin.hpp"

namespace slipway::http {

core::Result<services::CancelWorkflowCommand> ParseCancelWorkflow(const std::string& id,
                                                                  const boost::json::object& body);

}  // namespace slipway::http
