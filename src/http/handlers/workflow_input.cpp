#include "http/handlers/workflow_input.hpp"

#include "core/common/field_reader.hpp"

namespace slipway::http {

core::Result<services::CancelWorkflowCommand> ParseCancelWorkflow(const std::string& id,
                                                                  const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"reason"});
  services::CancelWorkflowCommand command{id, in.Text("reason", 1000)};
  if (!in.ok()) return in.error();
  return command;
}

}  // namespace slipway::http
