#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace slipway::sandbox::gitlab {

/// The facts of one simulated push.
struct PushFacts {
  std::int64_t project_id = 0;
  std::string project_path{};  ///< "group/app"
  std::string default_branch{};
  std::string instance_url{};  ///< the emulator's base URL
  std::string branch{};
  std::string before{};  ///< 40 zeros for a new branch
  std::string after{};
  std::string message{};
  std::string user_username{};
  std::string timestamp{};  ///< ISO 8601
};

/// The push-event body GitLab sends ("object_kind":"push"), with one commit.
boost::json::object PushPayload(const PushFacts& push);

/// GitLab's wildcard branch filter: "" matches every branch, '*' any run of
/// characters, everything else itself.
bool BranchFilterMatches(std::string_view filter, std::string_view branch);

/// POSTs `payload` to a hook URL with GitLab's headers (X-Gitlab-Event:
/// Push Hook, X-Gitlab-Token verbatim, event/webhook UUIDs, Idempotency-Key)
/// and returns {"hook_id","url","status"} or {"hook_id","url","error"}.
boost::json::object DeliverPush(std::int64_t hook_id, const std::string& url,
                                const std::string& token, const std::string& payload,
                                const std::string& instance_url);

}  // namespace slipway::sandbox::gitlab
