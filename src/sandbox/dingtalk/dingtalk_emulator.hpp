#pragma once
#include <boost/json/array.hpp>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "sandbox/emulator.hpp"

namespace slipway::sandbox {

/// The robots of `slipway sandbox`'s DingTalk: a signed one and an unsigned one.
inline constexpr const char* kSandboxRobotToken = "sandbox-robot";
inline constexpr const char* kSandboxRobotSecret = "SECsandbox-dingtalk-robot-secret";
inline constexpr const char* kSandboxUnsignedRobotToken = "sandbox-robot-unsigned";

/// One robot of the emulator, by access_token.
struct DingTalkRobot {
  std::string secret;                 ///< "SEC…"; empty: unsigned robot
  std::vector<std::string> keywords;  ///< empty: no keyword check
};

struct DingTalkEmulatorOptions {
  std::map<std::string, DingTalkRobot> robots;  ///< access_token → robot
  int per_minute = 20;                          ///< DingTalk's rate limit per robot
  const core::Clock* clock = nullptr;           ///< null: system clock
};

/// DingTalk's custom robot webhook: POST /robot/send?access_token=…[&timestamp
/// &sign]. Always HTTP 200 with {errcode, errmsg}: unknown token 300001,
/// missing token 40035, signature 310000 "sign not match", timestamp beyond
/// ±1 h 310000 "invalid timestamp", missing keyword 310000, malformed message
/// 300001 "param error", more than `per_minute` messages a minute 130101.
/// Accepted messages are kept (GET /_sandbox/state → "messages").
/// Not emulated: IP allow-lists, the 10-minute throttle after a rate-limit hit,
/// interactive cards' callbacks.
class DingTalkEmulator final : public Emulator {
 public:
  explicit DingTalkEmulator(DingTalkEmulatorOptions options);
  std::string_view system() const override { return "dingtalk"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override;

 private:
  mutable std::mutex mutex_;
  DingTalkEmulatorOptions options_;
  std::map<std::string, std::deque<core::Millis>>
      recent_;  ///< token → send times in the last minute
  boost::json::array messages_;
};

/// The DingTalk of `slipway sandbox`, with its two robots.
std::unique_ptr<DingTalkEmulator> MakeSandboxDingTalk();

}  // namespace slipway::sandbox
