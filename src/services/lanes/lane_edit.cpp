// LaneService::Edit (R-LANE-10): basic fields at once; a changed
// application set, and Deployments whose message coloring changed
// (R-LANE-12), through the lane.edit workflow.
#include <algorithm>
#include <boost/json.hpp>

#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "engine/engine.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_planning.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/lanes/lane_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

bool SameSpec(const core::LaneAppSpec& a, const core::LaneAppSpec& b) {
  return a.base_env_id == b.base_env_id && a.replicas == b.replicas && a.domains == b.domains &&
         a.env == b.env;
}

const core::LaneApp* Find(const core::Lane& lane, std::int64_t app_id) {
  for (const auto& a : lane.apps) {
    if (a.spec.app_id == app_id) return &a;
  }
  return nullptr;
}

// Applications that stay in the lane, are not remade anyway, and whose
// coloring variables differ: their Deployments must be applied again, or
// running pods keep the old color and consumer groups.
std::vector<core::LaneAppSpec> Recolored(const core::Lane& before, const core::Lane& after,
                                         const std::vector<std::int64_t>& to_make) {
  std::vector<core::LaneAppSpec> out;
  for (const auto& a : after.apps) {
    if (std::find(to_make.begin(), to_make.end(), a.spec.app_id) != to_make.end()) continue;
    if (!Find(before, a.spec.app_id)) continue;
    if (core::LaneVariables(before, a.spec.app, "", "") !=
        core::LaneVariables(after, a.spec.app, "", "")) {
      out.push_back(a.spec);
    }
  }
  return out;
}

}  // namespace

Result<LanePlanResult> LaneService::Edit(const RequestContext& ctx, const std::string& ref,
                                         const EditLaneCommand& cmd) {
  // What the lane looks like now, and the requested applications checked.
  std::optional<std::vector<lanes::ResolvedApp>> requested;
  std::vector<lanes::ResolvedApp> removed;
  std::vector<std::pair<std::string, std::string>> fallbacks;
  auto current = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<core::Lane> {
    auto lane = LoadForWrite(tx, ctx, ref);
    if (!lane.ok()) return lane;
    if (cmd.name && *cmd.name != lane->name) {
      return core::Invalid("name cannot change: it names the lane in every connected system",
                           {{"field", "name"}, {"rule", "is immutable"}});
    }
    if (lane->version != cmd.version) {
      return core::Conflict("lane " + lane->name + " changed meanwhile (version " +
                                std::to_string(lane->version) + ")",
                            {{"field", "version"}});
    }
    if (lane->state == core::LaneState::kDeleting || lane->state == core::LaneState::kDeleted) {
      return core::Conflict("lane " + lane->name + " is " +
                            std::string(core::LaneStateName(lane->state)));
    }
    std::vector<std::string> names;
    if (cmd.apps) {
      auto resolved = lanes::ResolveApps(tx, ctx.caller, *cmd.apps, lane->base_env_type);
      if (!resolved.ok()) return resolved.error();
      if (resolved->empty())
        return core::Invalid("apps must name at least one application", {{"field", "apps"}});
      std::vector<std::int64_t> ids;
      for (const auto& a : *resolved) {
        names.push_back(a.app.name);
        ids.push_back(a.app.id);
      }
      core::Lane leaving = *lane;
      std::erase_if(leaving.apps, [&](const core::LaneApp& a) {
        return std::find(ids.begin(), ids.end(), a.spec.app_id) != ids.end();
      });
      auto gone = lanes::LoadApps(tx, leaving);
      if (gone.ok()) removed = std::move(*gone);
      fallbacks = lanes::Fallbacks(tx, lane->base_env_type, ids);
      requested = std::move(*resolved);
    } else {
      for (const auto& a : lane->apps) names.push_back(a.spec.app);
    }
    auto people = CheckPeople(tx, cmd.members.value_or(lane->members),
                              cmd.coloring.value_or(lane->coloring), names);
    if (!people.ok()) return people.error();
    return lane;
  });
  if (!current.ok()) return current.error();
  core::Lane next = *current;
  if (cmd.story_id || cmd.story_workspace) {
    next.story_workspace = cmd.story_workspace.value_or(next.story_workspace);
    next.story_id = cmd.story_id.value_or(next.story_id);
    auto story = Story(next.story_workspace, next.story_id);
    if (!story.ok()) return story.error();
    next.description = story->name;
    next.story_url = story->url;
  }
  if (cmd.members) next.members = *cmd.members;
  if (cmd.coloring) next.coloring = *cmd.coloring;
  if (cmd.notify) next.notify_sealed = Seal(*cmd.notify);

  // Added or changed applications are (re)made; removed ones taken away.
  std::vector<std::int64_t> to_make;
  std::vector<lanes::ResolvedApp> making;
  if (requested) {
    next.apps.clear();
    for (const auto& a : *requested) {
      const auto* before = Find(*current, a.app.id);
      next.apps.push_back({a.spec, before ? before->live : core::LaneAppLive{}});
      if (!before || !SameSpec(before->spec, a.spec)) {
        to_make.push_back(a.app.id);
        making.push_back(a);
      }
    }
  }
  const auto recolored = Recolored(*current, next, to_make);
  LanePlanResult result;
  result.dry_run = cmd.dry_run;
  result.plan = lanes::PlanLaneArtefacts(
      {connections_, config_settings_, settings_, address_, build_settings_}, next, making, {});
  for (const auto& gone : removed) {
    result.plan.push_back({"slipway", "remove-application", gone.app.name, gone.app.name,
                           "every artefact of " + gone.app.name + " in the lane is removed"});
  }
  for (const auto& app : recolored) {
    result.plan.push_back({"kubernetes", "deployment", next.namespace_name + "/" + app.app, app.app,
                           "applied again: its message coloring changed"});
  }
  if (cmd.dry_run) {
    result.view = View(ctx, next, "");
    return result;
  }
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::int64_t> {
    const auto now = clock_.Now();
    if (!to_make.empty() || !removed.empty() || !recolored.empty()) {
      boost::json::array added(to_make.begin(), to_make.end());
      boost::json::array gone;
      for (const auto& app : removed)
        gone.push_back(lanes::TeardownToJson(lanes::TeardownOf(*current, app, fallbacks)));
      boost::json::array redeployed;
      for (const auto& app : recolored) redeployed.push_back(app.app_id);
      next.workflow_id = Start(tx, kLaneEditWorkflow, next,
                               {{"added", std::move(added)},
                                {"removed", std::move(gone)},
                                {"redeployed", std::move(redeployed)}});
      result.workflow_id = next.workflow_id;
    }
    next.last_activity_at = now;
    next.pending_deletion_at.reset();
    next.updated_at = now;
    ++next.version;
    if (!store::lanes::Update(tx, next)) {
      return core::Conflict("lane " + next.name + " changed meanwhile", {{"field", "version"}});
    }
    if (requested) store::lanes::ReplaceApps(tx, next);
    store::lanes::AddEvent(tx,
                           {.lane_id = next.id,
                            .kind = "edit",
                            .detail = std::to_string(to_make.size()) + " applications to make, " +
                                      std::to_string(removed.size()) + " to remove, " +
                                      std::to_string(recolored.size()) + " to redeploy",
                            .actor = ctx.caller.username,
                            .created_at = now});
    RecordAudit(tx, clock_, ctx, "lane.edit", "lane", std::to_string(next.id),
                "edited lane " + next.name);
    return next.id;
  });
  if (!id.ok()) return id.error();
  engine_.Wake();
  result.view = ViewOf(ctx, *id);
  return result;
}

}  // namespace slipway::services
