#pragma once
#include <string>

#include "connectors/http_transport.hpp"
#include "connectors/notifier.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors::webhook {

struct WebhookSettings {
  TransportSettings transport;  ///< base_url: the receiver's whole URL; retries as configured there
  std::string secret;           ///< empty: unsigned
  const core::Clock* clock = nullptr;  ///< for "time"; null: system clock
};

/// A Notifier that POSTs a JSON event:
///   {"event","time" (RFC 3339 UTC),"subject","text","markdown",
///    "at":{"mobiles","userIds","all"},"data":{…},"delivery":"<id>"}
/// with headers X-Slipway-Event, X-Slipway-Delivery (the same id on every
/// retry, so receivers can drop repeats) and, with a secret,
/// X-Slipway-Signature: sha256=<hex HMAC-SHA256(secret, body)>.
/// Retried on timeouts, 429 and 502-504 (at-least-once); any 2xx is success;
/// other statuses map as usual, keeping the start of the receiver's body.
class WebhookClient final : public Notifier {
 public:
  explicit WebhookClient(WebhookSettings settings);
  core::Status Notify(const Notice& notice) override;

 private:
  WebhookSettings settings_;
  HttpTransport transport_;
};

/// "sha256=<hex>" for `body`.
std::string WebhookSignature(std::string_view secret, std::string_view body);
/// Checks an X-Slipway-Signature header in constant time (for receivers).
bool VerifyWebhookSignature(std::string_view secret, std::string_view body,
                            std::string_view header);

}  // namespace slipway::connectors::webhook
