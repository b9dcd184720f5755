#pragma once
#include <functional>

#include "core/common/clock.hpp"
#include "http/api.hpp"
#include "http/metrics.hpp"
#include "http/release_feed.hpp"
#include "http/router.hpp"
#include "http/stream_slots.hpp"
#include "services/apps/app_service.hpp"
#include "services/builds/build_service.hpp"
#include "services/changes/change_service.hpp"
#include "services/config/config_service.hpp"
#include "services/connectors/connector_service.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/environments/environment_service.hpp"
#include "services/identity/identity_service.hpp"
#include "services/lanes/lane_service.hpp"
#include "services/notifications/notification_service.hpp"
#include "services/platform/audit_service.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/workflow_admin.hpp"
#include "services/releases/release_service.hpp"
#include "store/database.hpp"

namespace slipway::http {

/// Everything route handlers use; built by the composition root.
struct ApiDeps {
  store::Database& db;
  const core::Clock& clock;
  services::IdentityService& identity;
  services::AppService& apps;
  services::WorkflowAdmin& workflows;
  services::AuditService& audit;
  services::BuildService& builds;
  services::Connections& connections;
  services::ClusterService& clusters;
  services::EnvironmentService& environments;
  services::ReleaseService& releases;
  ReleaseFeed& release_feed;
  services::ConfigService& config;
  services::ChangeService& changes;
  services::NotificationService& notifications;
  services::LaneService& lanes;
  services::ConnectorService& connectors;
  Metrics& metrics;
  StreamSlots& streams;  ///< caps event streams and followed logs
  ApiSettings settings;
  services::LaneSettings lane_settings;
};

void AddOpsRoutes(Router& router, ApiDeps& deps);
void AddAuthRoutes(Router& router, ApiDeps& deps);
void AddUserRoutes(Router& router, ApiDeps& deps);
void AddTokenRoutes(Router& router, ApiDeps& deps);
void AddAppRoutes(Router& router, ApiDeps& deps);
void AddAuditRoutes(Router& router, ApiDeps& deps);
void AddWorkflowRoutes(Router& router, ApiDeps& deps);
void AddClusterRoutes(Router& router, ApiDeps& deps);
void AddEnvironmentRoutes(Router& router, ApiDeps& deps);
void AddReleaseRoutes(Router& router, ApiDeps& deps);
void AddConfigRoutes(Router& router, ApiDeps& deps);
void AddBuildRoutes(Router& router, ApiDeps& deps);
void AddChangeRoutes(Router& router, ApiDeps& deps);
void AddNotificationRoutes(Router& router, ApiDeps& deps);
void AddLaneRoutes(Router& router, ApiDeps& deps);
void AddConnectorRoutes(Router& router, ApiDeps& deps);

/// Every route of the API, in one router.
Router BuildRouter(ApiDeps& deps);

}  // namespace slipway::http
