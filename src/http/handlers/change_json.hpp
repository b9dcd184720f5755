#pragma once
// The API's JSON for changes and notification settings.
#include <boost/json/object.hpp>

#include "services/changes/change_service.hpp"
#include "services/notifications/notification_service.hpp"

namespace slipway::http {

/// A change with its actions, and its history when the view has it.
boost::json::object ChangeJson(const services::ChangeView& view, bool with_events);
/// Targets show their masked URL and whether they have a secret, never either secret.
boost::json::object NotificationSettingsJson(const services::NotificationSettingsView& view);

}  // namespace slipway::http
