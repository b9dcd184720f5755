#pragma once
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "services/notifications/notification_commands.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/platform/secret_box.hpp"
#include "store/database.hpp"
#include "store/notification_repository.hpp"

namespace slipway::services {

/// The notification settings of one application or team, as shown: targets
/// without their URL (only masked) and secrets, and the latest deliveries.
struct NotificationSettingsView {
  std::string scope;  ///< "app" | "team"
  std::string key;    ///< the application's id, or the team's name
  std::string app;    ///< app scope: the application's name
  std::string team;   ///< the team (app scope: the application's team)
  std::vector<store::NotificationTarget> targets;
  /// App scope: the team's targets, which receive the application's notices too.
  std::vector<store::NotificationTarget> team_targets;
  std::vector<store::NotificationDelivery> deliveries;  ///< newest first
};

/// Where notices go (R-UX-3): DingTalk robots and generic webhooks per
/// application (its owners and admins) or per team (admins). URLs and
/// secrets are sealed at rest and never shown again. Thread-safe.
class NotificationService {
 public:
  static constexpr int kDeliveriesShown = 20;

  NotificationService(store::Database& db, const core::Clock& clock, const SecretBox& secrets);

  core::Result<NotificationSettingsView> GetApp(const RequestContext& ctx,
                                                const std::string& app_ref);
  /// Replaces the application's targets with the command's: targets keep
  /// their URL and secret when the command leaves them out.
  core::Result<NotificationSettingsView> PutApp(const RequestContext& ctx,
                                                const std::string& app_ref,
                                                const Parsed<ReplaceTargetsCommand>& command);
  core::Result<NotificationSettingsView> GetTeam(const RequestContext& ctx,
                                                 const std::string& team);
  core::Result<NotificationSettingsView> PutTeam(const RequestContext& ctx, const std::string& team,
                                                 const Parsed<ReplaceTargetsCommand>& command);

 private:
  core::Status Replace(store::Tx& tx, const RequestContext& ctx, const std::string& scope,
                       const std::string& key, const Parsed<ReplaceTargetsCommand>& command);
  NotificationSettingsView View(store::Tx& tx, const std::string& scope, const std::string& key);

  store::Database& db_;
  const core::Clock& clock_;
  const SecretBox& secrets_;
};

}  // namespace slipway::services
