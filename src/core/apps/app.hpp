#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"

namespace slipway::core {

enum class AppType { kSelfDeveloped, kCommercial, kEmpty };
enum class AppLevel { kCore, kNonCore, kEdge };
enum class AppStatus {
  kUnderReview,
  kRejected,
  kPendingOnline,
  kOnline,
  kPendingOffline,
  kOffline
};

std::string_view AppTypeName(AppType t);
std::optional<AppType> ParseAppType(std::string_view s);
std::string_view AppLevelName(AppLevel l);
std::optional<AppLevel> ParseAppLevel(std::string_view s);
std::string_view AppStatusName(AppStatus s);
std::optional<AppStatus> ParseAppStatus(std::string_view s);

struct Port {
  std::string name;
  int port = 0;
  std::string protocol = "TCP";
};

/// How the platform checks that an instance is healthy: an HTTP GET of
/// `path` on `port`, a TCP connect to `port`, or running `command`.
struct HealthCheck {
  std::string type;  ///< "http" | "tcp" | "exec"
  std::string path;
  int port = 0;
  std::string command;
};

/// What must be completed after approval before an application can be released (R-APP-3).
struct AppDetails {
  std::string build_job;  ///< Jenkins job path (self_developed)
  std::vector<Port> ports;
  std::optional<HealthCheck> health_check;
  std::string vendor_image;  ///< image repository released as is (commercial)
  /// External business domains ("web", "app"): a lane gives each one the
  /// name `<domain>-<lane>.<suffix>` (R-LANE-6). Optional.
  std::vector<std::string> business_domains;
};

struct App {
  std::int64_t id = 0;
  std::string name;
  std::string team;
  /// The first owner member by name (read from membership, never stored apart).
  std::string owner;
  AppType type = AppType::kSelfDeveloped;
  AppLevel level = AppLevel::kNonCore;
  std::string description;
  std::string repo_url;
  AppStatus status = AppStatus::kUnderReview;
  std::string status_reason;  ///< why it was rejected or taken offline
  /// The status an offline request came from, restored when it is cancelled.
  std::optional<AppStatus> offline_from;
  AppDetails details;
  std::vector<std::string> approvers;  ///< members with the approver role
  Millis created_at = 0;
  Millis updated_at = 0;
  std::int64_t version = 1;
};

/// Fields still missing before the application can be released, as dotted
/// paths ("repo_url", "details.build_job", …). Empty when complete.
std::vector<std::string> MissingFields(const App& app);

}  // namespace slipway::core
