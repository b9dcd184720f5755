// The DingTalk robot: the signature test vector, the emulator's checks and
// the client's errcode mapping.
#include "sandbox/dingtalk/dingtalk_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/dingtalk/client.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {
namespace {

using namespace std::chrono_literals;
using connectors::Notice;
using connectors::dingtalk::DingTalkClient;
using connectors::dingtalk::DingTalkSettings;

TEST(DingTalkSign, MatchesThePublishedVector) {
  EXPECT_EQ(connectors::dingtalk::DingTalkSign("SEC0123456789abcdef", 1700000000000),
            "TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
}

TEST(DingTalkMessage, TextCarriesMentionsInTheText) {
  Notice n{"e", "Title", "body", "", {{"13800000000"}, {}, false}, {}};
  auto m = boost::json::parse(connectors::dingtalk::DingTalkMessage(n)).as_object();
  EXPECT_EQ(m.at("msgtype").as_string(), "text");
  EXPECT_EQ(m.at("text").at("content").as_string(), "Title\nbody @13800000000");
  EXPECT_EQ(m.at("at").at("atMobiles").as_array().size(), 1u);
}

class DingTalkEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DingTalkEmulatorOptions options;
    options.robots["signed"] = {"SECtest", {}};
    options.robots["keyword"] = {"", {"release"}};
    options.robots["slow"] = {"", {}};
    options.per_minute = 20;
    host_.Add(std::make_unique<DingTalkEmulator>(options));
    host_.Start();
    url_ = host_.endpoints().at("dingtalk");
  }

  DingTalkClient Client(const std::string& token, const std::string& secret,
                        const core::Clock* clock = nullptr) {
    DingTalkSettings s;
    s.transport.base_url = url_ + "/robot/send?access_token=" + token;
    s.transport.retry_backoff = 5ms;
    s.secret = secret;
    s.clock = clock;
    s.rate_limit_retries = 0;
    return DingTalkClient(s);
  }

  core::Status Send(DingTalkClient client, std::string text = "release done") {
    return client.Notify(Notice{"e", "", std::move(text), "", {}, {}});
  }

  SandboxHost host_;
  std::string url_;
};

TEST_F(DingTalkEmulatorTest, SignedMessagesAreAcceptedAndKept) {
  ASSERT_TRUE(Send(Client("signed", "SECtest")).ok());
  auto state = host_.Find("dingtalk")->State();
  ASSERT_EQ(state.at("messages").as_array().size(), 1u);
  EXPECT_EQ(state.at("messages").at(0).at("text").as_string(), "release done");
}

TEST_F(DingTalkEmulatorTest, WrongSecretIsUnauthenticatedSignNotMatch) {
  auto result = Send(Client("signed", "SECwrong"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("sign not match"), std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().message.find("310000"), std::string::npos);
}

TEST_F(DingTalkEmulatorTest, ClockSkewBeyondAnHourIsRejected) {
  core::SimulatedClock skewed(core::SystemClock().Now() - 2 * 3600 * 1000);
  auto result = Send(Client("signed", "SECtest", &skewed));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("invalid timestamp"), std::string::npos);
  core::SimulatedClock slightly(core::SystemClock().Now() - 30 * 60 * 1000);
  EXPECT_TRUE(Send(Client("signed", "SECtest", &slightly)).ok());
}

TEST_F(DingTalkEmulatorTest, UnknownTokenAndKeywords) {
  auto unknown = Send(Client("nobody", ""));
  EXPECT_EQ(unknown.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(unknown.error().message.find("token is not exist"), std::string::npos);
  auto keyword = Send(Client("keyword", ""), "hello");
  EXPECT_EQ(keyword.error().code, core::Code::kInvalid);
  EXPECT_NE(keyword.error().message.find("keywords not in content"), std::string::npos);
  EXPECT_TRUE(Send(Client("keyword", ""), "release web").ok());
}

TEST_F(DingTalkEmulatorTest, RateLimitIsTransient) {
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(Send(Client("slow", "")).ok());
  auto limited = Send(Client("slow", ""));
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, core::Code::kTransient);
  EXPECT_NE(limited.error().message.find("130101"), std::string::npos);
}

TEST_F(DingTalkEmulatorTest, Http503IsRetried) {
  connectors::HttpTransport admin(connectors::TransportSettings{.base_url = url_});
  auto added = admin.Send(
      {.method = "POST", .path = "/_sandbox/faults", .body = R"({"count":2,"status":503})"});
  ASSERT_TRUE(added.ok() && added->status == 201);
  EXPECT_TRUE(Send(Client("signed", "SECtest")).ok());
}

TEST_F(DingTalkEmulatorTest, MalformedMessagesAreParamErrors) {
  connectors::HttpTransport raw(connectors::TransportSettings{.base_url = url_});
  auto r = raw.Send(
      {.method = "POST", .path = "/robot/send?access_token=slow", .body = R"({"msgtype":"text"})"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(boost::json::parse(r->body).at("errcode").as_int64(), 300001);
  auto missing = raw.Send({.method = "POST", .path = "/robot/send", .body = "{}"});
  EXPECT_EQ(boost::json::parse(missing->body).at("errcode").as_int64(), 40035);
}

}  // namespace
}  // namespace slipway::sandbox
