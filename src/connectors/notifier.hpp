#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// Whom a notice should ping, where the channel supports it (DingTalk).
struct Mentions {
  std::vector<std::string> mobiles;
  std::vector<std::string> user_ids;
  bool all = false;
};

/// One notification (R-UX-3: approvals, release results, lane expiry).
struct Notice {
  std::string event;     ///< machine name, e.g. "release.succeeded", "lane.expiring"
  std::string title;     ///< one line
  std::string text;      ///< plain text body
  std::string markdown;  ///< optional richer body; channels that render it prefer it
  Mentions at;
  std::map<std::string, std::string> fields;  ///< data for machine receivers (ids, links)
  /// Names this notice across every attempt to send it (a durable sender's
  /// retries): webhooks send it as the delivery id, so receivers can drop
  /// repeats. Empty: each Notify call makes up a new one.
  std::string id{};
};

/// Where notices go: a DingTalk group robot, a generic JSON webhook, …
/// Delivery is at least once: transient failures are retried, so a receiver
/// may see a notice twice (webhooks carry a delivery id to drop repeats).
/// Errors: rejected credentials or signature → unauthenticated; the channel's
/// policy (IP allow-list) → forbidden; a malformed notice → invalid; rate
/// limits, 5xx, timeouts after the retries → transient. Thread-safe.
class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual core::Status Notify(const Notice& notice) = 0;
};

}  // namespace slipway::connectors
