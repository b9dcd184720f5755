// The operation log (R-GW-3) and workflow inspection.
#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "core/common/field_reader.hpp"
#include "engine/engine.hpp"
#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"
#include "services/platform/audit_log.hpp"

namespace slipway::http {

void AddAuditRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/audit", Permission::kAuthenticated, [&deps](Call& call) {
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    store::AuditQuery q;
    q.limit = *limit;
    if (auto object = call.request.Query("object")) {
      auto colon = object->find(':');
      q.object_type = object->substr(0, colon);
      if (colon != std::string::npos) q.object_id = object->substr(colon + 1);
    }
    q.actor = call.request.Query("actor").value_or("");
    q.action = call.request.Query("action").value_or("");
    if (auto c = call.request.Query("cursor"); c && !c->empty()) {
      q.before_id = core::ParseId(*c);
      if (!q.before_id) return ErrorResponse(core::Invalid("cursor is not valid", {{"field", "cursor"}}));
    }
    auto records = store::InTx(deps.db, store::TxMode::kRead,
                               [&](store::Tx& tx) { return store::audit::List(tx, q); });
    boost::json::value next = nullptr;
    if (static_cast<int>(records.size()) > q.limit) {
      records.resize(static_cast<std::size_t>(q.limit));
      next = boost::json::string(std::to_string(records.back().id));
    }
    boost::json::array items;
    for (const auto& r : records) items.push_back(AuditJson(r));
    return Response::Json(200, boost::json::object{{"items", items}, {"next_cursor", next}});
  });
}

namespace {
// The engine commits signals and cancellations in its own transactions; the
// record follows right after (workflow routes are an admin's repair tools).
void RecordWorkflowAudit(ApiDeps& deps, const Call& call, const char* action, const std::string& summary) {
  store::InTx(deps.db, store::TxMode::kWrite, [&](store::Tx& tx) {
    services::RecordAudit(tx, deps.clock, call.context, action, "workflow", call.params.at("id"), summary);
  });
}
}  // namespace

void AddWorkflowRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/workflows/{id}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.engine.Get(call.params["id"]), 200,
                 [](const engine::Workflow& w) { return engine::ToJson(w); });
  });

  router.Add("POST", "/api/v1/workflows/{id}/signals/{name}", Permission::kAdmin, [&deps](Call& call, const boost::json::object& body) {
    auto status = deps.engine.Signal(call.params["id"], call.params["name"], body);
    if (!status.ok()) return ErrorResponse(status.error());
    RecordWorkflowAudit(deps, call, "workflow.signal", "signal " + call.params["name"]);
    return Reply(deps.engine.Get(call.params["id"]), 200,
                 [](const engine::Workflow& w) { return engine::ToJson(w); });
  });

  router.Add("POST", "/api/v1/workflows/{id}/cancel", Permission::kAdmin, [&deps](Call& call, const boost::json::object& body) {
    core::FieldReader in(body);
    in.RejectUnknown({"reason"});
    auto reason = in.Text("reason", 1000);
    if (!in.ok()) return ErrorResponse(in.error());
    std::string why = reason.value_or("cancelled by " + call.context.caller.username);
    auto status = deps.engine.Cancel(call.params["id"], why);
    if (!status.ok()) return ErrorResponse(status.error());
    RecordWorkflowAudit(deps, call, "workflow.cancel", why);
    return Reply(deps.engine.Get(call.params["id"]), 200,
                 [](const engine::Workflow& w) { return engine::ToJson(w); });
  });
}

Router BuildRouter(ApiDeps& deps) {
  Router router;
  AddOpsRoutes(router, deps);
  AddAuthRoutes(router, deps);
  AddUserRoutes(router, deps);
  AddTokenRoutes(router, deps);
  AddAppRoutes(router, deps);
  AddAuditRoutes(router, deps);
  AddWorkflowRoutes(router, deps);
  AddClusterRoutes(router, deps);
  AddEnvironmentRoutes(router, deps);
  AddReleaseRoutes(router, deps);
  AddConfigRoutes(router, deps);
  AddBuildRoutes(router, deps);
  AddChangeRoutes(router, deps);
  AddNotificationRoutes(router, deps);
  AddLaneRoutes(router, deps);
  return router;
}

}  // namespace slipway::http
