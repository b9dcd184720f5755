#include "services/lanes/lane_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "core/common/names.hpp"
#include "core/lane/lane_names.hpp"
#include "engine/engine.hpp"
#include "services/lanes/lane_notice.hpp"
#include "services/lanes/lane_planning.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/lanes/lane_workflows.hpp"
#include "services/platform/audit_log.hpp"
#include "services/platform/crypto.hpp"
#include "store/cluster_repository.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

core::Error Field(const std::string& field, const std::string& rule) {
  return core::Invalid(field + " " + rule, {{"field", field}, {"rule", rule}});
}

bool CanEdit(const core::Caller& caller, const core::Lane& lane) {
  return caller.IsAdmin() || (caller.CanCreate() && core::IsLaneMember(lane, caller.username));
}

std::vector<std::string> AppNames(const std::vector<lanes::ResolvedApp>& apps) {
  std::vector<std::string> out;
  for (const auto& a : apps) out.push_back(a.app.name);
  return out;
}

std::vector<std::int64_t> AppIds(const std::vector<lanes::ResolvedApp>& apps) {
  std::vector<std::int64_t> out;
  for (const auto& a : apps) out.push_back(a.app.id);
  return out;
}

}  // namespace

LaneService::LaneService(store::Database& db, const core::Clock& clock, engine::Engine& engine,
                         ClusterService& clusters, const Connections& connections,
                         const SecretBox& secrets, const ServerAddress& address,
                         ConfigFileSettings config_settings, LaneSettings settings,
                         BuildSettings build_settings)
    : db_(db),
      clock_(clock),
      engine_(engine),
      clusters_(clusters),
      connections_(connections),
      secrets_(secrets),
      address_(address),
      config_settings_(std::move(config_settings)),
      settings_(std::move(settings)),
      build_settings_(std::move(build_settings)) {}

Result<connectors::TapdStory> LaneService::Story(const std::string& workspace,
                                                 const std::string& id) {
  if (!Configured(connections_.tapd)) return NotConfigured("tapd");
  auto story = connections_.tapd->GetStory(workspace, id);
  if (story.ok()) return story;
  switch (story.error().code) {
    case core::Code::kNotFound:
      return Field("story_id", "names no story in TAPD workspace " + workspace);
    case core::Code::kInvalid:
      return Field("story_id", "is refused by TAPD: " + story.error().message);
    default:
      // Unreachable, throttled, or refusing Slipway's credentials: nothing
      // can be created without the story, and the caller can try again.
      return core::Error{core::Code::kTransient,
                         "TAPD cannot be asked about the story: " + story.error().message,
                         {}};
  }
}

core::Status LaneService::CheckPeople(store::Tx& tx, const std::vector<std::string>& members,
                                      const core::LaneColoring& coloring,
                                      const std::vector<std::string>& apps) {
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!store::users::GetByName(tx, members[i])) {
      return Field("members[" + std::to_string(i) + "]", "names no user (" + members[i] + ")");
    }
  }
  auto in_lane = [&](const std::string& app) {
    return std::find(apps.begin(), apps.end(), app) != apps.end();
  };
  for (std::size_t i = 0; i < coloring.producers.size(); ++i) {
    if (!in_lane(coloring.producers[i])) {
      return Field("coloring.producers[" + std::to_string(i) + "]",
                   "must name an application of the lane");
    }
  }
  for (std::size_t i = 0; i < coloring.consumers.size(); ++i) {
    if (!in_lane(coloring.consumers[i].app)) {
      return Field("coloring.consumers[" + std::to_string(i) + "].app",
                   "must name an application of the lane");
    }
  }
  return core::Ok{};
}

std::string LaneService::Seal(const std::optional<LaneNotifyTarget>& notify) const {
  if (!notify) return "";
  return secrets_.Seal(boost::json::serialize(boost::json::object{
      {"type", notify->type}, {"url", notify->url}, {"secret", notify->secret}}));
}

std::string LaneService::Start(store::Tx& tx, const char* kind, const core::Lane& lane,
                               boost::json::object input) {
  input["lane_id"] = lane.id;
  auto id = engine_.StartWorkflow(tx, kind, "lane:" + lane.name, input);
  if (!id.ok()) throw std::runtime_error(id.error().message);
  return *id;
}

