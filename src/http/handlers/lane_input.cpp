#include "http/handlers/lane_input.hpp"

#include <boost/json.hpp>

#include "core/common/field_reader.hpp"
#include "core/environments/env_spec_json.hpp"

namespace slipway::http {

namespace json = boost::json;
using core::FieldReader;

namespace {

constexpr std::size_t kMaxApps = 100;
constexpr std::size_t kMaxMembers = 100;

// The array at `key`, or nullptr (absent, or not an array: then a failure).
const json::array* Array(const json::object& o, FieldReader& r, const char* key,
                         std::size_t max_items) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    r.Fail(key, "must be an array");
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    r.Fail(key, "must have at most " + std::to_string(max_items) + " entries");
    return nullptr;
  }
  return &v->as_array();
}

const json::object* Object(const json::value& v, FieldReader& r, const std::string& path) {
  if (!v.is_object()) {
    r.Fail(path, "must be an object");
    return nullptr;
  }
  return &v.as_object();
}

std::optional<std::vector<std::string>> Strings(const json::object& o, FieldReader& r,
                                                const char* key, std::size_t max_items,
                                                std::size_t max_length) {
  const auto* a = Array(o, r, key, max_items);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const auto& item = (*a)[i];
    std::string path = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string() || item.as_string().empty() || item.as_string().size() > max_length) {
      r.Fail(path,
             "must be a non-empty string of at most " + std::to_string(max_length) + " characters");
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

std::optional<services::LaneAppRequest> ReadApp(const json::object& o, FieldReader& parent,
                                                const std::string& path) {
  FieldReader r(o, parent.Path(path + "."));
  r.RejectUnknown({"app", "base_env_id", "replicas", "env", "domains"});
  services::LaneAppRequest app;
  app.app = r.String("app", 128, true).value_or("");
  app.base_env_id = r.Int("base_env_id", 1, INT64_MAX);
  if (auto n = r.Int("replicas", core::kMinReplicas, core::kMaxReplicas))
    app.replicas = static_cast<int>(*n);
  if (r.ok() && o.contains("env")) {
    // The same rules as an environment's variables.
    auto spec = core::ParseEnvSpec(json::object{{"env", o.at("env")}});
    if (!spec.ok()) {
      std::string field = spec.error().details.contains("field")
                              ? std::string(spec.error().details.at("field").as_string())
                              : "env";
      r.Fail(field, std::string(spec.error().details.contains("rule")
                                    ? spec.error().details.at("rule").as_string()
                                    : json::string("is not valid")));
    } else {
      app.env = spec->env;
    }
  }
  if (r.ok()) app.domains = Strings(o, r, "domains", 20, 20);
  parent.Absorb(r);
  if (!parent.ok()) return std::nullopt;
  return app;
}

std::optional<std::vector<services::LaneAppRequest>> ReadApps(const json::object& body,
                                                              FieldReader& r) {
  const auto* a = Array(body, r, "apps", kMaxApps);
  if (!a) return std::nullopt;
  std::vector<services::LaneAppRequest> apps;
  for (std::size_t i = 0; i < a->size() && r.ok(); ++i) {
    std::string path = "apps[" + std::to_string(i) + "]";
    const auto* o = Object((*a)[i], r, path);
    if (!o) break;
    if (auto app = ReadApp(*o, r, path)) apps.push_back(std::move(*app));
  }
  return apps;
}

std::optional<core::LaneColoring> ReadColoring(const json::object& body, FieldReader& parent) {
  const auto* v = body.if_contains("coloring");
  if (!v || v->is_null()) return std::nullopt;
  const auto* o = Object(*v, parent, "coloring");
  if (!o) return std::nullopt;
  FieldReader r(*o, parent.Path("coloring."));
  r.RejectUnknown({"producers", "consumers"});
  core::LaneColoring coloring;
  coloring.producers =
      Strings(*o, r, "producers", kMaxApps, 128).value_or(std::vector<std::string>{});
  if (const auto* consumers = r.ok() ? Array(*o, r, "consumers", 200) : nullptr) {
    for (std::size_t i = 0; i < consumers->size() && r.ok(); ++i) {
      std::string path = "consumers[" + std::to_string(i) + "]";
      const auto* c = Object((*consumers)[i], r, path);
      if (!c) break;
      FieldReader cr(*c, r.Path(path + "."));
      cr.RejectUnknown({"app", "topic", "group"});
      core::LaneConsumer consumer;
      consumer.app = cr.String("app", 128, true).value_or("");
      consumer.topic = cr.String("topic", 249, true).value_or("");
      consumer.group = cr.String("group", 200, true).value_or("");
      r.Absorb(cr);
      coloring.consumers.push_back(std::move(consumer));
    }
  }
  parent.Absorb(r);
  return coloring;
}

std::optional<services::LaneNotifyTarget> ReadNotify(const json::value& v, FieldReader& parent) {
  const auto* o = Object(v, parent, "notify");
  if (!o) return std::nullopt;
  FieldReader r(*o, parent.Path("notify."));
  r.RejectUnknown({"type", "url", "secret"});
  services::LaneNotifyTarget t;
  t.type = r.String("type", 16, true).value_or("");
  t.url = r.String("url", 1024, true).value_or("");
  t.secret = r.String("secret", 256).value_or("");
  if (r.ok() && t.type != "dingtalk" && t.type != "webhook")
    r.Fail("type", "must be dingtalk or webhook");
  if (r.ok() && !t.url.starts_with("https://") && !t.url.starts_with("http://")) {
    r.Fail("url", "must be an http(s) address");
  }
  parent.Absorb(r);
  return t;
}

void ReadStory(const json::object& body, FieldReader& parent, bool required,
               std::optional<std::string>& workspace, std::optional<std::string>& id) {
  const auto* v = body.if_contains("story");
  if (!v || v->is_null()) {
    if (required) parent.Fail("story", "is required (the TAPD story the lane works on)");
    return;
  }
  const auto* o = Object(*v, parent, "story");
  if (!o) return;
  FieldReader r(*o, parent.Path("story."));
  r.RejectUnknown({"workspace_id", "id"});
  workspace = r.String("workspace_id", 32, true);
  id = r.String("id", 32, true);
  parent.Absorb(r);
}

}  // namespace

