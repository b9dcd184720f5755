#include "services/config/config_diff_view.hpp"

#include <boost/json.hpp>

#include "core/config/properties.hpp"

namespace slipway::services {

namespace {

boost::json::array KeysJson(const std::vector<core::KeyChange>& keys) {
  boost::json::array out;
  for (const auto& k : keys) {
    boost::json::object o{{"key", k.key},
                          {"change", !k.from ? "added"
                                     : !k.to ? "removed"
                                             : "changed"}};
    if (k.from) o["from"] = *k.from;
    if (k.to) o["to"] = *k.to;
    out.push_back(std::move(o));
  }
  return out;
}

boost::json::array LinesJson(const std::vector<core::DiffLine>& lines) {
  boost::json::array out;
  for (const auto& l : lines) {
    const char* op = l.op == core::LineOp::kSame    ? "same"
                     : l.op == core::LineOp::kAdded ? "added"
                                                    : "removed";
    out.push_back({{"op", op}, {"text", l.text}});
  }
  return out;
}

}  // namespace

ConfigDiff DiffOf(const std::string& name, const store::ConfigDraft& draft, const LiveFile& live) {
  ConfigDiff d;
  d.name = name;
  d.format = core::ConfigFormatOf(name);
  d.base_version = draft.base_version;
  d.live_version = live.version;
  d.live_exists = live.exists;
  d.stale = live.version != draft.base_version;
  if (d.format == core::ConfigFormat::kProperties) {
    auto from = core::ParseProperties(live.content);
    auto to = core::ParseProperties(draft.content);
    if (from.ok() && to.ok()) {
      d.by_key = true;
      d.keys = core::DiffKeys(core::PropertiesMap(*from), core::PropertiesMap(*to));
      // Creating a file is a change even when it holds no key.
      d.changed = !d.keys.empty() || !live.exists;
      return d;
    }
  }
  d.lines = core::DiffLines(live.content, draft.content);
  d.unified = core::UnifiedDiff(d.lines, "live", "draft");
  d.changed = core::HasChanges(d.lines) || !live.exists;
  return d;
}

ConfigDiff DeletionDiff(const LiveFile& live) {
  ConfigDiff d;
  d.name = live.name;
  d.format = core::ConfigFormatOf(live.name);
  d.base_version = d.live_version = live.version;
  d.live_exists = live.exists;
  d.changed = live.exists;
  if (d.format == core::ConfigFormat::kProperties) {
    if (auto from = core::ParseProperties(live.content); from.ok()) {
      d.by_key = true;
      d.keys = core::DiffKeys(core::PropertiesMap(*from), {});
      return d;
    }
  }
  d.lines = core::DiffLines(live.content, "");
  d.unified = core::UnifiedDiff(d.lines, "live", "/dev/null");
  return d;
}

boost::json::object ConfigDiffJson(const ConfigDiff& d) {
  boost::json::object out{{"file", d.name},
                          {"format", core::ConfigFormatName(d.format)},
                          {"base_version", d.base_version},
                          {"live_version", d.live_version},
                          {"live_exists", d.live_exists},
                          {"stale", d.stale},
                          {"changed", d.changed},
                          {"kind", d.by_key ? "keys" : "lines"}};
  if (d.by_key) {
    out["keys"] = KeysJson(d.keys);
  } else {
    out["unified"] = d.unified;
    out["lines"] = LinesJson(d.lines);
  }
  return out;
}

}  // namespace slipway::services
