#include "http/handlers/config_change_views.hpp"

#include <boost/json.hpp>

namespace slipway::http {

namespace json = boost::json;

namespace {

json::value SideInt(const core::ConfigSide& side) {
  return side ? json::value(side->version) : json::value(nullptr);
}
json::value SideHash(const core::ConfigSide& side) {
  return side ? json::value(side->hash) : json::value(nullptr);
}

}  // namespace

json::object ConfigChangeJson(const core::ConfigFileChange& c) {
  json::object out{{"file", c.name},
                   {"change", core::ConfigChangeKind(c)},
                   {"version_before", SideInt(c.before)},
                   {"version_after", SideInt(c.after)},
                   {"hash_before", SideHash(c.before)},
                   {"hash_after", SideHash(c.after)},
                   {"content_known", c.content_known}};
  if (!c.content_known) {
    out["kind"] = "hash";  // a side was over the size cap: only its hash is known
  } else if (c.by_key) {
    out["kind"] = "keys";
    json::array keys;
    for (const auto& k : c.keys) {
      json::object o{{"key", k.key}, {"change", !k.from ? "added" : !k.to ? "removed" : "changed"}};
      if (k.from) o["from"] = *k.from;
      if (k.to) o["to"] = *k.to;
      keys.push_back(std::move(o));
    }
    out["keys"] = std::move(keys);
  } else {
    out["kind"] = "lines";
    out["unified"] = c.unified;
    json::array lines;
    for (const auto& l : c.lines) {
      const char* op = l.op == core::LineOp::kSame    ? "same"
                       : l.op == core::LineOp::kAdded ? "added"
                                                      : "removed";
      lines.push_back({{"op", op}, {"text", l.text}});
    }
    out["lines"] = std::move(lines);
  }
  return out;
}

json::array ConfigChangesJson(const std::vector<core::ConfigFileChange>& changes) {
  json::array out;
  for (const auto& c : changes) out.push_back(ConfigChangeJson(c));
  return out;
}

}  // namespace slipway::http
