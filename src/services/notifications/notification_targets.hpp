#pragma once
// Notification targets as people write them (PUT …/notifications): reading
// and checking the body, and masking URLs that carry credentials.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::services {

inline constexpr std::size_t kMaxNotificationTargets = 20;

/// One target of a PUT body, checked for shape.
struct TargetSpec {
  std::string name;  ///< DNS label, unique in the body
  std::string type;  ///< dingtalk | webhook
  /// Absent: keep the stored URL of the target of this name (URLs are never
  /// shown back, so a client cannot resend them).
  std::optional<std::string> url;
  /// Absent: keep the stored secret; "" (or null): remove it.
  std::optional<std::string> secret;
  std::vector<std::string> kinds;  ///< notice kind names; every kind when the body names none
};

/// Reads {"targets": [{name, type, url?, secret?, kinds?}, …]}. Errors name
/// the field ("targets[1].url").
core::Result<std::vector<TargetSpec>> ParseTargetSpecs(const boost::json::object& body);

/// The rule a target URL breaks, or nullopt: http(s), a host, no blanks,
/// at most 2048 characters; a DingTalk robot's URL carries its access_token.
std::optional<std::string> CheckTargetUrl(std::string_view type, std::string_view url);

/// The URL as it may be shown: user info dropped, query values and long
/// path segments (tokens) reduced to "…" and their last four characters.
std::string MaskUrl(std::string_view url);

}  // namespace slipway::services
