#include "cli/release_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

std::string Compact(const json::value& v) {
  return v.is_null() ? "(none)" : v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

}  // namespace

std::string RenderReleaseList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& r = ObjectOrEmpty(&item);
    rows.push_back({CellAt(r, "id"), CellAt(r, "app"), CellAt(r, "env_type"), CellAt(r, "kind"),
                    CellAt(r, "strategy"), CellAt(r, "state"), CellAt(r, "image"),
                    CellAt(r, "started_by")});
  }
  return RenderTable({"id", "app", "env", "kind", "strategy", "state", "image", "by"}, rows);
}

std::string RenderRelease(const json::value& release) {
  const auto& r = ObjectOrEmpty(&release);
  const auto& change = ObjectOrEmpty(r.if_contains("change"));
  std::vector<std::pair<std::string, std::string>> f;
  for (const char* key :
       {"id", "app", "env_type", "kind", "strategy", "state", "image", "image_before"}) {
    f.emplace_back(key, CellAt(r, key));
  }
  f.emplace_back("change", CellAt(change, "id") + " (" + CellAt(change, "type") + ", " +
                               CellAt(change, "state") + ")");
  if (const auto* error = r.if_contains("error");
      error && error->is_string() && !error->as_string().empty()) {
    f.emplace_back("error", std::string(error->as_string()));
  }
  f.emplace_back("actions", CellAt(r, "actions"));
  std::string out = RenderFields(f);
  std::vector<Row> steps;
  for (const auto& s : ArrayAt(r, "steps")) {
    const auto& o = ObjectOrEmpty(&s);
    steps.push_back(
        {CellAt(o, "index"), CellAt(o, "state"), CellAt(o, "name"), CellAt(o, "message")});
  }
  out += "\nsteps:\n" + RenderTable({"#", "state", "step", "message"}, steps);
  std::vector<Row> ops;
  for (const auto& s : ArrayAt(r, "operations")) {
    const auto& o = ObjectOrEmpty(&s);
    ops.push_back({CellAt(o, "kind"), CellAt(o, "actor"), CellAt(o, "created_at")});
  }
  out += "\noperations:\n" + RenderTable({"operation", "by", "at"}, ops);
  return out;
}

std::string RenderBaselineList(const json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(ObjectOrEmpty(&list), "items")) {
    const auto& b = ObjectOrEmpty(&item);
    rows.push_back({CellAt(b, "version"), CellAt(b, "image"),
                    CellAt(ObjectOrEmpty(b.if_contains("resources")), "replicas"),
                    CellAt(b, "release_id"), CellAt(b, "created_by")});
  }
  return RenderTable({"version", "image", "replicas", "release", "by"}, rows);
}

std::string RenderDiff(const json::value& holder) {
  const auto& diff = ArrayAt(ObjectOrEmpty(&holder), "diff");
  if (diff.empty()) return "no differences\n";
  std::vector<Row> rows;
  for (const auto& d : diff) {
    const auto& o = ObjectOrEmpty(&d);
    rows.push_back({CellAt(o, "path"), Compact(o.at("before")), Compact(o.at("after"))});
  }
  return RenderTable({"field", "before", "after"}, rows);
}

}  // namespace slipway::cli
