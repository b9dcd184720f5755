// Clusters environments deploy into (admins register them).
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/cluster_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/env_views.hpp"

namespace slipway::http {

void AddClusterRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/clusters", Permission::kAuthenticated, [&deps](Call& call) {
    return Reply(
        deps.clusters.List(call.context), 200, [](const std::vector<services::ClusterView>& list) {
          boost::json::array items;
          for (const auto& v : list) items.push_back(ClusterJson(v));
          return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
        });
  });

  router.Add("POST", "/api/v1/clusters", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseRegisterCluster(body, deps.clusters.settings().env_types);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.clusters.Register(call.context, *command), 201, ClusterJson);
             });

  router.Add("GET", "/api/v1/clusters/{id}", Permission::kAuthenticated, [&deps](Call& call) {
    return Reply(deps.clusters.Get(call.context, call.params["id"]), 200, ClusterJson);
  });

  router.Add("PATCH", "/api/v1/clusters/{id}", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseEditCluster(body, deps.clusters.settings().env_types);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.clusters.Edit(call.context, call.params["id"], *command), 200,
                            ClusterJson);
             });

  router.Add("DELETE", "/api/v1/clusters/{id}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.clusters.Delete(call.context, call.params["id"]));
  });
}

}  // namespace slipway::http
