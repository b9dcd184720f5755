// Health, readiness, metrics and the OpenAPI document.
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/openapi.hpp"
#include "store/migrations.hpp"

namespace slipway::http {

void AddOpsRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/healthz", Permission::kPublic, [](Call&) {
    return Response::Json(200, boost::json::object{{"status", "ok"}});
  });

  router.Add("GET", "/readyz", Permission::kPublic, [&deps](Call&) {
    bool db_ok = deps.db.Ping();
    std::size_t pending = 0;
    if (db_ok) {
      try {
        pending = store::PendingMigrations(deps.db).size();
      } catch (const std::exception&) {
        db_ok = false;
      }
    }
    bool ready = db_ok && pending == 0;
    return Response::Json(ready ? 200 : 503,
                          boost::json::object{{"status", ready ? "ready" : "not_ready"},
                                              {"database", db_ok ? "ok" : "unreachable"},
                                              {"pending_migrations", pending}});
  });

  // Public as a route: the setting decides (a scraper on this host needs no credentials).
  router.Add("GET", "/metrics", Permission::kPublic, [&deps](Call& call) {
    if (!MetricsAllowed(deps.settings.metrics_access, call.request.remote_address,
                        call.auth.has_value())) {
      return ErrorResponse(core::Unauthenticated(
          "GET /metrics needs an API token (Authorization: Bearer …)" +
          std::string(deps.settings.metrics_access == MetricsAccess::kLocalOrToken
                          ? " from a client on another host"
                          : "") +
          "; see server.metrics_access"));
    }
    return Response::Text(200, deps.metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
  });

  // Whether this server runs the embedded sandbox, and where its emulators answer
  // (the console's banner links to them).
  router.Add("GET", "/api/v1/sandbox", Permission::kAuthenticated, [&deps](Call&) {
    boost::json::array emulators;
    if (deps.settings.sandbox_endpoints) {
      for (const auto& [system, url] : *deps.settings.sandbox_endpoints) {
        emulators.push_back(boost::json::object{{"system", system}, {"url", url}});
      }
    }
    return Response::Json(
        200, boost::json::object{{"enabled", deps.settings.sandbox_endpoints.has_value()},
                                 {"emulators", std::move(emulators)}});
  });

  router.Add("GET", "/api/v1/openapi.json", Permission::kPublic, [](Call&) {
    auto r = Response::Text(200, std::string(OpenApiDocument()), "application/json");
    return r;
  });
}

}  // namespace slipway::http
