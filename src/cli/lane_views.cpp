#include "cli/lane_views.hpp"

#include <boost/json/object.hpp>
#include <utility>
#include <vector>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

bool Present(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value && !value->is_null();
}

// Commit shas shortened as git does; the full sha is in -o json.
std::string ShortSha(std::string sha) { return sha.size() > 8 ? sha.substr(0, 8) : sha; }

std::string AppNames(const boost::json::object& lane) {
  std::string names;
  for (const auto& item : ArrayAt(lane, "apps")) {
    names += (names.empty() ? "" : ",") + CellAt(ObjectOrEmpty(&item), "app");
  }
  return names.empty() ? "-" : names;
}

// "web-pay.lanes.example.com" per business domain, comma-separated.
std::string Hosts(const boost::json::object& app) {
  std::string hosts;
  for (const auto& item : ArrayAt(app, "domains")) {
    hosts += (hosts.empty() ? "" : ",") + CellAt(ObjectOrEmpty(&item), "host");
  }
  return hosts.empty() ? "-" : hosts;
}

std::string AppsTable(const boost::json::object& lane) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(lane, "apps")) {
    const auto& a = ObjectOrEmpty(&item);
    const auto& live = ObjectOrEmpty(a.if_contains("live"));
    rows.push_back({CellAt(a, "app"), CellAt(a, "replicas"), CellAt(a, "base_env_id"),
                    ShortSha(CellAt(live, "branch_head")), CellAt(live, "last_build_id"),
                    CellAt(live, "deployed_image"), CellAt(a, "internal_domain"), Hosts(a)});
  }
  return RenderTable({"app", "replicas", "base env", "branch head", "last build", "deployed image",
                      "internal", "external"},
                     rows);
}

// Consumers with the group and variable each gets in the lane.
std::string ConsumersTable(const boost::json::object& lane) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(lane, "apps")) {
    const auto& a = ObjectOrEmpty(&item);
    for (const auto& c : ArrayAt(ObjectOrEmpty(a.if_contains("coloring")), "consumers")) {
      const auto& consumer = ObjectOrEmpty(&c);
      rows.push_back({CellAt(a, "app"), CellAt(consumer, "topic"), CellAt(consumer, "group"),
                      CellAt(consumer, "variable")});
    }
  }
  return rows.empty() ? ""
                      : "\n" + RenderTable({"consumer", "topic", "lane group", "variable"}, rows);
}

}  // namespace

std::string RenderLaneList(const boost::json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& l = ObjectOrEmpty(&item);
    const auto& expiry = ObjectOrEmpty(l.if_contains("expiry"));
    rows.push_back({CellAt(l, "name"), CellAt(l, "state"), AppNames(l), CellAt(l, "owner"),
                    CellAt(expiry, "stage"), CellAt(expiry, "pending_at"),
                    CellAt(expiry, "delete_at")});
  }
  return RenderTable({"name", "state", "apps", "owner", "expiry", "pending at", "delete at"}, rows);
}

