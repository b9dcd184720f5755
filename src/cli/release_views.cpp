#include "cli/release_views.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

std::string Compact(const json::value& v) {
  return v.is_null() ? "(none)" : v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// The step of `steps` with this index, or an empty object.
const json::object& StepAt(const json::array& steps, const json::value* index) {
  for (const auto& s : steps) {
    const auto& o = ObjectOrEmpty(&s);
    if (const auto* i = o.if_contains("index"); i && index && *i == *index) return o;
  }
  return ObjectOrEmpty(nullptr);
}

// The index of the step in state "waiting" (a paused canary's), "" when none is.
std::string WaitingStep(const json::object& release) {
  for (const auto& s : ArrayAt(release, "steps")) {
    const auto& o = ObjectOrEmpty(&s);
    if (CellAt(o, "state") == "waiting") return CellAt(o, "index");
  }
  return "";
}

std::int64_t LastOperationId(const json::object& release) {
  std::int64_t last = 0;
  for (const auto& op : ArrayAt(release, "operations")) {
    const auto* id = ObjectOrEmpty(&op).if_contains("id");
    if (id && id->is_int64()) last = std::max(last, id->as_int64());
  }
  return last;
}

std::string StateLine(const json::object& r) {
  const std::string id = CellAt(r, "id"), state = CellAt(r, "state");
  if (state == "canary") {
    return "release " + id + " is paused at a canary step, waiting for promotion: `slipway " +
           "release promote " + id + "` (or promote-all, abort)";
  }
  if (state == "completed") return "release " + id + " completed: " + CellAt(r, "image") + " runs";
  if (state == "failed") {
    const std::string error = CellAt(r, "error");
    return "release " + id + " failed" + (error.empty() || error == "-" ? "" : ": " + error);
  }
  return "release " + id + " " + state;
}

std::string OperationLine(const json::object& release, const json::object& op) {
  std::string line =
      "release " + CellAt(release, "id") + ": " + CellAt(op, "kind") + " by " + CellAt(op, "actor");
  const auto& detail = ObjectOrEmpty(op.if_contains("detail"));
  if (const auto* other = detail.if_contains("rollback_release_id"); other && other->is_int64()) {
    line += " as release " + std::to_string(other->as_int64()) + " (`slipway release wait " +
            std::to_string(other->as_int64()) + "` follows it)";
  }
  return line;
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

std::vector<std::string> ReleaseProgress(const json::value& before, const json::value& now) {
  const auto& b = ObjectOrEmpty(&before);
  const auto& n = ObjectOrEmpty(&now);
  std::vector<std::string> lines;
  if (b.empty()) {
    const auto& change = ObjectOrEmpty(n.if_contains("change"));
    lines.push_back("release " + CellAt(n, "id") + ": " + CellAt(n, "strategy") + " " +
                    CellAt(n, "kind") + " of " + CellAt(n, "image") + " to " + CellAt(n, "app") +
                    " " + CellAt(n, "env_type") + " (change " + CellAt(change, "id") + ")");
  }
  const std::int64_t seen = b.empty() ? LastOperationId(n) : LastOperationId(b);
  for (const auto& o : ArrayAt(n, "operations")) {
    const auto& op = ObjectOrEmpty(&o);
    const auto* id = op.if_contains("id");
    if (id && id->is_int64() && id->as_int64() > seen) lines.push_back(OperationLine(n, op));
  }
  const auto& old_steps = ArrayAt(b, "steps");
  for (const auto& s : ArrayAt(n, "steps")) {
    const auto& step = ObjectOrEmpty(&s);
    const auto& was = StepAt(old_steps, step.if_contains("index"));
    const std::string state = CellAt(step, "state"), message = CellAt(step, "message");
    if (state == "pending" || (state == CellAt(was, "state") && message == CellAt(was, "message")))
      continue;
    lines.push_back("  step " + CellAt(step, "index") + " " + state + ": " + CellAt(step, "name") +
                    (message.empty() || message == "-" ? "" : " — " + message));
  }
  // A canary paused again at its next step (between two readings) is news too.
  if (b.empty() || CellAt(b, "state") != CellAt(n, "state") ||
      (CellAt(n, "state") == "canary" && WaitingStep(b) != WaitingStep(n))) {
    lines.push_back(StateLine(n));
  }
  return lines;
}

std::int64_t RollbackReleaseOf(const json::value& release) {
  std::int64_t last = 0;
  for (const auto& o : ArrayAt(ObjectOrEmpty(&release), "operations")) {
    const auto& detail = ObjectOrEmpty(ObjectOrEmpty(&o).if_contains("detail"));
    if (const auto* other = detail.if_contains("rollback_release_id"); other && other->is_int64())
      last = std::max(last, other->as_int64());
  }
  return last;
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
