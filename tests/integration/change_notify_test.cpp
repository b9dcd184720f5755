// Notices over real protocols: an approval request and a failed release
// reach the sandbox's DingTalk robots (which check the signature) from the
// application's and the team's targets; a wrong secret fails its delivery.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "change_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kRobotSecret = "SECsandbox-dingtalk-robot-secret";

class ChangeNotifyTest : public ChangeTest {
 protected:
  std::string Robot(const std::string& token, const std::string& extra = "") {
    return server().SandboxUrl("dingtalk") + "/robot/send?access_token=" + token + extra;
  }

  // The robot's messages about this test's application.
  std::vector<json::object> Messages(const std::string& token) {
    auto state = Api(server().SandboxUrl("dingtalk"), "").Get("/_sandbox/state");
    std::vector<json::object> out;
    if (state.status != 200) return out;
    for (const auto& m : state.Object().at("state").at("messages").as_array()) {
      const auto& o = m.as_object();
      if (Text(o.at("access_token")) == token &&
          Text(o.at("title")).find(name_) != std::string::npos) {
        out.push_back(o);
      }
    }
    return out;
  }

  // Delivery states by target name, once none is pending any more.
  std::map<std::string, std::string> SettledDeliveries(std::size_t expected) {
    std::map<std::string, std::string> out;
    WaitUntil([&] {
      out.clear();
      auto settings = server().As(owner_).Get(AppPath("/notifications"));
      for (const auto& d : settings.Object().at("deliveries").as_array()) {
        if (Text(d.at("state")) == "pending") return false;
        out[Text(d.at("target")) + "/" + Text(d.at("kind"))] = Text(d.at("state"));
      }
      return out.size() >= expected;
    });
    return out;
  }
};

TEST_F(ChangeNotifyTest, ApprovalRequestsAndFailedReleasesReachTheRobotsSigned) {
  auto owner = server().As(owner_);
  auto put = owner.Put(
      AppPath("/notifications"),
      {{"targets",
        json::array{json::object{{"name", "group"},
                                 {"type", "dingtalk"},
                                 {"url", Robot("sandbox-robot")},
                                 {"secret", kRobotSecret}},
                    json::object{{"name", "wrong-secret"},
                                 {"type", "dingtalk"},
                                 {"url", Robot("sandbox-robot", "&copy=2")},
                                 {"secret", "SECnot-this-one"},
                                 {"kinds", json::array{"approval_requested"}}},
                    // The cloud metadata address: an SSRF path, refused even beside the sandbox.
                    json::object{{"name", "metadata"},
                                 {"type", "webhook"},
                                 {"url", "http://169.254.169.254/latest/meta-data"},
                                 {"kinds", json::array{"approval_requested"}}}}}});
  ASSERT_EQ(put.status, 200) << put;
  auto team = server().Admin().Put(
      "/api/v1/teams/" + team_ + "/notifications",
      {{"targets", json::array{json::object{{"name", "team-robot"},
                                            {"type", "dingtalk"},
                                            {"url", Robot("sandbox-robot-unsigned")},
                                            {"kinds", json::array{"approval_requested"}}}}}});
  ASSERT_EQ(team.status, 200) << team;
  // Neither the robot's token nor a secret is ever shown again.
  auto shown = owner.Get(AppPath("/notifications"));
  ASSERT_EQ(shown.status, 200) << shown;
  EXPECT_THAT(shown.raw.body, Not(HasSubstr("SECsandbox")));
  EXPECT_THAT(shown.raw.body, Not(HasSubstr("access_token=sandbox-robot")));
  EXPECT_TRUE(shown.Object().at("targets").as_array()[0].at("has_secret").as_bool());
  ASSERT_EQ(shown.Object().at("team_targets").as_array().size(), 1u);

  const auto id = NewChange();
  ASSERT_EQ(owner.Post(ChangePath(id, "/submit")).status, 200);
  ASSERT_TRUE(WaitUntil([&] {
    return !Messages("sandbox-robot").empty() && !Messages("sandbox-robot-unsigned").empty();
  })) << Api(server().SandboxUrl("dingtalk"), "").Get("/_sandbox/state");
  const auto message = Messages("sandbox-robot").front();
  EXPECT_EQ(Text(message.at("msgtype")), "markdown");
  EXPECT_THAT(Text(message.at("title")), HasSubstr("change " + std::to_string(id)));
  EXPECT_THAT(Text(message.at("text")), HasSubstr("@" + approver_.username));
  EXPECT_THAT(StringsOf(message.at("at").at("atUserIds")), Contains(approver_.username));

  auto approvals = SettledDeliveries(4);
  EXPECT_EQ(approvals["metadata/approval_requested"], "failed");
  EXPECT_EQ(approvals["group/approval_requested"], "delivered");
  EXPECT_EQ(approvals["team-robot/approval_requested"], "delivered");
  EXPECT_EQ(approvals["wrong-secret/approval_requested"],
            "failed");  // the robot refuses the signature

  // The release of the vendor image fails (it is not in the sandbox's
  // registry); the failure is announced to the targets that take it.
  ASSERT_EQ(server().As(approver_).Post(ChangePath(id, "/approve")).status, 200);
  auto release = owner.Post(ChangePath(id, "/release"));
  ASSERT_EQ(release.status, 202) << release;
  ASSERT_TRUE(WaitUntil([&] {
    for (const auto& m : Messages("sandbox-robot")) {
      if (Text(m.at("title")).find("failed") != std::string::npos) return true;
    }
    return false;
  })) << owner.Get("/api/v1/releases/" + std::to_string(release.Int("id")));
  auto all = SettledDeliveries(5);
  EXPECT_EQ(all["group/release_failed"], "delivered");
  EXPECT_EQ(all.count("team-robot/release_failed"), 0u);  // the team asked for approvals only
  EXPECT_EQ(all.count("wrong-secret/release_failed"), 0u);
}

