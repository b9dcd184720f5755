#pragma once
// Settings of swimlanes (`lanes:` in the configuration, docs/configuration.md).
#include <string>
#include <vector>

#include "core/lane/lane_expiry.hpp"
#include "core/lane/lane_rewrite.hpp"

namespace slipway::services {

struct LaneSettings {
  /// The env type lanes copy their applications from (QA/integration).
  std::string base_env_type = "test";
  /// The cluster lanes run on; "" with one cluster registered: that one.
  std::string cluster;
  /// External names are `<business-domain>-<lane>.<domain_suffix>`; also
  /// `{suffix}` in the rewrite rules.
  std::string domain_suffix = "lanes.example.com";
  /// What the lanes' DNS A records point at: the ingress controller's address.
  std::string ingress_address = "127.0.0.1";
  /// Rewrites of the base configuration (R-LANE-7).
  std::vector<core::RewriteRule> rewrite_rules = core::DefaultRewriteRules();
  core::LaneExpirySettings expiry;
  /// The address GitLab posts push events to: Slipway's `/hooks/gitlab` as
  /// GitLab reaches it ("": `<server address>/hooks/gitlab`).
  std::string hook_url;
  /// Delete a lane's images from the registry with the lane (unless a
  /// baseline names them).
  bool delete_images = true;
  /// Keep the `feature/<lane>` branches when a lane is deleted.
  bool keep_branches = true;
  /// How long DELETE /lanes/{id} waits for the deletion before it answers
  /// with the steps still running.
  std::int64_t delete_wait_ms = 30'000;
  /// How often a lane's jobs are looked at for builds started in Jenkins by hand.
  std::int64_t follow_interval_ms = 15'000;
  /// Where the expiry notices of a lane without a channel of its own go
  /// (`lanes.notify`): a DingTalk group robot. No url: nowhere.
  struct NoticeChannel {
    std::string type = "dingtalk";  ///< dingtalk | webhook
    std::string url;                ///< the robot's whole webhook URL, with its access_token
    std::string secret;             ///< the robot's signing secret; "" for none
  };
  NoticeChannel notify;
};

}  // namespace slipway::services
