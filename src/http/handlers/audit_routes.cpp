// The operation log (R-GW-3).
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/audit_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

void AddAuditRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/audit", Permission::kAuthenticated, [&deps](Call& call) {
    auto query = ParseAuditQuery(call.request);
    if (!query.ok()) return ErrorResponse(query.error());
    auto page = deps.audit.List(call.context, *query);
    boost::json::array items;
    for (const auto& r : page.records) items.push_back(AuditJson(r));
    boost::json::value next = nullptr;
    if (page.next_cursor) next = boost::json::string(std::to_string(*page.next_cursor));
    return Response::Json(200, boost::json::object{{"items", items}, {"next_cursor", next}});
  });
}

}  // namespace slipway::http
