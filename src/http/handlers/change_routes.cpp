// Changes: code changes people make and move through the lifecycle table.
#include <boost/json.hpp>

#include "core/changes/change.hpp"
#include "core/common/names.hpp"
#include "http/api_support.hpp"
#include "http/handlers/change_input.hpp"
#include "http/handlers/change_json.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

namespace {

core::Result<store::ChangeQuery> ListQuery(const Request& r) {
  auto limit = LimitParam(r);
  if (!limit.ok()) return limit.error();
  store::ChangeQuery q;
  q.limit = *limit;
  q.state = r.Query("state").value_or("");
  q.type = r.Query("type").value_or("");
  if (!q.state.empty() && !core::ParseChangeState(q.state)) {
    return core::Invalid("unknown state " + q.state, {{"field", "state"}});
  }
  if (!q.type.empty() && !core::ParseChangeType(q.type)) {
    return core::Invalid("unknown type " + q.type, {{"field", "type"}});
  }
  if (auto env = r.Query("env_id"); env && !env->empty()) {
    q.env_id = core::ParseId(*env);
    if (!q.env_id) return core::Invalid("env_id must be an environment id", {{"field", "env_id"}});
  }
  return q;
}

auto SingleChange() {
  return [](const services::ChangeView& v) { return ChangeJson(v, true); };
}

// POST /changes/{id}/<event> routes share one shape.
void AddTransition(Router& router, ApiDeps& deps, core::ChangeEvent event, Permission permission) {
  router.Add("POST", "/api/v1/changes/{id}/" + std::string(core::ChangeEventName(event)),
             permission, [&deps, event](Call& call, const boost::json::object& body) {
               return Reply(deps.changes.Transition(call.context, call.params["id"], event,
                                                    ParseChangeTransition(event, body)),
                            200, SingleChange());
             });
}

}  // namespace

void AddChangeRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/apps/{id}/changes", Permission::kAppRead, [&deps](Call& call) {
    auto query = ListQuery(call.request);
    if (!query.ok()) return ErrorResponse(query.error());
    auto list = deps.changes.List(call.context, call.params["id"], *query,
                                  call.request.Query("cursor").value_or(""));
    return Reply(list, 200, [](const services::ChangeList& l) {
      boost::json::array items;
      for (const auto& v : l.items) items.push_back(ChangeJson(v, false));
      return boost::json::object{{"items", std::move(items)},
                                 {"next_cursor", OrNull(l.next_cursor)}};
    });
  });

  // The approval inbox: only `awaiting=me` for now (an application's changes are under
  // /apps/{id}/changes).
  router.Add("GET", "/api/v1/changes", Permission::kAuthenticated, [&deps](Call& call) {
    if (call.request.Query("awaiting").value_or("") != "me") {
      return ErrorResponse(
          core::Invalid("list the changes waiting for your approval with awaiting=me; an "
                        "application's changes are at "
                        "/apps/{id}/changes",
                        {{"field", "awaiting"}}));
    }
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    return Reply(deps.changes.AwaitingApproval(call.context, *limit), 200,
                 [](const services::AwaitingChanges& l) {
                   boost::json::array items;
                   for (const auto& v : l.items) items.push_back(ChangeJson(v, false));
                   return boost::json::object{
                       {"items", std::move(items)}, {"next_cursor", nullptr}, {"total", l.total}};
                 });
  });

  router.Add("POST", "/api/v1/apps/{id}/changes", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(
                   deps.changes.Create(call.context, call.params["id"], ParseCreateChange(body)),
                   201, SingleChange());
             });

  router.Add("GET", "/api/v1/changes/{id}", Permission::kAppRead, [&deps](Call& call) {
    return Reply(deps.changes.Get(call.context, call.params["id"]), 200, SingleChange());
  });

  router.Add("PATCH", "/api/v1/changes/{id}", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(
                   deps.changes.Edit(call.context, call.params["id"], ParseEditChange(body)), 200,
                   SingleChange());
             });

  using E = core::ChangeEvent;
  AddTransition(router, deps, E::kSubmit, Permission::kAppWrite);
  AddTransition(router, deps, E::kApprove, Permission::kAppApprove);
  AddTransition(router, deps, E::kReject, Permission::kAppApprove);
  AddTransition(router, deps, E::kClose, Permission::kAppWrite);
  AddTransition(router, deps, E::kWithdraw, Permission::kAppWrite);
}

}  // namespace slipway::http
