#include "cli/change_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

const json::object& Obj(const json::value& v) {
  static const json::object kEmpty;
  return v.is_object() ? v.as_object() : kEmpty;
}

std::string Cell(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v ? CellText(*v) : "-";
}

// "test (7)": the environment people recognise, with the id commands take.
std::string Env(const json::object& c) {
  const std::string type = Cell(c, "env_type");
  return (type.empty() || type == "-" ? "(deleted)" : type) + " (" + Cell(c, "env_id") + ")";
}

// What the change puts in place: an image, a replica count or resources.
std::string What(const json::object& c) {
  const std::string type = Cell(c, "type");
  if (type == "scale") return Cell(c, "replicas") + " replicas";
  if (type == "env_resource") return "new resources";
  return Cell(c, "image");
}

std::string History(const json::object& c) {
  const auto* events = c.if_contains("events");
  if (!events || !events->is_array() || events->as_array().empty()) return "";
  std::vector<Row> rows;
  for (const auto& e : events->as_array()) {
    const auto& o = Obj(e);
    const auto* detail = o.if_contains("detail");
    std::string facts =
        detail && detail->is_object() && !detail->as_object().empty() ? CellText(*detail) : "";
    rows.push_back(
        {Cell(o, "created_at"), Cell(o, "kind"), Cell(o, "actor"), Cell(o, "comment"), facts});
  }
  return "\nhistory:\n" + RenderTable({"time", "event", "by", "comment", "detail"}, rows);
}

}  // namespace

std::string RenderChangeList(const json::value& list) {
  std::vector<Row> rows;
  const auto* items = Obj(list).if_contains("items");
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& c = Obj(item);
      rows.push_back({Cell(c, "id"), Cell(c, "type"), Cell(c, "state"), Env(c), Cell(c, "title"),
                      What(c), Cell(c, "created_by"), Cell(c, "updated_at")});
    }
  }
  return RenderTable({"id", "type", "state", "environment", "title", "releases", "by", "updated"},
                     rows);
}

std::string RenderChange(const json::value& change) {
  const auto& c = Obj(change);
  std::vector<std::pair<std::string, std::string>> f;
  f.emplace_back("id", Cell(c, "id"));
  f.emplace_back("app", Cell(c, "app"));
  f.emplace_back("type", Cell(c, "type"));
  f.emplace_back("state", Cell(c, "state"));
  if (const auto reason = Cell(c, "close_reason"); reason != "-" && !reason.empty()) {
    f.emplace_back("closed because", reason);
  }
  f.emplace_back("environment", Env(c));
  f.emplace_back("title", Cell(c, "title"));
  if (Cell(c, "description") != "") f.emplace_back("description", Cell(c, "description"));
  if (Cell(c, "type") == "code") {
    f.emplace_back("image", Cell(c, "image"));
    if (Cell(c, "image_digest") != "") f.emplace_back("digest", Cell(c, "image_digest"));
    if (Cell(c, "build_id") != "-") f.emplace_back("build", Cell(c, "build_id"));
  } else {
    f.emplace_back("changes", What(c));
  }
  f.emplace_back("needs approval", Cell(c, "needs_approval"));
  f.emplace_back("release", Cell(c, "release_id"));
  f.emplace_back("created", Cell(c, "created_at") + " by " + Cell(c, "created_by"));
  f.emplace_back("version", Cell(c, "version"));
  const std::string actions = Cell(c, "actions");
  f.emplace_back("actions", actions.empty() || actions == "-" ? "(none for you now)" : actions);
  return RenderFields(f) + History(c);
}

}  // namespace slipway::cli
