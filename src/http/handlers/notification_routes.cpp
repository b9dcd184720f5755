// Where an application's or a team's notices go.
#include "http/api_support.hpp"
#include "http/handlers/change_json.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/notification_input.hpp"

namespace slipway::http {

void AddNotificationRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/apps/{id}/notifications", Permission::kAppOwner, [&deps](Call& call) {
    return Reply(deps.notifications.GetApp(call.context, call.params["id"]), 200,
                 NotificationSettingsJson);
  });

  router.Add("PUT", "/api/v1/apps/{id}/notifications", Permission::kAppOwner,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.notifications.PutApp(call.context, call.params["id"],
                                                      ParseReplaceTargets(body)),
                            200, NotificationSettingsJson);
             });

  router.Add("GET", "/api/v1/teams/{team}/notifications", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.notifications.GetTeam(call.context, call.params["team"]), 200,
                 NotificationSettingsJson);
  });

  router.Add("PUT", "/api/v1/teams/{team}/notifications", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.notifications.PutTeam(call.context, call.params["team"],
                                                       ParseReplaceTargets(body)),
                            200, NotificationSettingsJson);
             });
}

}  // namespace slipway::http