Result<LanePlanResult> LaneService::Create(const RequestContext& ctx,
                                           const CreateLaneCommand& cmd) {
  if (!ctx.caller.CanCreate()) return core::Forbidden("viewers may not create lanes");
  if (auto rule = core::CheckLaneName(cmd.name)) return Field("name", *rule);
  if (cmd.apps.empty()) return Field("apps", "must name at least one application");
  core::Lane lane;
  lane.name = cmd.name;
  lane.namespace_name = core::LaneNamespace(cmd.name);
  lane.story_workspace = cmd.story_workspace;
  lane.story_id = cmd.story_id;
  lane.owner = ctx.caller.username;
  lane.members = cmd.members;
  lane.base_env_type = cmd.base_env_type.value_or(settings_.base_env_type);
  lane.coloring = cmd.coloring;
  lane.created_by = ctx.caller.username;
  lane.created_at = lane.updated_at = lane.last_activity_at = clock_.Now();
  std::string cluster_name;
  std::vector<std::pair<std::string, std::string>> fallbacks;
  auto apps = store::InTx(
      db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<lanes::ResolvedApp>> {
        if (auto other = store::lanes::GetLiveByNamespace(tx, lane.namespace_name)) {
          return core::Conflict(
              "lane " + other->name + " already uses namespace " + lane.namespace_name,
              {{"field", "name"}, {"lane", other->name}});
        }
        auto cluster = lanes::ResolveCluster(tx, cmd.cluster, settings_);
        if (!cluster.ok()) return cluster.error();
        lane.cluster_id = cluster->id;
        cluster_name = cluster->name;
        auto resolved = lanes::ResolveApps(tx, ctx.caller, cmd.apps, lane.base_env_type);
        if (!resolved.ok()) return resolved.error();
        if (auto people = CheckPeople(tx, cmd.members, cmd.coloring, AppNames(*resolved));
            !people.ok()) {
          return people.error();
        }
        fallbacks = lanes::Fallbacks(tx, lane.base_env_type, AppIds(*resolved));
        return resolved;
      });
  if (!apps.ok()) return apps.error();
  for (const auto& a : *apps) lane.apps.push_back({a.spec, {}});
  auto story = Story(cmd.story_workspace, cmd.story_id);
  if (!story.ok()) return story.error();
  lane.description = story->name;
  lane.story_url = story->url;

  LanePlanResult result;
  result.plan = lanes::PlanLaneArtefacts(
      {connections_, config_settings_, settings_, address_, build_settings_}, lane, *apps,
      fallbacks);
  result.dry_run = cmd.dry_run;
  if (cmd.dry_run) {
    result.view = View(ctx, lane, cluster_name);
    return result;
  }
  lane.hook_token_sealed = secrets_.Seal(RandomHex(24));
  lane.notify_sealed = Seal(cmd.notify);
  try {
    auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) {
      lane.id = store::lanes::Insert(tx, lane);
      lane.workflow_id = Start(tx, kLaneCreateWorkflow, lane, {});
      Start(tx, kLaneExpiryWorkflow, lane, {});
      Start(tx, kLaneFollowWorkflow, lane, {});
      ++lane.version;
      store::lanes::Update(tx, lane);
      RecordAudit(tx, clock_, ctx, "lane.create", "lane", std::to_string(lane.id),
                  "created lane " + lane.name + " (" + std::to_string(lane.apps.size()) +
                      " applications, story " + lane.story_id + ")");
      return lane.id;
    });
    engine_.Wake();
    result.workflow_id = lane.workflow_id;
    result.view = ViewOf(ctx, id);
    return result;
  } catch (const store::UniqueViolation&) {
    return core::Conflict("another lane took namespace " + lane.namespace_name + " meanwhile",
                          {{"field", "name"}});
  }
}

Result<std::vector<LaneView>> LaneService::List(const RequestContext& ctx) {
  auto rows = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    std::vector<std::pair<core::Lane, std::string>> out;
    for (auto& lane : store::lanes::ListLive(tx)) {
      auto cluster = store::clusters::Get(tx, lane.cluster_id);
      out.emplace_back(std::move(lane), cluster ? cluster->cluster.name : "");
    }
    return out;
  });
  std::vector<LaneView> views;
  for (auto& [lane, cluster] : rows) views.push_back(View(ctx, std::move(lane), cluster));
  return views;
}

Result<core::Lane> LaneService::Load(store::Tx& tx, const std::string& ref) {
  auto id = core::ParseId(ref);
  // By name: the live lane, else the newest deleted one, so that repeating
  // a delete by name answers "done" instead of "no such lane".
  auto lane = id ? store::lanes::Get(tx, *id) : store::lanes::GetLiveByName(tx, ref);
  if (!lane && !id) lane = store::lanes::GetNewestByName(tx, ref);
  if (!lane) return core::NotFound("no lane " + ref);
  return std::move(*lane);
}

