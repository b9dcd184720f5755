#include "core/apps/app_lifecycle.hpp"

#include <boost/json/array.hpp>

namespace slipway::core {

std::string_view AppEventName(AppEvent e) {
  switch (e) {
    case AppEvent::kApprove:
      return "approve";
    case AppEvent::kReject:
      return "reject";
    case AppEvent::kResubmit:
      return "resubmit";
    case AppEvent::kMarkOnline:
      return "mark_online";
    case AppEvent::kRequestOffline:
      return "request_offline";
    case AppEvent::kConfirmOffline:
      return "confirm_offline";
    case AppEvent::kCancelOffline:
      return "cancel_offline";
  }
  return "";
}

const std::vector<AppTransition>& AppLifecycle() {
  using S = AppStatus;
  using E = AppEvent;
  static const std::vector<AppTransition> table = {
      {S::kUnderReview, E::kApprove, S::kPendingOnline},
      {S::kUnderReview, E::kReject, S::kRejected},
      {S::kRejected, E::kResubmit, S::kUnderReview},
      {S::kPendingOnline, E::kMarkOnline, S::kOnline},
      {S::kPendingOnline, E::kRequestOffline, S::kPendingOffline},
      {S::kOnline, E::kRequestOffline, S::kPendingOffline},
      {S::kPendingOffline, E::kConfirmOffline, S::kOffline},
      {S::kPendingOffline, E::kCancelOffline, std::nullopt},
  };
  return table;
}

std::vector<AppEvent> AllowedAppEvents(AppStatus from) {
  std::vector<AppEvent> events;
  for (const auto& t : AppLifecycle()) {
    if (t.from == from) events.push_back(t.event);
  }
  return events;
}

Status ApplyAppEvent(App& app, AppEvent event) {
  for (const auto& t : AppLifecycle()) {
    if (t.from != app.status || t.event != event) continue;
    if (event == AppEvent::kRequestOffline) app.offline_from = app.status;
    app.status = t.to.value_or(app.offline_from.value_or(AppStatus::kOnline));
    if (event == AppEvent::kCancelOffline) app.offline_from.reset();
    return Ok{};
  }
  boost::json::array allowed;
  for (auto e : AllowedAppEvents(app.status)) allowed.emplace_back(AppEventName(e));
  return Conflict("cannot " + std::string(AppEventName(event)) + " an application that is " +
                      std::string(AppStatusName(app.status)),
                  {{"state", AppStatusName(app.status)}, {"allowed_actions", allowed}});
}

}  // namespace slipway::core
