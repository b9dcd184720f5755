#include "core/lane/lane_json.hpp"

#include <boost/json.hpp>

#include "core/common/json_path.hpp"

namespace slipway::core {

namespace json = boost::json;

namespace {

std::vector<std::string> Strings(const json::object& o, const char* key) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (!v || !v->is_array()) return out;
  for (const auto& item : v->as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

}  // namespace

json::object LaneAppOverridesToJson(const LaneAppSpec& spec) {
  json::array env;
  for (const auto& v : spec.env) env.push_back(json::object{{"name", v.name}, {"value", v.value}});
  return {{"replicas", spec.replicas ? json::value(*spec.replicas) : json::value(nullptr)},
          {"env", std::move(env)},
          {"domains", json::value_from(spec.domains)}};
}

void ReadLaneAppOverrides(const json::object& o, LaneAppSpec& spec) {
  const auto* replicas = o.if_contains("replicas");
  if (replicas && replicas->is_int64()) spec.replicas = static_cast<int>(replicas->as_int64());
  if (const auto* env = o.if_contains("env"); env && env->is_array()) {
    for (const auto& item : env->as_array()) {
      if (item.is_object())
        spec.env.push_back({core::StringAt(item.as_object(), {"name"}),
                            core::StringAt(item.as_object(), {"value"})});
    }
  }
  spec.domains = Strings(o, "domains");
}

json::object LaneColoringToJson(const LaneColoring& coloring) {
  json::array consumers;
  for (const auto& c : coloring.consumers) {
    consumers.push_back(json::object{{"app", c.app}, {"topic", c.topic}, {"group", c.group}});
  }
  return {{"producers", json::value_from(coloring.producers)}, {"consumers", std::move(consumers)}};
}

LaneColoring ReadLaneColoring(const json::object& o) {
  LaneColoring out;
  out.producers = Strings(o, "producers");
  if (const auto* consumers = o.if_contains("consumers"); consumers && consumers->is_array()) {
    for (const auto& item : consumers->as_array()) {
      if (!item.is_object()) continue;
      const auto& c = item.as_object();
      out.consumers.push_back(
          {core::StringAt(c, {"app"}), core::StringAt(c, {"topic"}), core::StringAt(c, {"group"})});
    }
  }
  return out;
}

}  // namespace slipway::core
