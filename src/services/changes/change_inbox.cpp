// The approval inbox: the changes waiting for the caller's approval, across
// every application (GET /changes?awaiting=me).
#include <algorithm>
#include <map>
#include <optional>

#include "services/changes/change_service.hpp"
#include "store/app_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

core::Result<AwaitingChanges> ChangeService::AwaitingApproval(const RequestContext& ctx,
                                                              int limit) {
  return store::InTx(
      db_, store::TxMode::kRead, [&](store::Tx& tx) -> core::Result<AwaitingChanges> {
        AwaitingChanges out;
        // Approving changes are few (each waits for a person): read them all,
        // page by page, and keep those this caller may approve.
        std::map<std::int64_t, std::optional<core::App>> apps;
        std::map<std::int64_t, std::string> env_types;
        store::ChangeQuery query;
        query.state = std::string(core::ChangeStateName(core::ChangeState::kApproving));
        query.limit = 500;
        for (;;) {
          auto page = store::changes::List(tx, query);
          const bool more = static_cast<int>(page.size()) > query.limit;
          if (more) page.resize(static_cast<std::size_t>(query.limit));
          for (auto& change : page) {
            if (!apps.contains(change.app_id))
              apps[change.app_id] = store::apps::Get(tx, change.app_id);
            const auto& app = apps[change.app_id];
            if (!app) continue;
            if (!env_types.contains(change.env_id)) {
              auto env = store::environments::Get(tx, change.env_id);
              env_types[change.env_id] = env ? env->env_type : "";
            }
            auto rights = core::ChangeRightsOf(
                ctx.caller, store::apps::MemberRoleOf(tx, app->id, ctx.caller.username));
            if (!rights.approve) continue;
            auto actions = ActionsOf(tx, ctx, *app, change, rights, env_types[change.env_id]);
            if (std::find(actions.begin(), actions.end(), "approve") == actions.end()) continue;
            out.total += 1;
            if (static_cast<int>(out.items.size()) >= limit) continue;
            ChangeView view;
            view.app = app->name;
            view.env_type = env_types[change.env_id];
            view.actions = std::move(actions);
            view.change = std::move(change);
            out.items.push_back(std::move(view));
          }
          if (!more) break;
          query.before_id = page.back().id;
        }
        return out;
      });
}

}  // namespace slipway::services
