#include "core/apps/app_actions.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

App CompleteApp(AppType type, AppStatus status) {
  App app;
  app.name = "order-svc";
  app.owner = "alice";
  app.type = type;
  app.status = status;
  app.repo_url = type == AppType::kSelfDeveloped ? "https://git.example.com/a.git" : "";
  app.details.build_job = type == AppType::kSelfDeveloped ? "trade/order-svc" : "";
  app.details.vendor_image = type == AppType::kCommercial ? "grafana/grafana" : "";
  app.details.ports = {{"http", 8080, "TCP"}};
  app.details.health_check = HealthCheck{"http", "/healthz", 8080, ""};
  app.approvers = {"bob"};
  return app;
}

Caller As(Role role) { return Caller{1, "u", role}; }

TEST(AppActions, OwnerOfCompleteOnlineAppMayDoEverythingButAdminWork) {
  auto actions = ComputeAppActions(CompleteApp(AppType::kSelfDeveloped, AppStatus::kOnline),
                                   As(Role::kDeveloper), MemberRole::kOwner);
  for (const char* a :
       {"edit", "complete", "build", "change", "release", "add_environment", "scale", "restart",
        "request_offline", "manage_members", "edit_release_policy"}) {
    EXPECT_TRUE(actions.Allows(a)) << a << ": " << actions.ReasonFor(a).value_or("");
  }
  for (const char* a : {"approve", "reject", "confirm_offline", "cancel_offline", "resubmit"}) {
    EXPECT_FALSE(actions.Allows(a)) << a;
    EXPECT_TRUE(actions.ReasonFor(a).has_value()) << a;
  }
}

TEST(AppActions, CommercialIsNeverBuiltAndEmptyNeverReleased) {
  auto commercial = ComputeAppActions(CompleteApp(AppType::kCommercial, AppStatus::kOnline),
                                      As(Role::kAdmin), std::nullopt);
  EXPECT_FALSE(commercial.Allows("build"));
  EXPECT_NE(commercial.ReasonFor("build")->find("vendor images"), std::string::npos);
  EXPECT_TRUE(commercial.Allows("release"));

  auto empty = ComputeAppActions(CompleteApp(AppType::kEmpty, AppStatus::kOnline), As(Role::kAdmin),
                                 std::nullopt);
  EXPECT_FALSE(empty.Allows("build"));
  EXPECT_FALSE(empty.Allows("change"));
  EXPECT_FALSE(empty.Allows("release"));
  EXPECT_TRUE(empty.Allows("add_environment"));
  EXPECT_TRUE(empty.Allows("scale"));
}

TEST(AppActions, ViewerAndNonMembersOnlyRead) {
  auto app = CompleteApp(AppType::kSelfDeveloped, AppStatus::kOnline);
  for (auto [role, member] : std::vector<std::pair<Role, std::optional<MemberRole>>>{
           {Role::kViewer, MemberRole::kOwner},
           {Role::kDeveloper, std::nullopt},
           {Role::kApprover, MemberRole::kApprover}}) {
    auto actions = ComputeAppActions(app, As(role), member);
    EXPECT_FALSE(actions.Allows("edit"));
    EXPECT_FALSE(actions.Allows("release"));
    EXPECT_FALSE(actions.Allows("request_offline"));
  }
}

TEST(AppActions, OnlyOwnersAndAdminsEditTheReleasePolicy) {
  auto app = CompleteApp(AppType::kSelfDeveloped, AppStatus::kOnline);
  EXPECT_TRUE(ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("edit_release_policy"));
  auto member = ComputeAppActions(app, As(Role::kDeveloper), MemberRole::kDeveloper);
  EXPECT_TRUE(member.Allows("release"));
  EXPECT_FALSE(member.Allows("edit_release_policy"));
  EXPECT_NE(member.ReasonFor("edit_release_policy")->find("owners"), std::string::npos);
  app.status = AppStatus::kOffline;
  EXPECT_FALSE(
      ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("edit_release_policy"));
}

TEST(AppActions, IncompleteDetailsBlockReleaseWithTheMissingFields) {
  auto app = CompleteApp(AppType::kSelfDeveloped, AppStatus::kPendingOnline);
  app.details.health_check.reset();
  auto actions = ComputeAppActions(app, As(Role::kAdmin), std::nullopt);
  EXPECT_FALSE(actions.Allows("release"));
  EXPECT_NE(actions.ReasonFor("release")->find("details.health_check"), std::string::npos);
  EXPECT_TRUE(actions.Allows("build"));
}

TEST(AppActions, BuildsNeedTheRepositoryButNotAJobName) {
  auto app = CompleteApp(AppType::kSelfDeveloped, AppStatus::kPendingOnline);
  app.details.build_job.clear();  // builds.job_path names the job then
  EXPECT_TRUE(ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("build"));
  app.repo_url.clear();
  EXPECT_FALSE(ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("build"));
}

TEST(AppActions, OfflineAcceptsNoNewWork) {
  auto actions = ComputeAppActions(CompleteApp(AppType::kSelfDeveloped, AppStatus::kOffline),
                                   As(Role::kAdmin), std::nullopt);
  for (const char* a :
       {"build", "change", "release", "add_environment", "scale", "restart", "edit"}) {
    EXPECT_FALSE(actions.Allows(a)) << a;
  }
}

TEST(AppActions, ReviewIsForAdmins) {
  auto app = CompleteApp(AppType::kSelfDeveloped, AppStatus::kUnderReview);
  EXPECT_TRUE(ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("approve"));
  EXPECT_FALSE(ComputeAppActions(app, As(Role::kApprover), MemberRole::kOwner).Allows("approve"));
  EXPECT_FALSE(ComputeAppActions(app, As(Role::kAdmin), std::nullopt).Allows("build"));
}

TEST(AppMissingFields, ByType) {
  App self;
  self.owner = "alice";
  EXPECT_EQ(MissingFields(self),
            (std::vector<std::string>{"repo_url", "details.build_job", "details.ports",
                                      "details.health_check", "approvers"}));
  App commercial = self;
  commercial.type = AppType::kCommercial;
  EXPECT_EQ(MissingFields(commercial).front(), "details.vendor_image");
  App empty = self;
  empty.type = AppType::kEmpty;
  EXPECT_TRUE(MissingFields(empty).empty());
}

}  // namespace
}  // namespace slipway::core
