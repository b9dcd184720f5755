#include "cli/config_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

const json::object& Obj(const json::value* v) {
  static const json::object kEmpty;
  return v && v->is_object() ? v->as_object() : kEmpty;
}

std::string Cell(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v ? CellText(*v) : "-";
}

// Content printed as is, ending with a newline so the prompt stays on its own line.
std::string Block(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().empty()) return "";
  std::string text(v->as_string());
  return "\n" + text + (text.back() == '\n' ? "" : "\n");
}

std::string Live(const json::object& file) {
  const auto& live = Obj(file.if_contains("live"));
  const auto* exists = live.if_contains("exists");
  return exists && exists->is_bool() && exists->as_bool() ? "version " + Cell(live, "version")
                                                          : "not live";
}

std::string DraftSummary(const json::value* draft) {
  if (!draft || !draft->is_object()) return "-";
  const auto& d = draft->as_object();
  return "by " + Cell(d, "updated_by") + ", based on version " + Cell(d, "base_version");
}

std::string KeyLine(const json::object& k) {
  const std::string change = Cell(k, "change"), key = Cell(k, "key");
  if (change == "added") return "+ " + key + " = " + Cell(k, "to") + "\n";
  if (change == "removed") return "- " + key + " = " + Cell(k, "from") + "\n";
  return "~ " + key + ": " + Cell(k, "from") + " → " + Cell(k, "to") + "\n";
}

}  // namespace

std::string RenderConfigFileList(const json::value& list) {
  std::vector<Row> rows;
  const auto* items = Obj(&list).if_contains("items");
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& f = Obj(&item);
      rows.push_back({Cell(f, "name"), Cell(f, "format"), Cell(f, "backend"), Live(f),
                      DraftSummary(f.if_contains("draft"))});
    }
  }
  return RenderTable({"name", "format", "backend", "live", "draft"}, rows);
}

std::string RenderConfigFile(const json::value& value) {
  const auto& f = Obj(&value);
  return RenderFields({{"file", Cell(f, "name")},
                       {"format", Cell(f, "format")},
                       {"location", Cell(f, "backend") + " " + Cell(f, "location")},
                       {"live", Live(f)},
                       {"draft", DraftSummary(f.if_contains("draft"))}}) +
         Block(Obj(f.if_contains("live")), "content");
}

std::string RenderConfigDraft(const json::value& value) {
  const auto& d = Obj(&value);
  return RenderFields({{"file", Cell(d, "file")},
                       {"draft version", Cell(d, "version")},
                       {"based on", "live version " + Cell(d, "base_version")},
                       {"updated", Cell(d, "updated_at") + " by " + Cell(d, "updated_by")}}) +
         Block(d, "content");
}

std::string RenderConfigDiff(const json::value& value) {
  const auto& d = Obj(&value);
  std::string out;
  if (const auto* stale = d.if_contains("stale"); stale && stale->is_bool() && stale->as_bool()) {
    out += "warning: the live value changed since the draft was taken (version " +
           Cell(d, "base_version") + " → " + Cell(d, "live_version") +
           "); publishing will be refused until the draft is rebased\n";
  }
  if (const auto* changed = d.if_contains("changed");
      changed && changed->is_bool() && !changed->as_bool()) {
    return out + "no changes: the draft equals the live value\n";
  }
  if (Cell(d, "kind") == "keys") {
    if (const auto* keys = d.if_contains("keys"); keys && keys->is_array()) {
      for (const auto& k : keys->as_array()) out += KeyLine(Obj(&k));
    }
    return out;
  }
  const auto* unified = d.if_contains("unified");
  return out + (unified && unified->is_string() ? std::string(unified->as_string()) : "");
}

std::string RenderConfigPublish(const json::value& value) {
  const auto& p = Obj(&value);
  const auto* written = p.if_contains("written");
  const bool was_written = !written || !written->is_bool() || written->as_bool();
  return RenderFields(
      {{"published", Cell(p, "file") + (was_written ? "" : " (already live; recorded only)")},
       {"to", Cell(p, "backend") + " " + Cell(p, "location")},
       {"version", Cell(p, "base_version") + " → " + Cell(p, "version_after")},
       {"by", Cell(p, "actor") + " at " + Cell(p, "created_at")},
       {"comment", Cell(p, "comment")}});
}

std::string RenderConfigHistory(const json::value& list) {
  std::vector<Row> rows;
  const auto* items = Obj(&list).if_contains("items");
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& p = Obj(&item);
      rows.push_back({Cell(p, "id"), Cell(p, "created_at"), Cell(p, "file"), Cell(p, "actor"),
                      Cell(p, "base_version") + " → " + Cell(p, "version_after"),
                      Cell(p, "comment")});
    }
  }
  return RenderTable({"id", "time", "file", "by", "version", "comment"}, rows);
}

}  // namespace slipway::cli
