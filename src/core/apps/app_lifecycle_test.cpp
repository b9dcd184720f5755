#include "core/apps/app_lifecycle.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

struct Case {
  AppStatus from;
  AppEvent event;
  std::optional<AppStatus> to;  // nullopt: refused
};

TEST(AppLifecycle, EveryStatusAndEvent) {
  using S = AppStatus;
  using E = AppEvent;
  const std::vector<Case> cases = {
      {S::kUnderReview, E::kApprove, S::kPendingOnline},
      {S::kUnderReview, E::kReject, S::kRejected},
      {S::kUnderReview, E::kMarkOnline, std::nullopt},
      {S::kUnderReview, E::kRequestOffline, std::nullopt},
      {S::kRejected, E::kResubmit, S::kUnderReview},
      {S::kRejected, E::kApprove, std::nullopt},
      {S::kPendingOnline, E::kMarkOnline, S::kOnline},
      {S::kPendingOnline, E::kApprove, std::nullopt},
      {S::kOnline, E::kMarkOnline, std::nullopt},
      {S::kOnline, E::kRequestOffline, S::kPendingOffline},
      {S::kPendingOffline, E::kConfirmOffline, S::kOffline},
      {S::kOffline, E::kRequestOffline, std::nullopt},
      {S::kOffline, E::kMarkOnline, std::nullopt},
      {S::kOffline, E::kCancelOffline, std::nullopt},
  };
  for (const auto& c : cases) {
    App app;
    app.status = c.from;
    auto result = ApplyAppEvent(app, c.event);
    SCOPED_TRACE(std::string(AppStatusName(c.from)) + " + " + std::string(AppEventName(c.event)));
    if (c.to) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(app.status, *c.to);
    } else {
      ASSERT_FALSE(result.ok());
      EXPECT_EQ(result.error().code, Code::kConflict);
      EXPECT_EQ(result.error().details.at("state").as_string(), AppStatusName(c.from));
      EXPECT_EQ(app.status, c.from) << "a refused event must not change the status";
    }
  }
}

TEST(AppLifecycle, CancelOfflineReturnsToWhereTheRequestCameFrom) {
  for (auto origin : {AppStatus::kPendingOnline, AppStatus::kOnline}) {
    App app;
    app.status = origin;
    ASSERT_TRUE(ApplyAppEvent(app, AppEvent::kRequestOffline).ok());
    EXPECT_EQ(app.status, AppStatus::kPendingOffline);
    ASSERT_TRUE(ApplyAppEvent(app, AppEvent::kCancelOffline).ok());
    EXPECT_EQ(app.status, origin);
    EXPECT_FALSE(app.offline_from.has_value());
  }
}

TEST(AppLifecycle, RefusalListsAllowedActions) {
  App app;
  app.status = AppStatus::kUnderReview;
  auto result = ApplyAppEvent(app, AppEvent::kConfirmOffline);
  ASSERT_FALSE(result.ok());
  const auto& allowed = result.error().details.at("allowed_actions").as_array();
  ASSERT_EQ(allowed.size(), 2u);
  EXPECT_EQ(allowed[0].as_string(), "approve");
  EXPECT_EQ(allowed[1].as_string(), "reject");
}

}  // namespace
}  // namespace slipway::core