Result<core::Lane> LaneService::LoadForWrite(store::Tx& tx, const RequestContext& ctx,
                                             const std::string& ref) {
  auto lane = Load(tx, ref);
  if (!lane.ok()) return lane;
  if (!CanEdit(ctx.caller, *lane)) {
    return core::Forbidden("only the lane's owner, its members and admins may change lane " +
                           lane->name);
  }
  return lane;
}

Result<LaneView> LaneService::Get(const RequestContext& ctx, const std::string& ref) {
  auto lane = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return Load(tx, ref); });
  if (!lane.ok()) return lane.error();
  return ViewOf(ctx, lane->id);
}

Result<std::vector<core::PlannedArtefact>> LaneService::Plan(const RequestContext&,
                                                             const std::string& ref) {
  std::vector<std::pair<std::string, std::string>> fallbacks;
  core::Lane lane;
  auto apps = store::InTx(
      db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<lanes::ResolvedApp>> {
        auto loaded = Load(tx, ref);
        if (!loaded.ok()) return loaded.error();
        lane = std::move(*loaded);
        auto resolved = lanes::LoadApps(tx, lane);
        if (resolved.ok()) fallbacks = lanes::Fallbacks(tx, lane.base_env_type, AppIds(*resolved));
        return resolved;
      });
  if (!apps.ok()) return apps.error();
  return lanes::PlanLaneArtefacts(
      {connections_, config_settings_, settings_, address_, build_settings_}, lane, *apps,
      fallbacks);
}

Result<std::vector<engine::Workflow>> LaneService::Progress(const RequestContext&,
                                                            const std::string& ref) {
  auto lane = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return Load(tx, ref); });
  if (!lane.ok()) return lane.error();
  std::vector<engine::Workflow> out;
  if (lane->workflow_id.empty()) return out;
  auto parent = engine_.Get(lane->workflow_id);
  if (!parent.ok()) return parent.error();
  out.push_back(*parent);
  for (const auto& child : parent->children) {
    if (auto w = engine_.Get(child.id); w.ok()) out.push_back(std::move(*w));
  }
  return out;
}

Result<std::vector<store::LaneEvent>> LaneService::Events(const RequestContext&,
                                                          const std::string& ref, int limit) {
  return store::InTx(
      db_, TxMode::kRead, [&](store::Tx& tx) -> Result<std::vector<store::LaneEvent>> {
        auto lane = Load(tx, ref);
        if (!lane.ok()) return lane.error();
        // Notices first, so that one recorded in the same
        // millisecond as its listing reads as following it.
        auto events = LaneNoticeEvents(tx, lane->id, limit);
        auto recorded = store::lanes::Events(tx, lane->id, limit);
        events.insert(events.end(), recorded.begin(), recorded.end());
        std::stable_sort(events.begin(), events.end(),
                         [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
        if (static_cast<int>(events.size()) > limit) events.resize(limit);
        return events;
      });
}

Result<LaneView> LaneService::Renew(const RequestContext& ctx, const std::string& ref) {
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::int64_t> {
    auto lane = LoadForWrite(tx, ctx, ref);
    if (!lane.ok()) return lane.error();
    if (lane->state == core::LaneState::kDeleting || lane->state == core::LaneState::kDeleted) {
      return core::Conflict("lane " + lane->name + " is " +
                            std::string(core::LaneStateName(lane->state)));
    }
    const auto now = clock_.Now();
    lane->last_activity_at = now;
    lane->pending_deletion_at.reset();
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    store::lanes::AddEvent(
        tx,
        {.lane_id = lane->id, .kind = "renew", .actor = ctx.caller.username, .created_at = now});
    RecordAudit(tx, clock_, ctx, "lane.renew", "lane", std::to_string(lane->id),
                "renewed lane " + lane->name);
    return lane->id;
  });
  if (!id.ok()) return id.error();
  return ViewOf(ctx, *id);
}

Result<LanePlanResult> LaneService::Sync(const RequestContext& ctx, const std::string& ref) {
  LanePlanResult result;
  auto id = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::int64_t> {
    auto lane = LoadForWrite(tx, ctx, ref);
    if (!lane.ok()) return lane.error();
    if (lane->state == core::LaneState::kDeleting || lane->state == core::LaneState::kDeleted) {
      return core::Conflict("lane " + lane->name + " is " +
                            std::string(core::LaneStateName(lane->state)));
    }
    if (auto running = engine_.Get(lane->workflow_id);
        running.ok() && running->state == engine::WorkflowState::kRunning) {
      return core::Conflict(
          "workflow " + lane->workflow_id + " of lane " + lane->name + " still runs; sync after it",
          {{"workflow_id", lane->workflow_id}});
    }
    const auto now = clock_.Now();
    lane->workflow_id = Start(tx, kLaneCreateWorkflow, *lane, {{"sync", true}});
    result.workflow_id = lane->workflow_id;
    lane->last_activity_at = now;
    lane->pending_deletion_at.reset();
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    store::lanes::AddEvent(tx, {.lane_id = lane->id,
                                .kind = "sync",
                                .detail = lane->workflow_id,
                                .actor = ctx.caller.username,
                                .created_at = now});
    RecordAudit(tx, clock_, ctx, "lane.sync", "lane", std::to_string(lane->id),
                "synced lane " + lane->name);
    return lane->id;
  });
  if (!id.ok()) return id.error();
  engine_.Wake();
  result.view = ViewOf(ctx, *id);
  return result;
}

