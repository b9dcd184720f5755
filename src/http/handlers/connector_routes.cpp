// Connectors admins manage (issue 14): settings, whether each secret is set
// (never the secret), and a connectivity check.
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/connector_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

json::object ConnectorJson(const services::ConnectorView& v) {
  json::object secret_set;
  for (const auto& [field, set] : v.secret_set) secret_set[field] = set;
  const bool api = v.source == services::ConnectorSource::kApi;
  return {{"system", core::ConnectorSystemName(v.system)},
          {"source", services::ConnectorSourceName(v.source)},
          {"fallback", services::ConnectorSourceName(v.fallback)},
          {"settings", core::ConnectorPublicJson(v.system, v.settings)},
          {"secret_set", std::move(secret_set)},
          {"version", api ? json::value(v.version) : json::value(nullptr)},
          {"updated_by", api ? OrNull(v.updated_by) : json::value(nullptr)},
          {"updated_at", api ? TimeJson(v.updated_at) : json::value(nullptr)}};
}

}  // namespace

void AddConnectorRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/connectors", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.connectors.List(call.context), 200,
                 [](const std::vector<services::ConnectorView>& list) {
                   json::array items;
                   for (const auto& v : list) items.push_back(ConnectorJson(v));
                   return json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
                 });
  });

  router.Add("GET", "/api/v1/connectors/{system}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.connectors.Get(call.context, call.params["system"]), 200, ConnectorJson);
  });

  router.Add("PUT", "/api/v1/connectors/{system}", Permission::kAdmin,
             [&deps](Call& call, const json::object& body) {
               auto command = ParseSetConnector(call.params["system"], body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.connectors.Set(call.context, *command), 200, ConnectorJson);
             });

  router.Add("DELETE", "/api/v1/connectors/{system}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.connectors.Delete(call.context, call.params["system"]));
  });

  router.Add("POST", "/api/v1/connectors/{system}/test", Permission::kAdmin,
             [&deps](Call& call, const json::object& body) {
               auto command = ParseTestConnector(call.params["system"], body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.connectors.Test(call.context, *command), 200,
                            [](const services::ConnectivityReport& r) {
                              return json::object{{"ok", r.ok},
                                                  {"error", OrNull(r.error)},
                                                  {"code", OrNull(r.code)},
                                                  {"elapsed_ms", r.elapsed_ms}};
                            });
             });
}

}  // namespace slipway::http
