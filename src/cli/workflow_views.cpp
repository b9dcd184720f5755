#include "cli/workflow_views.hpp"

#include <boost/json/object.hpp>
#include <map>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

std::string Heading(const boost::json::object& w) {
  std::string out =
      "workflow " + CellAt(w, "id") + " (" + CellAt(w, "kind") + "): " + CellAt(w, "state");
  if (const auto* error = w.if_contains("error"); error && !error->is_null())
    out += ": " + CellText(*error);
  if (const auto* signal = w.if_contains("waiting_for"); signal && !signal->is_null()) {
    out += " (waiting for " + CellText(*signal) + ")";
  }
  return out + "\n";
}

std::string Steps(const boost::json::object& w) {
  std::vector<Row> steps;
  for (const auto& item : ArrayAt(w, "steps")) {
    const auto& s = ObjectOrEmpty(&item);
    steps.push_back({CellAt(s, "index"), CellAt(s, "name"), CellAt(s, "state"),
                     CellAt(s, "attempt"), CellAt(s, "error")});
  }
  return RenderTable({"#", "step", "state", "attempt", "error"}, steps);
}

// "job (running)": the first step of a workflow that has not succeeded; "-"
// when every step has.
std::string CurrentStep(const boost::json::object& w) {
  for (const auto& item : ArrayAt(w, "steps")) {
    const auto& s = ObjectOrEmpty(&item);
    if (CellAt(s, "state") != "succeeded")
      return CellAt(s, "name") + " (" + CellAt(s, "state") + ")";
  }
  return "-";
}

// The children the parent's steps started (its summary of them); `full`
// (the children's own workflows, by id) tells the step each is at.
std::string Children(const boost::json::object& w,
                     const std::map<std::string, const boost::json::object*>& full) {
  std::vector<Row> rows;
  for (const auto& item : ArrayAt(w, "children")) {
    const auto& c = ObjectOrEmpty(&item);
    auto found = full.find(CellAt(c, "id"));
    rows.push_back({CellAt(c, "step"), CellAt(c, "kind"), CellAt(c, "subject"), CellAt(c, "state"),
                    found == full.end() ? "-" : CurrentStep(*found->second), CellAt(c, "error")});
  }
  return rows.empty()
             ? ""
             : "\n" + RenderTable({"step", "child", "subject", "state", "at", "error"}, rows);
}

}  // namespace

std::string RenderWorkflowProgress(const boost::json::value& progress) {
  const auto& p = ObjectOrEmpty(&progress);
  const auto* workflow = p.if_contains("workflow");
  if (!workflow || !workflow->is_object()) return "";
  std::map<std::string, const boost::json::object*> full;
  for (const auto& child : ArrayAt(p, "children")) {
    if (child.is_object()) full[CellAt(child.as_object(), "id")] = &child.as_object();
  }
  const auto& w = workflow->as_object();
  return Heading(w) + Steps(w) + Children(w, full);
}

}  // namespace slipway::cli
