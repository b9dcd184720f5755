#include "connectors/webhook/client.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "connectors/webhook/hmac.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::webhook {

namespace {

const core::SystemClock kSystemClock;

std::string DeliveryId() {
  std::string bytes(16, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return HexEncode(bytes);
}

}  // namespace

std::string WebhookSignature(std::string_view secret, std::string_view body) {
  return "sha256=" + HexEncode(HmacSha256(secret, body));
}

bool VerifyWebhookSignature(std::string_view secret, std::string_view body,
                            std::string_view header) {
  return ConstantTimeEquals(WebhookSignature(secret, body), header);
}

WebhookClient::WebhookClient(WebhookSettings settings)
    : settings_(std::move(settings)), transport_(settings_.transport) {
  if (!settings_.clock) settings_.clock = &kSystemClock;
}

core::Status WebhookClient::Notify(const Notice& notice) {
  if (notice.event.empty()) return core::Invalid("webhook: a notice needs an event name");
  boost::json::array mobiles, users;
  for (const auto& m : notice.at.mobiles) mobiles.emplace_back(m);
  for (const auto& u : notice.at.user_ids) users.emplace_back(u);
  boost::json::object data;
  for (const auto& [k, v] : notice.fields) data[k] = v;
  const std::string delivery = notice.id.empty() ? DeliveryId() : notice.id;
  const std::string body = boost::json::serialize(boost::json::object{
      {"event", notice.event},
      {"time", core::Rfc3339Millis(settings_.clock->Now())},
      {"subject", notice.title},
      {"text", notice.text},
      {"markdown", notice.markdown},
      {"at",
       {{"mobiles", std::move(mobiles)}, {"userIds", std::move(users)}, {"all", notice.at.all}}},
      {"data", std::move(data)},
      {"delivery", delivery}});
  TransportRequest request;
  request.method = "POST";
  request.body = body;
  request.idempotent = true;  // at-least-once, deduplicated by the delivery id
  request.headers = {{"Content-Type", "application/json"},
                     {"X-Slipway-Event", notice.event},
                     {"X-Slipway-Delivery", delivery}};
  if (!settings_.secret.empty())
    request.headers.emplace_back("X-Slipway-Signature", WebhookSignature(settings_.secret, body));
  auto response = transport_.Send(request);
  if (!response.ok()) return response.error();
  if (response->status >= 200 && response->status < 300) return core::Ok{};
  return ErrorFromResponse(
      "webhook", *response,
      "HTTP " + std::to_string(response->status) + ": " + response->body.substr(0, 300));
}

}  // namespace slipway::connectors::webhook
