#include "sandbox/dingtalk/dingtalk_emulator.hpp"

#include <boost/json.hpp>

#include "connectors/dingtalk/client.hpp"
#include "connectors/webhook/hmac.hpp"
#include "core/common/json_path.hpp"

namespace slipway::sandbox {

namespace {

const core::SystemClock kSystemClock;

http::Response Reply(std::int64_t code, std::string message) {
  return http::Response::Json(
      200, boost::json::object{{"errcode", code}, {"errmsg", std::move(message)}});
}

// The text a keyword must appear in, or nullopt when the message is malformed.
std::optional<std::string> MessageText(const boost::json::object& m, std::string& msgtype,
                                       std::string& title) {
  const auto* type = m.if_contains("msgtype");
  if (!type || !type->is_string()) return std::nullopt;
  msgtype = std::string(type->as_string());
  if (msgtype == "text") {
    auto content = core::StringAt(m, {"text", "content"});
    if (content.empty()) return std::nullopt;
    return content;
  }
  if (msgtype == "markdown" || msgtype == "link" || msgtype == "actionCard") {
    title = core::StringAt(m, {msgtype, "title"});
    auto text = core::StringAt(m, {msgtype, "text"});
    if (title.empty() || text.empty()) return std::nullopt;
    return title + "\n" + text;
  }
  return std::nullopt;
}

}  // namespace

DingTalkEmulator::DingTalkEmulator(DingTalkEmulatorOptions options) : options_(std::move(options)) {
  if (!options_.clock) options_.clock = &kSystemClock;
}

http::Response DingTalkEmulator::Handle(http::Request& request) {
  if (request.path != "/robot/send" || request.method != "POST") {
    return http::Response::Json(404,
                                boost::json::object{{"errcode", 404}, {"errmsg", "not found"}});
  }
  const auto token = request.Query("access_token");
  if (!token || token->empty()) return Reply(40035, "缺少参数 access_token");
  std::lock_guard lock(mutex_);
  auto robot = options_.robots.find(*token);
  if (robot == options_.robots.end()) return Reply(300001, "token is not exist");
  const core::Millis now = options_.clock->Now();
  if (!robot->second.secret.empty()) {
    const auto timestamp = request.Query("timestamp").value_or("");
    const auto sign = request.Query("sign").value_or("");  // already URL-decoded by the server
    std::int64_t ts = 0;
    try {
      ts = std::stoll(timestamp);
    } catch (...) {
      return Reply(310000, "invalid timestamp");
    }
    if (std::llabs(now - ts) > 3'600'000) return Reply(310000, "invalid timestamp");
    const std::string expected = connectors::Base64Encode(
        connectors::HmacSha256(robot->second.secret, timestamp + "\n" + robot->second.secret));
    if (!connectors::ConstantTimeEquals(expected, sign)) return Reply(310000, "sign not match");
  }
  boost::system::error_code ec;
  auto body = boost::json::parse(request.body, ec);
  if (ec || !body.is_object()) return Reply(300001, "param error");
  std::string msgtype, title;
  auto text = MessageText(body.as_object(), msgtype, title);
  if (!text) return Reply(300001, "param error");
  const auto& keywords = robot->second.keywords;
  if (!keywords.empty() && std::none_of(keywords.begin(), keywords.end(), [&](const auto& k) {
        return text->find(k) != std::string::npos;
      })) {
    return Reply(310000, "keywords not in content");
  }
  auto& recent = recent_[*token];
  while (!recent.empty() && recent.front() <= now - 60'000) recent.pop_front();
  if (static_cast<int>(recent.size()) >= options_.per_minute) {
    return Reply(130101, "send too fast, exceed 20 times per minute");
  }
  recent.push_back(now);
  boost::json::object kept{{"access_token", *token},
                           {"msgtype", msgtype},
                           {"title", title},
                           {"text", *text},
                           {"received_ms", now}};
  if (const auto* at = body.as_object().if_contains("at")) kept["at"] = *at;
  messages_.push_back(std::move(kept));
  return Reply(0, "ok");
}

boost::json::value DingTalkEmulator::State() const {
  std::lock_guard lock(mutex_);
  boost::json::array robots;
  for (const auto& [token, robot] : options_.robots) {
    robots.push_back({{"access_token", token}, {"signed", !robot.secret.empty()}});
  }
  return boost::json::object{{"robots", std::move(robots)}, {"messages", messages_}};
}

void DingTalkEmulator::Reset() {
  std::lock_guard lock(mutex_);
  recent_.clear();
  messages_.clear();
}

std::unique_ptr<DingTalkEmulator> MakeSandboxDingTalk() {
  DingTalkEmulatorOptions options;
  options.robots[kSandboxRobotToken] = {kSandboxRobotSecret, {}};
  options.robots[kSandboxUnsignedRobotToken] = {"", {}};
  return std::make_unique<DingTalkEmulator>(options);
}

}  // namespace slipway::sandbox
