#include "services/releases/environment_delete_hooks.hpp"

#include "services/changes/change_service.hpp"
#include "services/releases/release_ledger.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {

EnvironmentService::DeleteHooks EnvironmentDeleteHooks(const core::Clock& clock,
                                                       ChangeService& changes) {
  EnvironmentService::DeleteHooks hooks;
  hooks.refusal = [&clock, &changes](store::Tx& tx,
                                     std::int64_t env_id) -> std::optional<std::string> {
    auto active = store::releases::ActiveOn(tx, env_id);
    if (!active || SettleIfStopped(tx, clock, changes, *active)) return std::nullopt;
    return "release " + std::to_string(active->id) + " of this environment is " +
           std::string(core::ReleaseStateName(active->state)) + ": wait for it or abort it first";
  };
  hooks.detach = [&changes](store::Tx& tx, const RequestContext& ctx,
                            const core::Environment& env) -> core::Result<std::string> {
    auto closed = changes.CloseForDeletedEnvironment(tx, ctx, env);
    if (!closed.ok()) return closed.error();
    if (*closed == 0) return std::string();
    return "; closed " + std::to_string(*closed) + " open change(s)";
  };
  return hooks;
}

}  // namespace slipway::services
