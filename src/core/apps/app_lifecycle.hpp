#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

/// Events of the application lifecycle (R-APP-2).
enum class AppEvent {
  kApprove,         ///< admin accepts the registration
  kReject,          ///< admin refuses it, with a reason
  kResubmit,        ///< a rejected registration goes back to review
  kMarkOnline,      ///< first successful release (called by the release work)
  kRequestOffline,  ///< owner asks to take it offline
  kConfirmOffline,  ///< admin confirms
  kCancelOffline,   ///< back to where the request came from
};

std::string_view AppEventName(AppEvent e);

/// One row of the lifecycle table. `to` empty means "the status the offline
/// request came from" (App::offline_from).
struct AppTransition {
  AppStatus from;
  AppEvent event;
  std::optional<AppStatus> to;
};

/// The whole lifecycle as data.
const std::vector<AppTransition>& AppLifecycle();

/// Events allowed from a status, in table order.
std::vector<AppEvent> AllowedAppEvents(AppStatus from);

/// Applies an event to the app's status (and offline_from). A refused event
/// is a conflict naming the current state and the allowed events.
Status ApplyAppEvent(App& app, AppEvent event);

}  // namespace slipway::core
