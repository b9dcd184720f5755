#include "cli/lane_requests.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>
#include <charconv>

#include "cli/failure.hpp"
#include "cli/url.hpp"

namespace slipway::cli {
namespace {

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

int PositiveInt(std::string_view text, const std::string& what) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
    throw UsageFailure(what + " must be a positive whole number, got '" + std::string(text) + "'");
  }
  return n;
}

}  // namespace

boost::json::object ParseLaneApp(std::string_view spec) {
  const std::string form = "--app takes APP[,replicas=N], got '" + std::string(spec) + "'";
  auto parts = Split(spec, ',');
  if (parts[0].empty()) throw UsageFailure(form);
  boost::json::object app{{"app", parts[0]}};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!parts[i].starts_with("replicas=") || app.contains("replicas")) throw UsageFailure(form);
    app["replicas"] = PositiveInt(parts[i].substr(9), "replicas");
  }
  return app;
}

boost::json::object ParseLaneStory(std::string_view spec) {
  auto parts = Split(spec, ':');
  if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
    throw UsageFailure("--story takes WORKSPACE:ID (the TAPD story), got '" + std::string(spec) +
                       "'");
  }
  return {{"workspace_id", parts[0]}, {"id", parts[1]}};
}

boost::json::object ParseLaneConsumer(std::string_view spec) {
  auto first = spec.find(':');
  auto second = first == std::string_view::npos ? first : spec.find(':', first + 1);
  if (second == std::string_view::npos || first == 0 || second == first + 1 ||
      second + 1 == spec.size()) {
    throw UsageFailure("--consumer takes APP:TOPIC:GROUP, got '" + std::string(spec) + "'");
  }
  return {{"app", spec.substr(0, first)},
          {"topic", spec.substr(first + 1, second - first - 1)},
          {"group", spec.substr(second + 1)}};
}

boost::json::object ParseLaneNotify(std::string_view spec) {
  const std::string form = "--notify takes dingtalk:URL[:SECRET] or webhook:URL[:SECRET], got '" +
                           std::string(spec) + "'";
  auto colon = spec.find(':');
  if (colon == std::string_view::npos) throw UsageFailure(form);
  const std::string_view type = spec.substr(0, colon);
  std::string_view url = spec.substr(colon + 1);
  if ((type != "dingtalk" && type != "webhook") || url.empty()) throw UsageFailure(form);
  boost::json::object notify{{"type", type}};
  // Past `scheme://host[:port]`, a ':' can only separate the secret.
  auto scheme = url.find("://");
  auto path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  auto last = url.rfind(':');
  if (path != std::string_view::npos && last != std::string_view::npos && last > path) {
    if (last + 1 == url.size()) throw UsageFailure(form);
    notify["secret"] = url.substr(last + 1);
    url = url.substr(0, last);
  }
  notify["url"] = url;
  return notify;
}

namespace {

boost::json::object ColoringBody(const std::vector<std::string>& producers,
                                 const std::vector<std::string>& consumers) {
  boost::json::array parsed;
  for (const auto& spec : consumers) parsed.push_back(ParseLaneConsumer(spec));
  return {{"producers", boost::json::value_from(producers)}, {"consumers", std::move(parsed)}};
}

}  // namespace

boost::json::object LaneCreateBody(const LaneCreateArgs& args) {
  if (args.apps.empty()) throw UsageFailure("give at least one --app");
  boost::json::object body{{"name", args.name}, {"story", ParseLaneStory(args.story)}};
  boost::json::array apps;
  for (const auto& spec : args.apps) apps.push_back(ParseLaneApp(spec));
  body["apps"] = std::move(apps);
  if (!args.members.empty()) body["members"] = boost::json::value_from(args.members);
  if (!args.base_env_type.empty()) body["base_env_type"] = args.base_env_type;
  if (!args.cluster.empty()) body["cluster"] = args.cluster;
  if (!args.producers.empty() || !args.consumers.empty())
    body["coloring"] = ColoringBody(args.producers, args.consumers);
  if (!args.notify.empty()) body["notify"] = ParseLaneNotify(args.notify);
  return body;
}

boost::json::object LaneEditBody(const LaneEditArgs& args) {
  boost::json::object body;
  if (!args.apps.empty()) {
    boost::json::array apps;
    for (const auto& spec : args.apps) apps.push_back(ParseLaneApp(spec));
    body["apps"] = std::move(apps);
  }
  if (!args.members.empty()) body["members"] = boost::json::value_from(args.members);
  if (!args.producers.empty() || !args.consumers.empty())
    body["coloring"] = ColoringBody(args.producers, args.consumers);
  if (body.empty())
    throw UsageFailure("nothing to edit: give --app, --member, --producer or --consumer");
  return body;
}

std::string LanePath(const std::string& name_or_id, const std::string& suffix) {
  return "/api/v1/lanes/" + PercentEncode(name_or_id) + suffix;
}

}  // namespace slipway::cli
