// The application registry.
#include <boost/json.hpp>

#include "core/apps/app_lifecycle.hpp"
#include "http/api_support.hpp"
#include "http/handlers/app_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

namespace {

core::Result<store::AppQuery> ListQuery(const Request& r) {
  auto limit = LimitParam(r);
  if (!limit.ok()) return limit.error();
  store::AppQuery q;
  q.limit = *limit;
  q.status = r.Query("status").value_or("");
  q.type = r.Query("type").value_or("");
  q.level = r.Query("level").value_or("");
  q.team = r.Query("team").value_or("");
  q.owner = r.Query("owner").value_or("");
  q.member = r.Query("member").value_or("");
  q.text = r.Query("q").value_or("");
  if (!q.status.empty() && !core::ParseAppStatus(q.status)) {
    return core::Invalid("unknown status " + q.status, {{"field", "status"}});
  }
  if (!q.type.empty() && !core::ParseAppType(q.type)) {
    return core::Invalid("unknown type " + q.type, {{"field", "type"}});
  }
  if (!q.level.empty() && !core::ParseAppLevel(q.level)) {
    return core::Invalid("unknown level " + q.level, {{"field", "level"}});
  }
  std::string sort = r.Query("sort").value_or("name");
  q.descending = !sort.empty() && sort.front() == '-';
  q.sort = q.descending ? sort.substr(1) : sort;
  if (q.sort != "name" && q.sort != "created_at" && q.sort != "updated_at") {
    return core::Invalid("sort must be name, created_at or updated_at, optionally prefixed by '-'",
                         {{"field", "sort"}});
  }
  return q;
}

// POST /apps/{id}/<event> routes share one shape.
void AddTransition(Router& router, ApiDeps& deps, const std::string& suffix, Permission permission,
                   core::AppEvent event) {
  router.Add("POST", "/api/v1/apps/{id}" + suffix, permission,
             [&deps, event](Call& call, const boost::json::object& body) {
               return Reply(deps.apps.Transition(call.context, call.params["id"], event,
                                                 ParseAppTransition(event, body)),
                            200, AppJson);
             });
}

}  // namespace

void AddAppRoutes(Router& router, ApiDeps& deps) {
  router.Add(
      "GET", "/api/v1/apps", Permission::kAppRead,
      [&deps](Call& call) {
        auto query = ListQuery(call.request);
        if (!query.ok()) return ErrorResponse(query.error());
        auto list = deps.apps.List(call.context, *query, call.request.Query("cursor").value_or(""));
        return Reply(list, 200, [](const services::AppList& l) {
          boost::json::array items;
          items.reserve(l.items.size());
          for (const auto& v : l.items) items.push_back(AppJson(v));
          return boost::json::object{{"items", std::move(items)},
                                     {"next_cursor", OrNull(l.next_cursor)}};
        });
      },
      &deps.apps.generation());

  router.Add("POST", "/api/v1/apps", Permission::kDeveloper,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseRegisterApp(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.apps.Register(call.context, *command), 201, AppJson);
             });

  router.Add(
      "GET", "/api/v1/apps/{id}", Permission::kAppRead,
      [&deps](Call& call) {
        return Reply(deps.apps.Get(call.context, call.params["id"]), 200, AppJson);
      },
      &deps.apps.generation());

  router.Add("PATCH", "/api/v1/apps/{id}", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.apps.Edit(call.context, call.params["id"], ParseEditApp(body)),
                            200, AppJson);
             });

  router.Add("PUT", "/api/v1/apps/{id}/details", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.apps.CompleteDetails(call.context, call.params["id"],
                                                      ParseCompleteDetails(body)),
                            200, AppJson);
             });

  using E = core::AppEvent;
  AddTransition(router, deps, "/approve", Permission::kAdmin, E::kApprove);
  AddTransition(router, deps, "/reject", Permission::kAdmin, E::kReject);
  AddTransition(router, deps, "/resubmit", Permission::kAppWrite, E::kResubmit);
  AddTransition(router, deps, "/offline", Permission::kAppOwner, E::kRequestOffline);
  AddTransition(router, deps, "/offline/confirm", Permission::kAdmin, E::kConfirmOffline);
  AddTransition(router, deps, "/offline/cancel", Permission::kAppOwner, E::kCancelOffline);

  router.Add("GET", "/api/v1/apps/{id}/members", Permission::kAppRead, [&deps](Call& call) {
    return Reply(deps.apps.Members(call.context, call.params["id"]), 200,
                 [](const std::vector<store::Member>& m) {
                   return boost::json::object{{"items", MembersJson(m)}, {"next_cursor", nullptr}};
                 });
  });

  router.Add(
      "PUT", "/api/v1/apps/{id}/members/{username}", Permission::kAppOwner,
      [&deps](Call& call, const boost::json::object& body) {
        return Reply(
            deps.apps.PutMember(call.context, call.params["id"], call.params["username"],
                                ParsePutMember(body)),
            200, [](const std::vector<store::Member>& m) {
              return boost::json::object{{"items", MembersJson(m)}, {"next_cursor", nullptr}};
            });
      });

  router.Add(
      "DELETE", "/api/v1/apps/{id}/members/{username}", Permission::kAppOwner, [&deps](Call& call) {
        return Reply(
            deps.apps.RemoveMember(call.context, call.params["id"], call.params["username"]));
      });
}

}  // namespace slipway::http