TEST_F(ChangeNotifyTest, SettingsAreForOwnersAndAdminsAndBadTargetsAreRefused) {
  auto owner = server().As(owner_);
  const json::object good{
      {"targets", json::array{json::object{
                      {"name", "group"}, {"type", "dingtalk"}, {"url", Robot("sandbox-robot")}}}}};
  EXPECT_EQ(server().As(approver_).Put(AppPath("/notifications"), good).status, 403);
  EXPECT_EQ(server().As(approver_).Get(AppPath("/notifications")).status, 403);
  EXPECT_EQ(owner.Put("/api/v1/teams/" + team_ + "/notifications", good).status, 403);
  const json::object bad[] = {
      {},
      {{"targets", json::array{json::object{{"name", "g"},
                                            {"type", "dingtalk"},
                                            {"url", "https://oapi.dingtalk.com/robot/send"}}}}},
      {{"targets",
        json::array{json::object{{"name", "g"}, {"type", "sms"}, {"url", "https://x.example/"}}}}},
      {{"targets", json::array{json::object{{"name", "g"}, {"type", "webhook"}}}}},
      {{"targets", json::array{json::object{{"name", "g"},
                                            {"type", "webhook"},
                                            {"url", "https://x.example/"},
                                            {"kinds", json::array{"lane_expiring"}}}}}},
  };
  for (const auto& body : bad) {
    auto r = owner.Put(AppPath("/notifications"), body);
    EXPECT_EQ(r.status, 400) << json::serialize(body) << ": " << r;
    EXPECT_EQ(r.ErrorCode(), "invalid");
  }
  auto unchanged = owner.Get(AppPath("/notifications"));
  EXPECT_TRUE(unchanged.Object().at("targets").as_array().empty());
  auto saved = owner.Put(AppPath("/notifications"), good);
  ASSERT_EQ(saved.status, 200) << saved;
  int recorded = 0;
  for (const auto& record : AuditOf(owner, "app:" + std::to_string(app_id_))) {
    if (Text(record.at("action")) == "app.notifications" && Text(record.at("result")) == "ok")
      ++recorded;
  }
  EXPECT_EQ(recorded, 1);  // the refused attempts changed nothing
}

}  // namespace
}  // namespace slipway::testing
