#include "cli/workflow_views.hpp"

#include <boost/json/object.hpp>

#include "cli/table.hpp"

namespace slipway::cli {

std::string RenderWorkflow(const boost::json::value& workflow) {
  const auto& w = ObjectOrEmpty(&workflow);
  std::string out = "workflow " + CellAt(w, "id") + " (" + CellAt(w, "kind") + "): " + CellAt(w, "state");
  if (const auto* error = w.if_contains("error"); error && !error->is_null()) out += ": " + CellText(*error);
  if (const auto* signal = w.if_contains("waiting_for"); signal && !signal->is_null()) {
    out += " (waiting for " + CellText(*signal) + ")";
  }
  out += "\n";
  std::vector<Row> steps;
  for (const auto& item : ArrayAt(w, "steps")) {
    const auto& s = ObjectOrEmpty(&item);
    steps.push_back({CellAt(s, "index"), CellAt(s, "name"), CellAt(s, "state"), CellAt(s, "attempt"),
                     CellAt(s, "error")});
  }
  out += RenderTable({"#", "step", "state", "attempt", "error"}, steps);
  std::vector<Row> children;
  for (const auto& item : ArrayAt(w, "children")) {
    const auto& c = ObjectOrEmpty(&item);
    children.push_back({CellAt(c, "step"), CellAt(c, "kind"), CellAt(c, "subject"), CellAt(c, "state"),
                        CellAt(c, "error")});
  }
  if (!children.empty()) out += "\n" + RenderTable({"step", "child", "subject", "state", "error"}, children);
  return out;
}

}  // namespace slipway::cli
