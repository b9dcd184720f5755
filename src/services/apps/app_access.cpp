#include "services/apps/app_access.hpp"

#include "core/apps/app_actions.hpp"
#include "store/app_repository.hpp"

namespace slipway::services {

core::Result<core::App> AppForRead(store::Tx& tx, const std::string& ref) {
  auto app = store::apps::GetByRef(tx, ref);
  if (!app) return core::NotFound("no application " + ref);
  return std::move(*app);
}

core::Result<core::App> AppForWrite(store::Tx& tx, const RequestContext& ctx,
                                    const std::string& ref) {
  auto app = AppForRead(tx, ref);
  if (!app.ok()) return app;
  auto member = store::apps::MemberRoleOf(tx, app->id, ctx.caller.username);
  if (!core::CanWriteApp(ctx.caller, member)) {
    return core::Forbidden("only admins and the application's owners and developers may change " +
                           app->name);
  }
  return app;
}

}  // namespace slipway::services
