#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::cli {

// Command-line arguments of the `lane` commands turned into API requests.
// Pure, so the mapping is tested without a server. Parsers throw Failure
// (usage) naming the expected notation.

/// `APP[,replicas=N]` → {"app":APP[,"replicas":N]}.
boost::json::object ParseLaneApp(std::string_view spec);

/// `WORKSPACE:ID` → {"workspace_id":WORKSPACE,"id":ID}.
boost::json::object ParseLaneStory(std::string_view spec);

/// `APP:TOPIC:GROUP` → {"app","topic","group"}. The group is everything after
/// the second ':', so it may hold ':' itself.
boost::json::object ParseLaneConsumer(std::string_view spec);

/// `dingtalk:URL[:SECRET]` or `webhook:URL[:SECRET]` → {"type","url"[,"secret"]}.
/// The secret is what follows the last ':' after the start of the URL's path
/// (its first '/' after `scheme://`), so a port in the URL is not taken for
/// one; a URL without a path therefore carries no secret.
boost::json::object ParseLaneNotify(std::string_view spec);

struct LaneCreateArgs {
  std::string name, story;
  std::vector<std::string> apps, members, producers, consumers;
  std::string base_env_type, cluster, notify;  ///< "" when not given
};

/// Body of POST /lanes: optional fields only when given.
boost::json::object LaneCreateBody(const LaneCreateArgs& args);

struct LaneEditArgs {
  std::vector<std::string> apps;     ///< replaces the lane's applications when given
  std::vector<std::string> members;  ///< replaces the lane's members when given
  /// Together replace the lane's coloring when either is given.
  std::vector<std::string> producers, consumers;
};

/// Body of PATCH /lanes/{id} without the version (the caller adds the one it
/// read). Throws Failure (usage) when nothing is to change.
boost::json::object LaneEditBody(const LaneEditArgs& args);

/// Path of a lane by name or id, or of one of its sub-resources (`suffix`
/// starts with '/'); the reference is percent-encoded.
std::string LanePath(const std::string& name_or_id, const std::string& suffix = "");

}  // namespace slipway::cli