core::Result<services::CreateLaneCommand> ParseCreateLane(const json::object& body) {
  FieldReader r(body);
  r.RejectUnknown(
      {"name", "story", "members", "base_env_type", "cluster", "apps", "coloring", "notify"});
  services::CreateLaneCommand cmd;
  cmd.name = r.String("name", 64, true).value_or("");
  std::optional<std::string> workspace, id;
  if (r.ok()) ReadStory(body, r, true, workspace, id);
  cmd.story_workspace = workspace.value_or("");
  cmd.story_id = id.value_or("");
  if (r.ok())
    cmd.members = Strings(body, r, "members", kMaxMembers, 64).value_or(std::vector<std::string>{});
  cmd.base_env_type = r.String("base_env_type", 32);
  cmd.cluster = r.String("cluster", 128);
  if (r.ok()) cmd.apps = ReadApps(body, r).value_or(std::vector<services::LaneAppRequest>{});
  if (r.ok() && !body.contains("apps")) r.Fail("apps", "is required");
  if (r.ok()) cmd.coloring = ReadColoring(body, r).value_or(core::LaneColoring{});
  if (r.ok() && body.contains("notify") && !body.at("notify").is_null())
    cmd.notify = ReadNotify(body.at("notify"), r);
  if (!r.ok()) return r.error();
  return cmd;
}

core::Result<services::EditLaneCommand> ParseEditLane(const json::object& body) {
  FieldReader r(body);
  r.RejectUnknown({"version", "name", "story", "members", "apps", "coloring", "notify"});
  services::EditLaneCommand cmd;
  cmd.version = r.Int("version", 1, INT64_MAX, true).value_or(0);
  cmd.name = r.String("name", 64);
  if (r.ok()) ReadStory(body, r, false, cmd.story_workspace, cmd.story_id);
  if (r.ok()) cmd.members = Strings(body, r, "members", kMaxMembers, 64);
  if (r.ok()) cmd.apps = ReadApps(body, r);
  if (r.ok()) cmd.coloring = ReadColoring(body, r);
  if (r.ok() && body.contains("notify")) {
    const auto& v = body.at("notify");
    cmd.notify = v.is_null() ? std::optional<services::LaneNotifyTarget>() : ReadNotify(v, r);
  }
  if (!r.ok()) return r.error();
  return cmd;
}

}  // namespace slipway::http
