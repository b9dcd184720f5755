// Changing how an environment is released after its creation (R-REL-4):
// strategy, canary steps and pauses, stability window, auto-rollback,
// approval. Releases copy what they need when they start (release_begin.cpp),
// so a new policy only reaches the releases started after it.
#include <boost/json.hpp>

#include "core/apps/app_actions.hpp"
#include "core/releases/release_policy.hpp"
#include "services/environments/environment_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

std::optional<core::Error> EnvironmentService::ApprovalOffRefusal(
    const RequestContext& ctx, const core::App& app, const std::string& env_type,
    const core::ReleasePolicy& policy) {
  if (policy.approval_required == false && !ctx.caller.IsAdmin() &&
      core::ApprovalRequired({}, app, env_type)) {
    return core::Forbidden("only admins may turn approval off for " + app.name + "'s " + env_type +
                           " environments");
  }
  return std::nullopt;
}

core::Result<EnvironmentView> EnvironmentService::SetReleasePolicy(
    const RequestContext& ctx, const std::string& env_ref,
    const Parsed<SetReleasePolicyCommand>& command) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<EnvironmentView> {
    auto loaded = Load(tx, env_ref);
    if (!loaded.ok()) return loaded.error();
    auto& env = loaded->env;
    const auto& app = loaded->app;
    // Who first: a caller without the right learns nothing about the body.
    const auto member = store::apps::MemberRoleOf(tx, app.id, ctx.caller.username);
    if (!core::CanOwnApp(ctx.caller, member)) {
      return core::Forbidden("only admins and the application's owners may change " + app.name +
                             "'s release policy");
    }
    if (auto reason =
            core::ComputeAppActions(app, ctx.caller, member).ReasonFor("edit_release_policy")) {
      return core::Conflict(*reason, {{"action", "edit_release_policy"}});
    }
    if (!command.ok()) return command.error();
    if (command->version && *command->version != env.version) {
      return core::Conflict("environment " + std::to_string(env.id) + " changed since version " +
                                std::to_string(*command->version),
                            {{"current_version", env.version}});
    }
    const auto& policy = command->release_policy;
    if (auto refused = ApprovalOffRefusal(ctx, app, env.env_type, policy)) return *refused;
    const auto before = core::ReleasePolicyToJson(env.release_policy);
    const auto after = core::ReleasePolicyToJson(policy);
    if (before == after) return View(*loaded);
    env.release_policy = policy;
    env.version += 1;
    env.updated_at = clock_.Now();
    if (!store::environments::Update(tx, env)) {
      return core::Conflict("environment " + std::to_string(env.id) + " changed concurrently");
    }
    RecordAudit(tx, clock_, ctx, "env.release_policy", "env", std::to_string(env.id),
                "release policy of the " + env.env_type + " environment of " + app.name + ": " +
                    json::serialize(after) + " (was " + json::serialize(before) + ")");
    store::environments::AddOperation(
        tx, {0, env.id, app.id, "release_policy", ctx.caller.username,
             json::serialize(json::object{{"before", before}, {"after", after}}), env.updated_at});
    return View(*loaded);
  });
}

}  // namespace slipway::services
