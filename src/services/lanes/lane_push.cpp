// LaneService::ReceivePush (R-LANE-8): a push to `feature/<lane>` builds the
// lane's job for that application and deploys the image into the lane.
#include <boost/json.hpp>

#include "connectors/gitlab/push_event.hpp"
#include "core/common/repo_path.hpp"
#include "core/lane/lane_names.hpp"
#include "engine/engine.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/lanes/lane_service.hpp"
#include "services/lanes/lane_workflows.hpp"
#include "services/platform/audit_log.hpp"
#include "services/platform/crypto.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services {

using core::Result;

namespace {

constexpr std::string_view kLaneBranchPrefix = "feature/";

}  // namespace

Result<std::optional<store::LaneEvent>> LaneService::ReceivePush(std::string_view event_header,
                                                                 std::string_view token_header,
                                                                 std::string_view body) {
  if (event_header != "Push Hook") {
    return core::Invalid("only push hooks are taken (X-Gitlab-Event: Push Hook)",
                         {{"field", "X-Gitlab-Event"}, {"rule", "must be Push Hook"}});
  }
  // The token is checked against the lane's own below, once the lane is
  // known: here it only has to be the one the delivery carries.
  auto push = connectors::gitlab::ParsePushHook(event_header, token_header, body, token_header);
  if (!push.ok()) return push.error();
  if (!push->branch.starts_with(kLaneBranchPrefix)) return std::optional<store::LaneEvent>();
  const std::string lane_name = push->branch.substr(kLaneBranchPrefix.size());
  if (!Configured(connections_.registry)) return NotConfigured("registry");
  const RequestContext system{{0, "gitlab", core::Role::kDeveloper}, "hook", ""};
  auto started = store::InTx(
      db_, store::TxMode::kWrite, [&](store::Tx& tx) -> Result<std::optional<store::LaneEvent>> {
        auto lane = store::lanes::GetLiveByName(tx, lane_name);
        if (!lane || core::LaneBranch(lane->name) != push->branch)
          return std::optional<store::LaneEvent>();
        auto token = secrets_.Open(lane->hook_token_sealed);
        if (!token.ok() || !ConstantTimeEquals(*token, token_header)) {
          return core::Unauthenticated("the hook token does not match lane " + lane->name);
        }
        if (lane->state == core::LaneState::kDeleting) return std::optional<store::LaneEvent>();
        const core::LaneApp* member = nullptr;
        std::optional<core::App> app;
        for (const auto& la : lane->apps) {
          auto candidate = store::apps::Get(tx, la.spec.app_id);
          if (candidate && core::RepoProjectPath(candidate->repo_url) == push->project_path) {
            member = &la;
            app = std::move(candidate);
          }
        }
        if (!member) return std::optional<store::LaneEvent>();
        const auto now = clock_.Now();
        store::LaneEvent event{.lane_id = lane->id,
                               .app = app->name,
                               .kind = "push",
                               .actor = push->user_username,
                               .created_at = now};
        lane->last_activity_at = now;
        lane->pending_deletion_at.reset();
        lane->updated_at = now;
        ++lane->version;
        store::lanes::Update(tx, *lane);
        if (push->branch_deleted()) {
          event.detail = "branch deleted";
          event.id = store::lanes::AddEvent(tx, event);
          return std::optional<store::LaneEvent>(event);
        }
        const std::string sha = push->checkout_sha.value_or(push->after);
        core::Build build;
        build.app_id = app->id;
        build.branch = push->branch;
        build.version = core::LaneImageTag(lane->name, sha);
        build.note =
            "lane " + lane->name + ": push " + sha.substr(0, 8) + " by " + push->user_username;
        build.image = BuildImageAddress(connections_.registry_host.get(), *app, build.version,
                                        build_settings_);
        build.job_path = core::LaneJobPath(lane->name, app->name);
        build.created_by = "gitlab:" + push->user_username;
        build.created_at = build.updated_at = now;
        if (store::builds::WithVersion(tx, app->id, build.version)) {
          // A repeated delivery of the same push: built once.
          event.detail = sha + " (already built)";
          event.id = store::lanes::AddEvent(tx, event);
          return std::optional<store::LaneEvent>(event);
        }
        build.id = store::builds::Insert(tx, build);
        auto live = member->live;
        live.branch_head = sha;
        live.updated_at = now;
        store::lanes::UpdateAppLive(tx, lane->id, app->id, live);
        Start(tx, kLaneDeployWorkflow, *lane,
              {{"app_id", app->id}, {"app", app->name}, {"build_id", build.id}});
        event.detail = sha + " → build " + std::to_string(build.id) + " (" + build.image + ")";
        event.id = store::lanes::AddEvent(tx, event);
        RecordAudit(tx, clock_, system, "lane.push", "lane", std::to_string(lane->id),
                    "push " + sha.substr(0, 8) + " to " + push->branch + " of " + app->name +
                        ": build " + std::to_string(build.id));
        return std::optional<store::LaneEvent>(event);
      });
  if (started.ok() && *started) engine_.Wake();
  return started;
}

}  // namespace slipway::services
