#include "connectors/dingtalk/client.hpp"

#include <boost/json.hpp>
#include <thread>

#include "connectors/webhook/hmac.hpp"

namespace slipway::connectors::dingtalk {

namespace {

const core::SystemClock kSystemClock;

// DingTalk renders an @ only when the text also names the person.
std::string WithMentions(std::string text, const Mentions& at) {
  for (const auto& who : at.mobiles) {
    if (text.find("@" + who) == std::string::npos) text += " @" + who;
  }
  for (const auto& who : at.user_ids) {
    if (text.find("@" + who) == std::string::npos) text += " @" + who;
  }
  return text;
}

core::Error RobotError(std::int64_t code, const std::string& message) {
  core::Code kind = core::Code::kInvalid;
  if (code == 310000) {
    if (message.find("whitelist") != std::string::npos) {
      kind = core::Code::kForbidden;
    } else if (message.find("keyword") != std::string::npos) {
      kind = core::Code::kInvalid;
    } else {
      kind = core::Code::kUnauthenticated;  // sign not match, invalid timestamp
    }
  } else if (code == 300005 || (code == 300001 && message.find("token") != std::string::npos)) {
    kind = core::Code::kUnauthenticated;
  } else if (code == 130101 || code == 90030) {
    kind = core::Code::kTransient;
  }
  return core::Error{kind,
                     "dingtalk: " + message + " (errcode " + std::to_string(code) + ")",
                     {{"system", "dingtalk"}, {"errcode", code}}};
}

}  // namespace

std::string DingTalkSign(std::string_view secret, std::int64_t timestamp_ms) {
  const std::string to_sign = std::to_string(timestamp_ms) + "\n" + std::string(secret);
  return UrlEncode(Base64Encode(HmacSha256(secret, to_sign)));
}

std::string DingTalkMessage(const Notice& notice) {
  boost::json::object at{{"isAtAll", notice.at.all}};
  boost::json::array mobiles, users;
  for (const auto& m : notice.at.mobiles) mobiles.emplace_back(m);
  for (const auto& u : notice.at.user_ids) users.emplace_back(u);
  at["atMobiles"] = std::move(mobiles);
  at["atUserIds"] = std::move(users);
  boost::json::object message;
  if (!notice.markdown.empty()) {
    message = {{"msgtype", "markdown"},
               {"markdown",
                {{"title", notice.title.empty() ? notice.event : notice.title},
                 {"text", WithMentions(notice.markdown, notice.at)}}}};
  } else {
    std::string content = notice.title.empty()  ? notice.text
                          : notice.text.empty() ? notice.title
                                                : notice.title + "\n" + notice.text;
    message = {{"msgtype", "text"}, {"text", {{"content", WithMentions(content, notice.at)}}}};
  }
  message["at"] = std::move(at);
  return boost::json::serialize(message);
}

DingTalkClient::DingTalkClient(DingTalkSettings settings)
    : settings_(std::move(settings)), transport_([this] {
        auto t = settings_.transport;
        t.default_headers.emplace_back("Content-Type", "application/json;charset=utf-8");
        return t;
      }()) {
  if (!settings_.clock) settings_.clock = &kSystemClock;
}

core::Status DingTalkClient::Notify(const Notice& notice) {
  if (notice.title.empty() && notice.text.empty() && notice.markdown.empty()) {
    return core::Invalid("dingtalk: a notice needs a title, a text or a markdown body");
  }
  const std::string body = DingTalkMessage(notice);
  auto backoff = settings_.transport.retry_backoff;
  for (int attempt = 0;; ++attempt) {
    auto sent = SendOnce(body);
    if (sent.ok() || attempt >= settings_.rate_limit_retries ||
        !sent.error().details.contains("errcode") ||
        sent.error().details.at("errcode").to_number<std::int64_t>() != 130101) {
      return sent;
    }
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

core::Status DingTalkClient::SendOnce(const std::string& body) {
  TransportRequest request;
  request.method = "POST";
  request.body = body;
  request.idempotent = true;  // at-least-once: a repeated notice beats a lost one
  if (!settings_.secret.empty()) {
    const auto now = settings_.clock->Now();  // signed afresh on every attempt
    const bool has_query = settings_.transport.base_url.find('?') != std::string::npos;
    request.path = (has_query ? "&" : "?") + std::string("timestamp=") + std::to_string(now) +
                   "&sign=" + DingTalkSign(settings_.secret, now);
  }
  auto response = transport_.Send(request);
  if (!response.ok()) return response.error();
  if (response->status != 200) {
    return ErrorFromResponse(
        "dingtalk", *response,
        "HTTP " + std::to_string(response->status) + ": " + response->body.substr(0, 300));
  }
  boost::system::error_code ec;
  auto reply = boost::json::parse(response->body, ec);
  if (ec || !reply.is_object() || !reply.as_object().contains("errcode")) {
    return core::Error{
        core::Code::kTransient, "dingtalk: unexpected reply: " + response->body.substr(0, 300), {}};
  }
  const auto& o = reply.as_object();
  const auto code = o.at("errcode").is_number() ? o.at("errcode").to_number<std::int64_t>() : -1;
  if (code == 0) return core::Ok{};
  const auto* message = o.if_contains("errmsg");
  return RobotError(code, message && message->is_string() ? std::string(message->as_string()) : "");
}

}  // namespace slipway::connectors::dingtalk
