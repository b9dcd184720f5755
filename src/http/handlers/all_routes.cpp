// The whole API in one router (the composition root serves it).
#include "http/handlers/deps.hpp"

namespace slipway::http {

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
  AddConnectorRoutes(router, deps);
  return router;
}

}  // namespace slipway::http