std::string RenderLane(const boost::json::value& lane) {
  const auto& l = ObjectOrEmpty(&lane);
  Fields fields;
  for (const char* key : {"id", "name", "state"}) fields.emplace_back(key, CellAt(l, key));
  if (Present(l, "error")) fields.emplace_back("error", CellAt(l, "error"));
  fields.emplace_back(
      "workflow",
      CellAt(l, "workflow_id") +
          (Present(l, "workflow_state") ? " (" + CellAt(l, "workflow_state") + ")" : ""));
  const auto& story = ObjectOrEmpty(l.if_contains("story"));
  fields.emplace_back("story", CellAt(story, "workspace_id") + ":" + CellAt(story, "id") + "  " +
                                   CellAt(story, "url"));
  fields.emplace_back("description", CellAt(l, "description"));
  fields.emplace_back("owner", CellAt(l, "owner"));
  fields.emplace_back("members", CellAt(l, "members"));
  fields.emplace_back("namespace", CellAt(l, "namespace"));
  fields.emplace_back("cluster", CellAt(l, "cluster"));
  fields.emplace_back("base env type", CellAt(l, "base_env_type"));
  fields.emplace_back("branch", CellAt(l, "branch"));
  fields.emplace_back("jenkins folder", CellAt(l, "jenkins_folder"));
  fields.emplace_back("config branch", CellAt(l, "config_branch"));
  const auto& coloring = ObjectOrEmpty(l.if_contains("coloring"));
  fields.emplace_back("producers", CellAt(coloring, "producers"));
  fields.emplace_back("notify", CellAt(l, "notify") == "true" ? "yes" : "no");
  const auto& expiry = ObjectOrEmpty(l.if_contains("expiry"));
  fields.emplace_back("expiry", CellAt(expiry, "stage"));
  fields.emplace_back("  last activity", CellAt(expiry, "last_activity_at"));
  fields.emplace_back("  pending at", CellAt(expiry, "pending_at"));
  fields.emplace_back("  listed at", CellAt(expiry, "listed_at"));
  fields.emplace_back("  delete at", CellAt(expiry, "delete_at"));
  fields.emplace_back("created", CellAt(l, "created_by") + " " + CellAt(l, "created_at"));
  fields.emplace_back("version", CellAt(l, "version"));
  fields.emplace_back("actions", CellAt(l, "actions"));
  return RenderFields(fields) + "\n" + AppsTable(l) + ConsumersTable(l);
}

std::string RenderLanePlan(const boost::json::value& plan) {
  const auto& items = plan.is_array() ? plan.as_array() : ArrayAt(ObjectOrEmpty(&plan), "plan");
  std::vector<Row> rows;
  for (const auto& item : items) {
    const auto& a = ObjectOrEmpty(&item);
    rows.push_back({CellAt(a, "system"), CellAt(a, "kind"), CellAt(a, "name"), CellAt(a, "app"),
                    CellAt(a, "detail")});
  }
  return RenderTable({"system", "kind", "name", "app", "detail"}, rows);
}

std::string RenderLanePlanResult(const boost::json::value& result) {
  const auto& r = ObjectOrEmpty(&result);
  if (CellAt(r, "dry_run") == "true") {
    return RenderLanePlan(result) + "(dry run: nothing was changed)\n";
  }
  const auto* lane = r.if_contains("lane");
  std::string out = lane ? RenderLane(*lane) : "";
  out += Present(r, "workflow_id") ? "workflow " + CellAt(r, "workflow_id") + " is doing it\n"
                                   : "nothing to do in other systems\n";
  return out;
}

std::string RenderLaneDrift(const boost::json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& a = ObjectOrEmpty(&item);
    const auto* present = a.if_contains("present");
    const std::string state = present && present->is_bool()
                                  ? (present->as_bool() ? "present" : "MISSING")
                                  : "unknown: " + CellAt(a, "error");
    rows.push_back(
        {CellAt(a, "system"), CellAt(a, "kind"), CellAt(a, "name"), CellAt(a, "app"), state});
  }
  return RenderTable({"system", "kind", "name", "app", "state"}, rows);
}

std::string RenderLaneEvents(const boost::json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& e = ObjectOrEmpty(&item);
    rows.push_back({CellAt(e, "created_at"), CellAt(e, "kind"), CellAt(e, "app"),
                    CellAt(e, "actor"), CellAt(e, "detail")});
  }
  return RenderTable({"when", "kind", "app", "actor", "detail"}, rows);
}

std::string RenderLaneDeletion(const boost::json::value& deletion) {
  const auto& d = ObjectOrEmpty(&deletion);
  if (CellAt(d, "done") == "true") return "lane deleted\n";
  const std::string workflow = "workflow " + CellAt(d, "workflow_id");
  if (CellAt(d, "workflow_state") == "running") {
    return "the deletion is still running (" + workflow +
           "): run the same command again to follow it\n";
  }
  return "the deletion stopped (" + workflow + " " + CellAt(d, "workflow_state") +
         "): " + CellAt(d, "error") + "\ndelete again to finish the rest\n";
}

}  // namespace slipway::cli
