#pragma once
// What callers ask of lanes, parsed and checked for form at the HTTP edge
// (http/handlers/lane_input.cpp); the service checks them against the world.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/environments/environment.hpp"
#include "core/lane/lane.hpp"

namespace slipway::services {

/// One application asked for in a lane.
struct LaneAppRequest {
  std::string app;                          ///< name or id
  std::optional<std::int64_t> base_env_id;  ///< default: its base-env-type environment
  std::optional<int> replicas;
  std::vector<core::EnvVar> env;
  /// Narrows the app's business domains; nullopt: all of them.
  std::optional<std::vector<std::string>> domains;
};

/// Where a lane's notices (expiry) go: a DingTalk robot or a webhook.
struct LaneNotifyTarget {
  std::string type;  ///< dingtalk | webhook
  std::string url;
  std::string secret;
};

struct CreateLaneCommand {
  std::string name;
  std::string story_workspace;
  std::string story_id;
  std::vector<std::string> members;
  std::optional<std::string> base_env_type;
  std::optional<std::string> cluster;
  std::vector<LaneAppRequest> apps;
  core::LaneColoring coloring;
  std::optional<LaneNotifyTarget> notify;
  bool dry_run = false;
};

/// Only the fields given change. The name never does (400 if it differs).
struct EditLaneCommand {
  std::int64_t version = 0;
  std::optional<std::string> name;
  std::optional<std::string> story_workspace;
  std::optional<std::string> story_id;
  std::optional<std::vector<std::string>> members;
  std::optional<std::vector<LaneAppRequest>> apps;
  std::optional<core::LaneColoring> coloring;
  std::optional<std::optional<LaneNotifyTarget>> notify;  ///< set, or cleared with null
  bool dry_run = false;
};

}  // namespace slipway::services
