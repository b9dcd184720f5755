// The webhook payload, its signature, and retries against injected faults.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <mutex>

#include "connectors/webhook/client.hpp"
#include "connectors/webhook/hmac.hpp"
#include "core/common/clock.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::webhook {
namespace {

using namespace std::chrono_literals;

class Receiver final : public sandbox::Emulator {
 public:
  std::string_view system() const override { return "webhook"; }
  http::Response Handle(http::Request& request) override {
    std::lock_guard lock(mutex_);
    requests.push_back(request);
    return http::Response::NoContent();
  }
  boost::json::value State() const override { return boost::json::object{}; }
  void Reset() override {}
  std::mutex mutex_;
  std::vector<http::Request> requests;
};

class WebhookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = std::make_unique<Receiver>();
    receiver_ = r.get();
    host_.Add(std::move(r));
    host_.Start();
    url_ = host_.endpoints().at("webhook");
    settings_.transport.base_url = url_ + "/hook";
    settings_.transport.retry_backoff = 5ms;
    settings_.secret = "s3cret";
    settings_.clock = &clock_;
  }
  void Fault(boost::json::object rule) {
    HttpTransport admin(TransportSettings{.base_url = url_});
    auto r = admin.Send(
        {.method = "POST", .path = "/_sandbox/faults", .body = boost::json::serialize(rule)});
    ASSERT_TRUE(r.ok() && r->status == 201);
  }
  core::SimulatedClock clock_{1'700'000'000'123};
  sandbox::SandboxHost host_;
  Receiver* receiver_ = nullptr;
  std::string url_;
  WebhookSettings settings_;
};

TEST_F(WebhookTest, PayloadHeadersAndSignature) {
  Notice n{"release.failed",        "Release web failed", "pods crash", "",
           {{"138"}, {"u1"}, true}, {{"app", "web"}}};
  ASSERT_TRUE(WebhookClient(settings_).Notify(n).ok());
  ASSERT_EQ(receiver_->requests.size(), 1u);
  const auto& r = receiver_->requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/hook");
  EXPECT_EQ(r.Header("x-slipway-event"), "release.failed");
  EXPECT_TRUE(VerifyWebhookSignature("s3cret", r.body, r.Header("x-slipway-signature")));
  EXPECT_FALSE(VerifyWebhookSignature("other", r.body, r.Header("x-slipway-signature")));
  EXPECT_EQ(std::string(r.Header("x-slipway-signature")),
            "sha256=" + HexEncode(HmacSha256("s3cret", r.body)));
  auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("event").as_string(), "release.failed");
  EXPECT_EQ(body.at("time").as_string(), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(body.at("subject").as_string(), "Release web failed");
  EXPECT_EQ(body.at("data").at("app").as_string(), "web");
  EXPECT_TRUE(body.at("at").at("all").as_bool());
  EXPECT_EQ(body.at("delivery").as_string(), r.Header("x-slipway-delivery"));
}

TEST_F(WebhookTest, ANoticeIdIsTheDeliveryIdOfEverySend) {
  Notice n{"e", "t", "x", "", {}, {}, "notice-42"};
  ASSERT_TRUE(WebhookClient(settings_).Notify(n).ok());
  ASSERT_TRUE(WebhookClient(settings_).Notify(n).ok());  // a durable sender's retry
  Notice fresh{"e", "t", "x", "", {}, {}};
  ASSERT_TRUE(WebhookClient(settings_).Notify(fresh).ok());
  ASSERT_EQ(receiver_->requests.size(), 3u);
  EXPECT_EQ(receiver_->requests[0].Header("x-slipway-delivery"), "notice-42");
  EXPECT_EQ(receiver_->requests[1].Header("x-slipway-delivery"), "notice-42");
  EXPECT_EQ(boost::json::parse(receiver_->requests[1].body).at("delivery").as_string(),
            "notice-42");
  EXPECT_NE(receiver_->requests[2].Header("x-slipway-delivery"), "notice-42");
}

TEST_F(WebhookTest, TransientFailuresAreRetried) {
  Fault({{"count", 2}, {"status", 503}});
  Notice n{"e", "t", "x", "", {}, {}};
  ASSERT_TRUE(WebhookClient(settings_).Notify(n).ok());
  EXPECT_EQ(receiver_->requests.size(), 1u);
}

TEST_F(WebhookTest, ReceiverRejectionsAreMappedWithTheirBody) {
  Fault({{"status", 401}, {"body", "bad signature"}});
  Notice n{"e", "t", "x", "", {}, {}};
  auto result = WebhookClient(settings_).Notify(n);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("bad signature"), std::string::npos);
  Fault({{"status", 409}, {"body", "duplicate"}});
  EXPECT_EQ(WebhookClient(settings_).Notify(n).error().code, core::Code::kConflict);
}

}  // namespace
}  // namespace slipway::connectors::webhook
