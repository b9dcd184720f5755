// Workflow inspection and an admin's repair tools (signal, cancel).
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/workflow_input.hpp"

namespace slipway::http {

namespace {
boost::json::value WorkflowJson(const engine::Workflow& w) { return engine::ToJson(w); }
}  // namespace

void AddWorkflowRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/workflows/{id}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.workflows.Get(call.params["id"]), 200, WorkflowJson);
  });

  router.Add(
      "POST", "/api/v1/workflows/{id}/signals/{name}", Permission::kAdmin,
      [&deps](Call& call, const boost::json::object& body) {
        services::SignalWorkflowCommand command{call.params["id"], call.params["name"], body};
        return Reply(deps.workflows.Signal(call.context, command), 200, WorkflowJson);
      });

  router.Add("POST", "/api/v1/workflows/{id}/cancel", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseCancelWorkflow(call.params["id"], body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.workflows.Cancel(call.context, *command), 200, WorkflowJson);
             });
}

}  // namespace slipway::http
