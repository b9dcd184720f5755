#include "cli/build_views.hpp"

#include <boost/json/object.hpp>
#include <utility>
#include <vector>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

const boost::json::object& ObjectOf(const boost::json::value* value) {
  static const boost::json::object kEmpty;
  return value && value->is_object() ? value->as_object() : kEmpty;
}

std::string Text(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value ? CellText(*value) : "-";
}

// "2m05s" from milliseconds; "-" when unknown.
std::string Duration(const boost::json::value* ms) {
  if (!ms || !ms->is_int64()) return "-";
  const auto seconds = ms->as_int64() / 1000;
  return (seconds >= 60 ? std::to_string(seconds / 60) + "m" : "") +
         (seconds % 60 < 10 && seconds >= 60 ? "0" : "") + std::to_string(seconds % 60) + "s";
}

// The Jenkins side in one line: "trade/web #12 SUCCESS" (queue item while waiting).
std::string JenkinsLine(const boost::json::object& jenkins) {
  std::string line = Text(jenkins, "job");
  const auto* number = jenkins.if_contains("build_number");
  const auto* queue = jenkins.if_contains("queue_id");
  if (number && number->is_int64()) {
    line += " #" + std::to_string(number->as_int64());
  } else if (queue && queue->is_int64()) {
    line += " (queue item " + std::to_string(queue->as_int64()) + ")";
  }
  const auto* result = jenkins.if_contains("result");
  if (result && result->is_string()) line += " " + std::string(result->as_string());
  return line;
}

}  // namespace

std::string RenderBuildList(const boost::json::value& list) {
  const auto& items = ObjectOf(&list).if_contains("items");
  std::vector<Row> rows;
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& b = ObjectOf(&item);
      rows.push_back({Text(b, "id"), Text(b, "version"), Text(b, "branch"), Text(b, "state"),
                      Text(b, "created_by"), Text(b, "created_at"),
                      Duration(b.if_contains("duration_ms")), Text(b, "digest")});
    }
  }
  return RenderTable({"id", "version", "branch", "state", "by", "created", "took", "digest"}, rows);
}

std::string RenderBuild(const boost::json::value& build) {
  const auto& b = ObjectOf(&build);
  Fields fields;
  for (const char* key : {"id", "app", "version", "branch", "state"})
    fields.emplace_back(key, Text(b, key));
  if (const auto* reason = b.if_contains("reason"); reason && !reason->is_null()) {
    fields.emplace_back("reason", CellText(*reason));
  }
  fields.emplace_back("image", Text(b, "image"));
  fields.emplace_back("digest", Text(b, "digest"));
  fields.emplace_back("commit", Text(b, "commit"));
  fields.emplace_back("jenkins", JenkinsLine(ObjectOf(b.if_contains("jenkins"))));
  fields.emplace_back("environment", Text(b, "env_id"));
  const std::string note = Text(b, "note");
  fields.emplace_back("note", note.empty() ? "-" : note);
  fields.emplace_back("started by", Text(b, "created_by"));
  if (const auto* by = b.if_contains("cancel_requested_by"); by && !by->is_null()) {
    fields.emplace_back("cancel asked by", CellText(*by));
  }
  fields.emplace_back("created", Text(b, "created_at"));
  fields.emplace_back("started", Text(b, "started_at"));
  fields.emplace_back("finished", Text(b, "finished_at"));
  fields.emplace_back("duration", Duration(b.if_contains("duration_ms")));
  fields.emplace_back("actions", Text(b, "actions"));
  std::string out = RenderFields(fields);
  if (const auto* refusals = b.if_contains("refusals");
      refusals && refusals->is_object() && !refusals->as_object().empty()) {
    Fields reasons;
    for (const auto& [action, reason] : refusals->as_object()) {
      reasons.emplace_back("  " + std::string(action), CellText(reason));
    }
    out += "refused:\n" + RenderFields(reasons);
  }
  return out;
}

std::vector<std::string> BuildProgress(const boost::json::value& before,
                                       const boost::json::value& now) {
  const auto& b = ObjectOf(&before);
  const auto& n = ObjectOf(&now);
  const std::string id = Text(n, "id"), state = Text(n, "state");
  std::vector<std::string> lines;
  if (b.empty()) {
    lines.push_back("build " + id + ": " + Text(n, "app") + " " + Text(n, "version") + " from " +
                    Text(n, "branch") + " (" + Text(n, "image") + ")");
  }
  const auto& jenkins = ObjectOf(n.if_contains("jenkins"));
  const bool numbered = jenkins.contains("build_number") && !jenkins.at("build_number").is_null();
  const bool was_numbered = ObjectOf(b.if_contains("jenkins")).contains("build_number") &&
                            !ObjectOf(b.if_contains("jenkins")).at("build_number").is_null();
  if (!b.empty() && state == Text(b, "state") && numbered == was_numbered) return lines;
  const auto* reason = n.if_contains("reason");
  const std::string why = reason && reason->is_string() ? std::string(reason->as_string()) : "";
  if (state == "succeeded") {
    lines.push_back("build " + id + " succeeded: " + Text(n, "image") + " " + Text(n, "digest"));
  } else if (state == "failed" || state == "cancelled") {
    lines.push_back("build " + id + " " + state + (why.empty() ? "" : ": " + why));
  } else {
    lines.push_back("build " + id + " " + state + " (Jenkins " + JenkinsLine(jenkins) + ")");
  }
  return lines;
}

}  // namespace slipway::cli
