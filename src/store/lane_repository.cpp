#include "store/lane_repository.hpp"

#include <boost/json.hpp>

#include "core/lane/lane_json.hpp"

namespace slipway::store::lanes {

namespace {

constexpr const char* kSelect =
    "SELECT id, name, namespace, story_workspace, story_id, story_url, description, owner, "
    "members, "
    "base_env_type, cluster_id, coloring, state, workflow_id, last_activity_at, "
    "pending_deletion_at, "
    "created_by, created_at, updated_at, version, hook_token_sealed, notify_sealed FROM lanes ";

std::vector<std::string> Names(const std::string& text) {
  std::vector<std::string> out;
  auto v = boost::json::parse(text);
  if (!v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

std::vector<core::LaneApp> Apps(Tx& tx, std::int64_t lane_id) {
  std::vector<core::LaneApp> out;
  for (const auto& r : tx.Query(
           "SELECT la.app_id, a.name, la.base_env_id, la.spec, la.branch_head, la.last_build_id, "
           "la.deployed_image, la.pods_ready, la.hook_id, la.live_updated_at "
           "FROM lane_apps la JOIN apps a ON a.id = la.app_id WHERE la.lane_id = ? ORDER BY "
           "la.position",
           {lane_id})) {
    core::LaneApp app;
    app.spec.app_id = r.Int(0);
    app.spec.app = r.Text(1);
    app.spec.base_env_id = r.Int(2);
    auto spec = boost::json::parse(r.Text(3));
    if (spec.is_object()) core::ReadLaneAppOverrides(spec.as_object(), app.spec);
    app.live.branch_head = r.Text(4);
    app.live.last_build_id = r.Int(5);
    app.live.deployed_image = r.Text(6);
    app.live.pods_ready = static_cast<int>(r.Int(7));
    app.live.hook_id = r.Int(8);
    app.live.updated_at = r.Int(9);
    out.push_back(std::move(app));
  }
  return out;
}

core::Lane FromRow(Tx& tx, const Row& r) {
  core::Lane l;
  l.id = r.Int(0);
  l.name = r.Text(1);
  l.namespace_name = r.Text(2);
  l.story_workspace = r.Text(3);
  l.story_id = r.Text(4);
  l.story_url = r.Text(5);
  l.description = r.Text(6);
  l.owner = r.Text(7);
  l.members = Names(r.Text(8));
  l.base_env_type = r.Text(9);
  l.cluster_id = r.Int(10);
  auto coloring = boost::json::parse(r.Text(11));
  if (coloring.is_object()) l.coloring = core::ReadLaneColoring(coloring.as_object());
  l.state = core::ParseLaneState(r.Text(12)).value_or(core::LaneState::kFailed);
  l.workflow_id = r.Text(13);
  l.last_activity_at = r.Int(14);
  if (!r.IsNull(15)) l.pending_deletion_at = r.Int(15);
  l.created_by = r.Text(16);
  l.created_at = r.Int(17);
  l.updated_at = r.Int(18);
  l.version = r.Int(19);
  l.hook_token_sealed = r.Text(20);
  l.notify_sealed = r.Text(21);
  l.apps = Apps(tx, l.id);
  return l;
}

Param OptMillis(const std::optional<core::Millis>& t) { return t ? Param(*t) : Param(nullptr); }

void InsertApps(Tx& tx, const core::Lane& lane) {
  std::int64_t position = 0;
  for (const auto& app : lane.apps) {
    tx.Exec(
        "INSERT INTO lane_apps (lane_id, app_id, base_env_id, position, spec, branch_head, "
        "last_build_id, "
        "deployed_image, pods_ready, hook_id, live_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)",
        {lane.id, app.spec.app_id, app.spec.base_env_id, position++,
         boost::json::serialize(core::LaneAppOverridesToJson(app.spec)), app.live.branch_head,
         app.live.last_build_id, app.live.deployed_image,
         static_cast<std::int64_t>(app.live.pods_ready), app.live.hook_id, app.live.updated_at});
  }
}

std::optional<core::Lane> One(Tx& tx, const std::string& where, const Params& params) {
  auto r = tx.QueryOne(std::string(kSelect) + where, params);
  if (!r) return std::nullopt;
  return FromRow(tx, *r);
}

}  // namespace

std::int64_t Insert(Tx& tx, const core::Lane& lane) {
  core::Lane stored = lane;
  stored.id =
      tx.QueryOne(
            "INSERT INTO lanes (name, namespace, story_workspace, story_id, story_url, "
            "description, owner, "
            "members, base_env_type, cluster_id, coloring, state, workflow_id, last_activity_at, "
            "pending_deletion_at, created_by, created_at, updated_at, version, hook_token_sealed, "
            "notify_sealed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
            {lane.name,
             lane.namespace_name,
             lane.story_workspace,
             lane.story_id,
             lane.story_url,
             lane.description,
             lane.owner,
             boost::json::serialize(boost::json::value_from(lane.members)),
             lane.base_env_type,
             lane.cluster_id,
             boost::json::serialize(core::LaneColoringToJson(lane.coloring)),
             std::string(core::LaneStateName(lane.state)),
             lane.workflow_id,
             lane.last_activity_at,
             OptMillis(lane.pending_deletion_at),
             lane.created_by,
             lane.created_at,
             lane.updated_at,
             lane.hook_token_sealed,
             lane.notify_sealed})
          ->Int(0);
  InsertApps(tx, stored);
  return stored.id;
}

std::optional<core::Lane> Get(Tx& tx, std::int64_t id) { return One(tx, "WHERE id = ?", {id}); }

std::optional<core::Lane> GetLiveByName(Tx& tx, const std::string& name) {
  return One(tx, "WHERE lower(name) = lower(?) AND state <> 'deleted'", {name});
}

std::optional<core::Lane> GetNewestByName(Tx& tx, const std::string& name) {
  return One(tx, "WHERE lower(name) = lower(?) ORDER BY id DESC LIMIT 1", {name});
}

std::optional<core::Lane> GetLiveByNamespace(Tx& tx, const std::string& namespace_name) {
  return One(tx, "WHERE namespace = ? AND state <> 'deleted'", {namespace_name});
}

std::vector<core::Lane> ListLive(Tx& tx) {
  std::vector<core::Lane> out;
  for (const auto& r : tx.Query(std::string(kSelect) + "WHERE state <> 'deleted' ORDER BY id")) {
    out.push_back(FromRow(tx, r));
  }
  return out;
}

bool Update(Tx& tx, const core::Lane& lane) {
  return tx.Exec(
             "UPDATE lanes SET story_workspace = ?, story_id = ?, story_url = ?, description = ?, "
             "owner = ?, "
             "members = ?, coloring = ?, state = ?, workflow_id = ?, last_activity_at = ?, "
             "pending_deletion_at = ?, notify_sealed = ?, updated_at = ?, version = ? WHERE id = ? "
             "AND version = ?",
             {lane.story_workspace, lane.story_id, lane.story_url, lane.description, lane.owner,
              boost::json::serialize(boost::json::value_from(lane.members)),
              boost::json::serialize(core::LaneColoringToJson(lane.coloring)),
              std::string(core::LaneStateName(lane.state)), lane.workflow_id, lane.last_activity_at,
              OptMillis(lane.pending_deletion_at), lane.notify_sealed, lane.updated_at,
              lane.version, lane.id, lane.version - 1}) == 1;
}

void ReplaceApps(Tx& tx, const core::Lane& lane) {
  core::Lane merged = lane;
  auto before = Apps(tx, lane.id);
  for (auto& app : merged.apps) {
    for (const auto& old : before) {
      if (old.spec.app_id == app.spec.app_id) app.live = old.live;
    }
  }
  tx.Exec("DELETE FROM lane_apps WHERE lane_id = ?", {lane.id});
  InsertApps(tx, merged);
}

void UpdateAppLive(Tx& tx, std::int64_t lane_id, std::int64_t app_id,
                   const core::LaneAppLive& live) {
  tx.Exec(
      "UPDATE lane_apps SET branch_head = ?, last_build_id = ?, deployed_image = ?, pods_ready = "
      "?, hook_id = ?, "
      "live_updated_at = ? WHERE lane_id = ? AND app_id = ?",
      {live.branch_head, live.last_build_id, live.deployed_image,
       static_cast<std::int64_t>(live.pods_ready), live.hook_id, live.updated_at, lane_id, app_id});
}

std::vector<core::Lane> LiveWithApp(Tx& tx, std::int64_t app_id) {
  std::vector<core::Lane> out;
  for (const auto& r : tx.Query(std::string(kSelect) + "WHERE state <> 'deleted' AND id IN (SELECT "
                                                       "lane_id FROM lane_apps WHERE app_id = ?) "
                                                       "ORDER BY id",
                                {app_id})) {
    out.push_back(FromRow(tx, r));
  }
  return out;
}

std::int64_t AddEvent(Tx& tx, const LaneEvent& e) {
  return tx
      .QueryOne(
          "INSERT INTO lane_events (lane_id, app, kind, detail, actor, created_at) VALUES (?, ?, "
          "?, ?, ?, ?) "
          "RETURNING id",
          {e.lane_id, e.app, e.kind, e.detail, e.actor, e.created_at})
      ->Int(0);
}

std::vector<LaneEvent> Events(Tx& tx, std::int64_t lane_id, int limit) {
  std::vector<LaneEvent> out;
  for (const auto& r : tx.Query("SELECT id, lane_id, app, kind, detail, actor, created_at FROM "
                                "lane_events WHERE lane_id = ? "
                                "ORDER BY id DESC LIMIT ?",
                                {lane_id, static_cast<std::int64_t>(limit)})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)});
  }
  return out;
}

}  // namespace slipway::store::lanes
