#pragma once
#include <cstdint>
#include <string>

#include "connectors/http_transport.hpp"
#include "connectors/notifier.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors::dingtalk {

struct DingTalkSettings {
  /// transport.base_url is the robot's whole webhook URL, with its
  /// access_token ("https://oapi.dingtalk.com/robot/send?access_token=…").
  TransportSettings transport;
  std::string secret;                  ///< the "加签" secret ("SEC…"); empty: unsigned robot
  int rate_limit_retries = 2;          ///< resends after errcode 130101, with backoff
  const core::Clock* clock = nullptr;  ///< for the signature timestamp; null: system clock
};

/// A DingTalk custom robot as a Notifier: a markdown message when the notice
/// has markdown, else text; mentions become `at` plus the "@mobile" text
/// DingTalk needs to render them; signed when a secret is set.
/// errcode mapping: 310000 sign/timestamp → unauthenticated, IP allow-list →
/// forbidden, keywords → invalid; 300001/300005 unknown token →
/// unauthenticated; 130101 rate limit and 90030 quota → transient (130101
/// resent); others → invalid. errmsg is kept.
class DingTalkClient final : public Notifier {
 public:
  explicit DingTalkClient(DingTalkSettings settings);
  core::Status Notify(const Notice& notice) override;

 private:
  core::Status SendOnce(const std::string& body);
  DingTalkSettings settings_;
  HttpTransport transport_;
};

/// url-encoded base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")).
std::string DingTalkSign(std::string_view secret, std::int64_t timestamp_ms);

/// The robot's JSON message for a notice.
std::string DingTalkMessage(const Notice& notice);

}  // namespace slipway::connectors::dingtalk
