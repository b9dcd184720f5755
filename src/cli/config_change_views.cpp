#include "cli/config_change_views.hpp"

#include <boost/json.hpp>

#include "cli/release_views.hpp"
#include "cli/table.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

std::string Str(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

std::string Version(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? std::to_string(v->as_int64()) : "none";
}

// One file's change: "  ~ key: from → to" per key, or the unified diff indented.
std::string RenderChange(const json::object& c) {
  std::string out;
  const auto kind = Str(c, "kind");
  if (kind == "keys") {
    for (const auto& k : ArrayAt(c, "keys")) {
      const auto& key = ObjectOrEmpty(&k);
      const auto change = Str(key, "change");
      if (change == "added") out += "    + " + Str(key, "key") + "=" + Str(key, "to") + "\n";
      if (change == "removed") out += "    - " + Str(key, "key") + "=" + Str(key, "from") + "\n";
      if (change == "changed")
        out += "    ~ " + Str(key, "key") + ": " + Str(key, "from") + " → " + Str(key, "to") + "\n";
    }
  } else if (kind == "lines") {
    const auto unified = Str(c, "unified");
    std::size_t start = 0;
    while (start < unified.size()) {
      auto end = unified.find('\n', start);
      if (end == std::string::npos) end = unified.size();
      out += "    " + unified.substr(start, end - start) + "\n";
      start = end + 1;
    }
  } else {
    out += "    content over the size cap: sha256 " + Str(c, "hash_before").substr(0, 12) + " → " +
           Str(c, "hash_after").substr(0, 12) + "\n";
  }
  return out;
}

std::string RenderChanges(const json::array& changes) {
  std::string out;
  for (const auto& item : changes) {
    const auto& c = ObjectOrEmpty(&item);
    out += "  " + Str(c, "file") + " (" + Str(c, "change") + ", version " +
           Version(c, "version_before") + " → " + Version(c, "version_after") + ")\n" +
           RenderChange(c);
  }
  return out;
}

}  // namespace

std::string RenderRollbackPlan(const json::value& holder) {
  const auto& p = ObjectOrEmpty(&holder);
  std::string out = "rollback target: " + Str(p, "image") + " (scope " + Str(p, "scope") + ")\n" +
                    RenderDiff(holder);
  const auto* included = p.if_contains("config_included");
  if (!included || !included->is_bool() || !included->as_bool()) {
    return out + "config: " + Str(p, "config_note") + "\n";
  }
  out += "config (live → baseline " + CellAt(p, "baseline_version") + "):\n";
  const auto& files = ArrayAt(p, "config");
  if (files.empty()) out += "  no config files\n";
  for (const auto& item : files) {
    const auto& f = ObjectOrEmpty(&item);
    const auto action = Str(f, "action");
    out += "  " + Str(f, "file") + ": " + action + " (live version " + Version(f, "live_version") +
           ")\n";
    if (const auto* diff = f.if_contains("diff"); diff && diff->is_object())
      out += RenderChange(diff->as_object());
  }
  return out + "plan token: " + Str(p, "plan_token") + "\n";
}

std::string RenderBaselineDiff(const json::value& holder) {
  const auto& d = ObjectOrEmpty(&holder);
  std::string out = RenderDiff(holder);
  const auto* compared = d.if_contains("config_compared");
  if (!compared || !compared->is_bool() || !compared->as_bool()) {
    return out + "config: not compared (a baseline recorded no configuration)\n";
  }
  const auto& config = ArrayAt(d, "config");
  return out + (config.empty() ? "config: no differences\n" : "config:\n" + RenderChanges(config));
}

std::string RenderConfigDrift(const json::value& holder) {
  const auto& d = ObjectOrEmpty(&holder);
  const auto version = CellAt(d, "baseline_version");
  if (version == "0") return "no baseline yet\n";
  const auto* recorded = d.if_contains("config_recorded");
  if (!recorded || !recorded->is_bool() || !recorded->as_bool()) {
    return "baseline " + version + " recorded no configuration\n";
  }
  const auto& files = ArrayAt(d, "files");
  if (files.empty()) return "config unchanged since baseline " + version + "\n";
  return "config changed since baseline " + version + ":\n" + RenderChanges(files);
}

}  // namespace slipway::cli
