#include "cli/config_views.hpp"

#include <boost/json.hpp>

#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

// Content printed as is, ending with a newline so the prompt stays on its own line.
std::string Block(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().empty()) return "";
  std::string text(v->as_string());
  return "\n" + text + (text.back() == '\n' ? "" : "\n");
}

std::string Live(const json::object& file) {
  const auto& live = ObjectOrEmpty(file.if_contains("live"));
  const auto* exists = live.if_contains("exists");
  return exists && exists->is_bool() && exists->as_bool() ? "version " + CellAt(live, "version")
                                                          : "not live";
}

std::string DraftSummary(const json::value* draft) {
  if (!draft || !draft->is_object()) return "-";
  const auto& d = draft->as_object();
  return "by " + CellAt(d, "updated_by") + ", based on version " + CellAt(d, "base_version");
}

std::string KeyLine(const json::object& k) {
  const std::string change = CellAt(k, "change"), key = CellAt(k, "key");
  if (change == "added") return "+ " + key + " = " + CellAt(k, "to") + "\n";
  if (change == "removed") return "- " + key + " = " + CellAt(k, "from") + "\n";
  return "~ " + key + ": " + CellAt(k, "from") + " → " + CellAt(k, "to") + "\n";
}

}  // namespace

std::string RenderConfigFileList(const json::value& list) {
  std::vector<Row> rows;
  const auto* items = ObjectOrEmpty(&list).if_contains("items");
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& f = ObjectOrEmpty(&item);
      rows.push_back({CellAt(f, "name"), CellAt(f, "format"), CellAt(f, "backend"), Live(f),
                      DraftSummary(f.if_contains("draft"))});
    }
  }
  return RenderTable({"name", "format", "backend", "live", "draft"}, rows);
}

std::string RenderConfigFile(const json::value& value) {
  const auto& f = ObjectOrEmpty(&value);
  return RenderFields({{"file", CellAt(f, "name")},
                       {"format", CellAt(f, "format")},
                       {"location", CellAt(f, "backend") + " " + CellAt(f, "location")},
                       {"live", Live(f)},
                       {"draft", DraftSummary(f.if_contains("draft"))}}) +
         Block(ObjectOrEmpty(f.if_contains("live")), "content");
}

std::string RenderConfigDraft(const json::value& value) {
  const auto& d = ObjectOrEmpty(&value);
  return RenderFields({{"file", CellAt(d, "file")},
                       {"draft version", CellAt(d, "version")},
                       {"based on", "live version " + CellAt(d, "base_version")},
                       {"updated", CellAt(d, "updated_at") + " by " + CellAt(d, "updated_by")}}) +
         Block(d, "content");
}

std::string RenderConfigDiff(const json::value& value) {
  const auto& d = ObjectOrEmpty(&value);
  std::string out;
  if (const auto* stale = d.if_contains("stale"); stale && stale->is_bool() && stale->as_bool()) {
    out += "warning: the live value changed since the draft was taken (version " +
           CellAt(d, "base_version") + " → " + CellAt(d, "live_version") +
           "); publishing will be refused until the draft is rebased\n";
  }
  if (const auto* changed = d.if_contains("changed");
      changed && changed->is_bool() && !changed->as_bool()) {
    return out + "no changes: the draft equals the live value\n";
  }
  if (CellAt(d, "kind") == "keys") {
    if (const auto* keys = d.if_contains("keys"); keys && keys->is_array()) {
      for (const auto& k : keys->as_array()) out += KeyLine(ObjectOrEmpty(&k));
    }
    return out;
  }
  const auto* unified = d.if_contains("unified");
  return out + (unified && unified->is_string() ? std::string(unified->as_string()) : "");
}

std::string RenderConfigPublish(const json::value& value) {
  const auto& p = ObjectOrEmpty(&value);
  const auto* written = p.if_contains("written");
  const bool was_written = !written || !written->is_bool() || written->as_bool();
  if (CellAt(p, "action") == "delete") {
    return RenderFields(
        {{"deleted", CellAt(p, "file") + (was_written ? "" : " (already gone; recorded only)")},
         {"from", CellAt(p, "backend") + " " + CellAt(p, "location")},
         {"version", CellAt(p, "base_version") + " → deleted"},
         {"by", CellAt(p, "actor") + " at " + CellAt(p, "created_at")},
         {"comment", CellAt(p, "comment")}});
  }
  return RenderFields(
      {{"published", CellAt(p, "file") + (was_written ? "" : " (already live; recorded only)")},
       {"to", CellAt(p, "backend") + " " + CellAt(p, "location")},
       {"version", CellAt(p, "base_version") + " → " + CellAt(p, "version_after")},
       {"by", CellAt(p, "actor") + " at " + CellAt(p, "created_at")},
       {"comment", CellAt(p, "comment")}});
}

std::string RenderConfigHistory(const json::value& list) {
  std::vector<Row> rows;
  const auto* items = ObjectOrEmpty(&list).if_contains("items");
  if (items && items->is_array()) {
    for (const auto& item : items->as_array()) {
      const auto& p = ObjectOrEmpty(&item);
      const std::string after =
          CellAt(p, "action") == "delete" ? "deleted" : CellAt(p, "version_after");
      rows.push_back({CellAt(p, "id"), CellAt(p, "created_at"), CellAt(p, "file"),
                      CellAt(p, "actor"), CellAt(p, "base_version") + " → " + after,
                      CellAt(p, "comment")});
    }
  }
  return RenderTable({"id", "time", "file", "by", "version", "comment"}, rows);
}

std::string RenderConfigDeletePreview(const json::value& value) {
  const auto& f = ObjectOrEmpty(&value);
  const auto& live = ObjectOrEmpty(f.if_contains("live"));
  return "would delete " + CellAt(f, "name") + " (live version " + CellAt(live, "version") +
         ") from " + CellAt(f, "backend") + " " + CellAt(f, "location") + Block(live, "content") +
         "\ndelete it with --yes --version " + CellAt(live, "version") +
         " (refused if it changes meanwhile)\n";
}

}  // namespace slipway::cli
