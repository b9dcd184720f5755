#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// Where notices of an application or a team go. URL and secret are kept
/// only sealed (services seal and open them); `url_shown` is the masked form.
struct NotificationTarget {
  std::int64_t id = 0;
  std::string scope;      ///< "app" | "team"
  std::string scope_key;  ///< the application's id, or the team's name
  std::string name;
  std::string type;  ///< "dingtalk" | "webhook"
  std::string url_sealed;
  std::string url_shown;
  std::string secret_sealed;       ///< "" when the target has no secret
  std::vector<std::string> kinds;  ///< notice kinds it receives
  std::string updated_by;
  core::Millis created_at = 0;
  core::Millis updated_at = 0;
};

/// One notice on its way to one target.
struct NotificationDelivery {
  std::int64_t id = 0;
  std::int64_t app_id = 0;
  std::int64_t target_id = 0;
  std::string target_name;
  std::string target_scope;
  std::string target_key;
  std::string kind;
  std::string title;
  std::string workflow_id;
  /// pending | delivered | failed. Reads report a pending delivery whose
  /// workflow failed or was cancelled (retries exhausted) as failed, with the
  /// workflow's error.
  std::string state = "pending";
  std::string error;
  int attempts = 0;
  core::Millis created_at = 0;
  core::Millis updated_at = 0;
};

/// Notification targets and deliveries. All functions run inside the
/// caller's transaction.
namespace notifications {

/// The targets of one scope, by name.
std::vector<NotificationTarget> Targets(Tx& tx, const std::string& scope,
                                        const std::string& scope_key);
std::optional<NotificationTarget> Target(Tx& tx, std::int64_t id);
/// Inserts and returns the id; UniqueViolation on a name taken in the scope.
std::int64_t InsertTarget(Tx& tx, const NotificationTarget& target);
/// Writes every field but scope and id.
void UpdateTarget(Tx& tx, const NotificationTarget& target);
void DeleteTarget(Tx& tx, std::int64_t id);

std::int64_t InsertDelivery(Tx& tx, const NotificationDelivery& delivery);
/// Records one delivery attempt of the workflow's delivery: its state after
/// the attempt and the error ("" on success). False when there is no such delivery.
bool RecordAttempt(Tx& tx, const std::string& workflow_id, const std::string& state,
                   const std::string& error, core::Millis at);
std::optional<NotificationDelivery> DeliveryOf(Tx& tx, const std::string& workflow_id);
/// Newest first: every delivery about the application's notices.
std::vector<NotificationDelivery> DeliveriesOfApp(Tx& tx, std::int64_t app_id, int limit);
/// Newest first: the deliveries to the targets of one scope.
std::vector<NotificationDelivery> DeliveriesOfScope(Tx& tx, const std::string& scope,
                                                    const std::string& scope_key, int limit);

}  // namespace notifications
}  // namespace slipway::store
