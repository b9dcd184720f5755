// Endpoints the web console needs beyond the other flows: the approval
// inbox (GET /changes?awaiting=me) and the sandbox's emulators (GET /sandbox).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "change_fixture.hpp"

namespace slipway::testing {
namespace {

using Ids = std::vector<std::int64_t>;

Ids IdsOf(const Reply& r) {
  Ids out;
  for (const auto& item : r.Object().at("items").as_array())
    out.push_back(item.at("id").as_int64());
  return out;
}

TEST_F(ChangeTest, TheInboxListsWhatWaitsForTheCallersApproval) {
  const auto first = NewChange("10.2.0");
  const auto second = NewChange("10.2.1");
  NewChange("10.2.2");  // developing: never in an inbox
  auto owner = server().As(owner_);
  ASSERT_EQ(owner.Post(ChangePath(first, "/submit")).status, 200);
  ASSERT_EQ(owner.Post(ChangePath(second, "/submit")).status, 200);

  auto approver = server().As(approver_);
  auto inbox = approver.Get("/api/v1/changes?awaiting=me");
  ASSERT_EQ(inbox.status, 200) << inbox;
  EXPECT_EQ(IdsOf(inbox), (Ids{second, first}));
  EXPECT_EQ(inbox.Int("total"), 2);
  const auto& top = inbox.Object().at("items").as_array()[0].as_object();
  EXPECT_EQ(Text(top.at("app")), name_);
  EXPECT_EQ(Text(top.at("state")), "approving");
  EXPECT_EQ(StringsOf(top.at("actions")), (std::vector<std::string>{"approve", "reject"}));

  // limit cuts the items, not the total.
  auto one = approver.Get("/api/v1/changes?awaiting=me&limit=1");
  EXPECT_EQ(IdsOf(one), Ids{second});
  EXPECT_EQ(one.Int("total"), 2);

  // The owner (who wrote them) and an approver who is no member have nothing waiting.
  auto stranger = server().CreateUser("approver", "chg-stranger");
  for (const auto* user : {&owner_, &stranger}) {
    auto empty = server().As(*user).Get("/api/v1/changes?awaiting=me");
    ASSERT_EQ(empty.status, 200) << empty;
    EXPECT_EQ(empty.Int("total"), 0) << user->username;
  }

  // Approved, a change leaves the inbox.
  ASSERT_EQ(approver.Post(ChangePath(first, "/approve")).status, 200);
  EXPECT_EQ(IdsOf(approver.Get("/api/v1/changes?awaiting=me")), Ids{second});
}

TEST_F(ChangeTest, TheInboxNeedsAwaitingMeAndAValidLimit) {
  auto api = server().As(approver_);
  for (const char* path :
       {"/api/v1/changes", "/api/v1/changes?awaiting=bob", "/api/v1/changes?awaiting=me&limit=0"}) {
    auto r = api.Get(path);
    EXPECT_EQ(r.status, 400) << path << ": " << r;
  }
  EXPECT_EQ(api.Get("/api/v1/changes").ErrorDetail("field"), "awaiting");
  EXPECT_EQ(server().Anonymous().Get("/api/v1/changes?awaiting=me").status, 401);
}

TEST_F(ChangeTest, TheSandboxNamesItsEmulators) {
  auto viewer = server().CreateUser("viewer", "sbx-viewer");
  auto r = server().As(viewer).Get("/api/v1/sandbox");
  ASSERT_EQ(r.status, 200) << r;
  EXPECT_TRUE(r.Object().at("enabled").as_bool());
  std::map<std::string, std::string> urls;
  for (const auto& e : r.Object().at("emulators").as_array())
    urls[Text(e.at("system"))] = Text(e.at("url"));
  ASSERT_TRUE(urls.contains("kubernetes")) << r;
  EXPECT_EQ(urls["kubernetes"], server().SandboxUrl("kubernetes"));
  EXPECT_EQ(urls["consul"], server().SandboxUrl("consul"));
  EXPECT_EQ(server().Anonymous().Get("/api/v1/sandbox").status, 401);
}

class NoSandboxTest : public ApiTest {};

TEST_F(NoSandboxTest, WithoutTheSandboxItIsOffAndNamesNothing) {
  auto r = server().Admin().Get("/api/v1/sandbox");
  ASSERT_EQ(r.status, 200) << r;
  EXPECT_FALSE(r.Object().at("enabled").as_bool());
  EXPECT_TRUE(r.Object().at("emulators").as_array().empty());
}

}  // namespace
}  // namespace slipway::testing
