#include "cli/release_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

const json::object& Obj(const json::value* v) {
  static const json::object kEmpty;
  return v && v->is_object() ? v->as_object() : kEmpty;
}

const json::array& Arr(const json::object& o, const char* key) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

std::string Cell(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v ? CellText(*v) : "-";
}

std::string Compact(const json::value& v) { return v.is_null() ? "(none)" : v.is_string() ? std::string(v.as_string()) : json::serialize(v); }

}  // namespace

std::string RenderReleaseList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Arr(Obj(&list), "items")) {
    const auto& r = Obj(&item);
    rows.push_back({Cell(r, "id"), Cell(r, "app"), Cell(r, "env_type"), Cell(r, "kind"), Cell(r, "strategy"),
                    Cell(r, "state"), Cell(r, "image"), Cell(r, "started_by")});
  }
  return RenderTable({"id", "app", "env", "kind", "strategy", "state", "image", "by"}, rows);
}

std::string RenderRelease(const json::value& release) {
  const auto& r = Obj(&release);
  const auto& change = Obj(r.if_contains("change"));
  std::vector<std::pair<std::string, std::string>> f;
  for (const char* key : {"id", "app", "env_type", "kind", "strategy", "state", "image", "image_before"}) {
    f.emplace_back(key, Cell(r, key));
  }
  f.emplace_back("change", Cell(change, "id") + " (" + Cell(change, "type") + ", " + Cell(change, "state") + ")");
  if (const auto* error = r.if_contains("error"); error && error->is_string() && !error->as_string().empty()) {
    f.emplace_back("error", std::string(error->as_string()));
  }
  f.emplace_back("actions", Cell(r, "actions"));
  std::string out = RenderFields(f);
  std::vector<Row> steps;
  for (const auto& s : Arr(r, "steps")) {
    const auto& o = Obj(&s);
    steps.push_back({Cell(o, "index"), Cell(o, "state"), Cell(o, "name"), Cell(o, "message")});
  }
  out += "\nsteps:\n" + RenderTable({"#", "state", "step", "message"}, steps);
  std::vector<Row> ops;
  for (const auto& s : Arr(r, "operations")) {
    const auto& o = Obj(&s);
    ops.push_back({Cell(o, "kind"), Cell(o, "actor"), Cell(o, "created_at")});
  }
  out += "\noperations:\n" + RenderTable({"operation", "by", "at"}, ops);
  return out;
}

std::string RenderBaselineList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : Arr(Obj(&list), "items")) {
    const auto& b = Obj(&item);
    rows.push_back({Cell(b, "version"), Cell(b, "image"), Cell(Obj(b.if_contains("resources")), "replicas"),
                    Cell(b, "release_id"), Cell(b, "created_by")});
  }
  return RenderTable({"version", "image", "replicas", "release", "by"}, rows);
}

std::string RenderDiff(const json::value& holder) {
  const auto& diff = Arr(Obj(&holder), "diff");
  if (diff.empty()) return "no differences\n";
  std::vector<Row> rows;
  for (const auto& d : diff) {
    const auto& o = Obj(&d);
    rows.push_back({Cell(o, "path"), Compact(o.at("before")), Compact(o.at("after"))});
  }
  return RenderTable({"field", "before", "after"}, rows);
}

}  // namespace slipway::cli
