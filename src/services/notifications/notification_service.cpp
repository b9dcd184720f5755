#include "services/notifications/notification_service.hpp"

#include <map>

#include "core/apps/app_actions.hpp"
#include "services/apps/app_access.hpp"
#include "services/notifications/notification_targets.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

std::optional<core::Error> CheckTeamName(const std::string& team) {
  if (team.empty() || team.size() > 64)
    return core::Invalid("team must have 1 to 64 characters", {{"field", "team"}});
  for (unsigned char c : team) {
    if (c < ' ' || c == 0x7f)
      return core::Invalid("team must not contain control characters", {{"field", "team"}});
  }
  return std::nullopt;
}

Result<core::App> AppForSettings(store::Tx& tx, const RequestContext& ctx, const std::string& ref) {
  auto app = AppForRead(tx, ref);
  if (!app.ok()) return app;
  if (!core::CanOwnApp(ctx.caller, store::apps::MemberRoleOf(tx, app->id, ctx.caller.username))) {
    return core::Forbidden("only admins and the owners of " + app->name +
                           " may see or change its notifications");
  }
  return app;
}

core::Error TargetError(std::size_t index, const std::string& field, const std::string& rule) {
  const std::string path = "targets[" + std::to_string(index) + "]." + field;
  return core::Invalid(path + " " + rule, {{"field", path}, {"rule", rule}});
}

}  // namespace

NotificationService::NotificationService(store::Database& db, const core::Clock& clock,
                                         const SecretBox& secrets)
    : db_(db), clock_(clock), secrets_(secrets) {}

NotificationSettingsView NotificationService::View(store::Tx& tx, const std::string& scope,
                                                   const std::string& key) {
  NotificationSettingsView view;
  view.scope = scope;
  view.key = key;
  view.targets = store::notifications::Targets(tx, scope, key);
  if (scope == "app") {
    auto app = store::apps::Get(tx, std::stoll(key));
    view.app = app->name;
    view.team = app->team;
    view.team_targets = store::notifications::Targets(tx, "team", app->team);
    view.deliveries = store::notifications::DeliveriesOfApp(tx, app->id, kDeliveriesShown);
  } else {
    view.team = key;
    view.deliveries = store::notifications::DeliveriesOfScope(tx, scope, key, kDeliveriesShown);
  }
  return view;
}

// Everything is checked before anything is written: a refused body changes nothing.
core::Status NotificationService::Replace(store::Tx& tx, const RequestContext& ctx,
                                          const std::string& scope, const std::string& key,
                                          const Parsed<ReplaceTargetsCommand>& command) {
  if (!command.ok()) return command.error();
  const auto* specs = &command->targets;
  std::map<std::string, store::NotificationTarget> existing;
  for (auto& t : store::notifications::Targets(tx, scope, key)) existing[t.name] = std::move(t);
  for (std::size_t i = 0; i < specs->size(); ++i) {
    const auto& spec = (*specs)[i];
    auto it = existing.find(spec.name);
    if (!spec.url) {
      if (it == existing.end()) return TargetError(i, "url", "is required for a new target");
      if (it->second.type != spec.type)
        return TargetError(i, "url", "is required when the type changes");
      continue;
    }
    // A kept secret signs only for the address it was given with: otherwise
    // whoever may edit the target could collect its signatures elsewhere.
    if (it != existing.end() && !spec.secret && !it->second.secret_sealed.empty()) {
      auto stored = secrets_.Open(it->second.url_sealed);
      if (!stored.ok() || *stored != *spec.url)
        return TargetError(i, "secret", "must be given again when the url changes");
    }
  }
  const auto now = clock_.Now();
  std::string summary;
  for (const auto& spec : *specs) {
    auto it = existing.find(spec.name);
    store::NotificationTarget t = it == existing.end() ? store::NotificationTarget{} : it->second;
    t.scope = scope;
    t.scope_key = key;
    t.name = spec.name;
    t.type = spec.type;
    if (spec.url) t.url_sealed = secrets_.Seal(*spec.url), t.url_shown = MaskUrl(*spec.url);
    if (spec.secret) t.secret_sealed = spec.secret->empty() ? "" : secrets_.Seal(*spec.secret);
    t.kinds = spec.kinds;
    t.updated_by = ctx.caller.username;
    t.updated_at = now;
    if (it == existing.end()) {
      t.created_at = now;
      store::notifications::InsertTarget(tx, t);
    } else {
      store::notifications::UpdateTarget(tx, t);
      existing.erase(it);
    }
    summary += (summary.empty() ? "" : ", ") + spec.name + " (" + spec.type + ")";
  }
  for (const auto& [name, gone] : existing) store::notifications::DeleteTarget(tx, gone.id);
  RecordAudit(
      tx, clock_, ctx, scope + ".notifications", scope, key,
      summary.empty() ? "removed every notification target" : "notification targets: " + summary);
  return core::Ok{};
}

Result<NotificationSettingsView> NotificationService::GetApp(const RequestContext& ctx,
                                                             const std::string& app_ref) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<NotificationSettingsView> {
    auto app = AppForSettings(tx, ctx, app_ref);
    if (!app.ok()) return app.error();
    return View(tx, "app", std::to_string(app->id));
  });
}

Result<NotificationSettingsView> NotificationService::PutApp(
    const RequestContext& ctx, const std::string& app_ref,
    const Parsed<ReplaceTargetsCommand>& command) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<NotificationSettingsView> {
    auto app = AppForSettings(tx, ctx, app_ref);
    if (!app.ok()) return app.error();
    const auto key = std::to_string(app->id);
    if (auto replaced = Replace(tx, ctx, "app", key, command); !replaced.ok())
      return replaced.error();
    return View(tx, "app", key);
  });
}

Result<NotificationSettingsView> NotificationService::GetTeam(const RequestContext& ctx,
                                                              const std::string& team) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may see a team's notifications");
  if (auto bad = CheckTeamName(team)) return *bad;
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return View(tx, "team", team); });
}

Result<NotificationSettingsView> NotificationService::PutTeam(
    const RequestContext& ctx, const std::string& team,
    const Parsed<ReplaceTargetsCommand>& command) {
  if (!ctx.caller.IsAdmin())
    return core::Forbidden("only admins may change a team's notifications");
  if (auto bad = CheckTeamName(team)) return *bad;
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<NotificationSettingsView> {
    if (auto replaced = Replace(tx, ctx, "team", team, command); !replaced.ok())
      return replaced.error();
    return View(tx, "team", team);
  });
}

}  // namespace slipway::services