Result<LaneDeletion> LaneService::Delete(const RequestContext& ctx, const std::string& ref,
                                         const std::string& confirm) {
  auto workflow = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<std::string> {
    auto lane = LoadForWrite(tx, ctx, ref);
    if (!lane.ok()) return lane.error();
    if (confirm != lane->name)
      return Field("confirm", "must be the lane's name (" + lane->name + ")");
    if (lane->state == core::LaneState::kDeleted) return std::string();
    if (lane->state == core::LaneState::kDeleting) {
      auto running = engine_.Get(lane->workflow_id);
      if (running.ok() && running->state == engine::WorkflowState::kRunning)
        return lane->workflow_id;
    }
    const auto now = clock_.Now();
    lane->workflow_id = Start(tx, kLaneDeleteWorkflow, *lane, {});
    lane->state = core::LaneState::kDeleting;
    lane->updated_at = now;
    ++lane->version;
    store::lanes::Update(tx, *lane);
    RecordAudit(tx, clock_, ctx, "lane.delete", "lane", std::to_string(lane->id),
                "deleting lane " + lane->name);
    return lane->workflow_id;
  });
  if (!workflow.ok()) return workflow.error();
  LaneDeletion out;
  out.workflow_id = *workflow;
  if (workflow->empty()) {
    out.done = true;
    out.workflow_state = "succeeded";
    return out;
  }
  engine_.Wake();
  // Synchronous from the caller's view (R-LANE-11): wait for the workflow,
  // up to a bound, then report what is still running.
  // Real time, not the service clock: this bounds how long a request waits.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(settings_.delete_wait_ms);
  while (true) {
    auto state = engine_.Get(*workflow);
    if (!state.ok()) return state.error();
    out.workflow_state = std::string(engine::StateName(state->state));
    if (state->state != engine::WorkflowState::kRunning) {
      out.done = state->state == engine::WorkflowState::kSucceeded;
      out.error = state->error;
      return out;
    }
    if (std::chrono::steady_clock::now() >= deadline) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

LaneView LaneService::ViewOf(const RequestContext& ctx, std::int64_t lane_id) {
  auto row = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    auto lane = store::lanes::Get(tx, lane_id);
    auto cluster = lane ? store::clusters::Get(tx, lane->cluster_id) : std::nullopt;
    return std::make_pair(std::move(*lane), cluster ? cluster->cluster.name : std::string());
  });
  return View(ctx, std::move(row.first), row.second);
}

LaneView LaneService::View(const RequestContext& ctx, core::Lane lane, std::string cluster) {
  LaneView view;
  view.state = lane.state;
  if (!lane.workflow_id.empty()) {
    if (auto wf = engine_.Get(lane.workflow_id); wf.ok()) {
      view.workflow_state = std::string(engine::StateName(wf->state));
      view.error = wf->error;
      const bool ended_badly = wf->state == engine::WorkflowState::kFailed ||
                               wf->state == engine::WorkflowState::kCancelled;
      if (ended_badly && lane.state != core::LaneState::kDeleted)
        view.state = core::LaneState::kFailed;
    }
  }
  view.expiry = core::ComputeLaneExpiry(lane.last_activity_at, clock_.Now(), settings_.expiry);
  if (lane.id != 0 && view.state != core::LaneState::kDeleted && CanEdit(ctx.caller, lane)) {
    view.actions = {"edit", "renew", "sync", "delete"};
  }
  view.cluster = std::move(cluster);
  view.lane = std::move(lane);
  return view;
}

}  // namespace slipway::services
