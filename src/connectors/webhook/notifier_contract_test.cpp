// The Notifier contract: the same assertions on the fake, on the DingTalk
// client talking to the DingTalk emulator, and on the webhook client talking
// to a recording receiver in the sandbox host.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <mutex>

#include "connectors/dingtalk/client.hpp"
#include "connectors/webhook/client.hpp"
#include "connectors/webhook/fake_notifier.hpp"
#include "sandbox/dingtalk/dingtalk_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors {
namespace {

using namespace std::chrono_literals;

/// A webhook receiver for tests: keeps each request, answers 200.
class RecordingReceiver final : public sandbox::Emulator {
 public:
  std::string_view system() const override { return "webhook"; }
  http::Response Handle(http::Request& request) override {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    return http::Response::Json(200, boost::json::object{{"ok", true}});
  }
  boost::json::value State() const override { return boost::json::object{}; }
  void Reset() override {}
  std::vector<http::Request> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<http::Request> requests_;
};

enum class Target { kFake, kDingTalk, kWebhook };

class NotifierContract : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    if (GetParam() == Target::kFake) {
      fake_ = std::make_shared<FakeNotifier>();
      notifier_ = fake_;
      return;
    }
    host_ = std::make_unique<sandbox::SandboxHost>();
    if (GetParam() == Target::kDingTalk) {
      host_->Add(sandbox::MakeSandboxDingTalk());
    } else {
      auto receiver = std::make_unique<RecordingReceiver>();
      receiver_ = receiver.get();
      host_->Add(std::move(receiver));
    }
    host_->Start();
    if (GetParam() == Target::kDingTalk) {
      dingtalk::DingTalkSettings s;
      s.transport.base_url = host_->endpoints().at("dingtalk") +
                             "/robot/send?access_token=" + sandbox::kSandboxRobotToken;
      s.secret = sandbox::kSandboxRobotSecret;
      notifier_ = std::make_shared<dingtalk::DingTalkClient>(s);
    } else {
      webhook::WebhookSettings s;
      s.transport.base_url = host_->endpoints().at("webhook") + "/hooks/slipway";
      s.secret = "hook-secret";
      notifier_ = std::make_shared<webhook::WebhookClient>(s);
    }
  }

  /// What the receiving end saw: one text per notice, with the title.
  std::vector<std::string> Received() {
    std::vector<std::string> out;
    if (fake_) {
      for (const auto& n : fake_->notices())
        out.push_back(n.title + "\n" + (n.markdown.empty() ? n.text : n.markdown));
    } else if (receiver_) {
      for (const auto& r : receiver_->requests()) {
        auto o = boost::json::parse(r.body).as_object();
        std::string body(o.at("markdown").as_string().empty() ? o.at("text").as_string()
                                                              : o.at("markdown").as_string());
        out.push_back(std::string(o.at("subject").as_string()) + "\n" + body);
      }
    } else {
      auto state = host_->Find("dingtalk")->State();
      for (const auto& m : state.at("messages").as_array())
        out.emplace_back(m.at("text").as_string());
    }
    return out;
  }

  std::unique_ptr<sandbox::SandboxHost> host_;
  std::shared_ptr<FakeNotifier> fake_;
  RecordingReceiver* receiver_ = nullptr;
  std::shared_ptr<Notifier> notifier_;
};

TEST_P(NotifierContract, TextNoticeArrivesWithItsTitle) {
  Notice n{"release.succeeded", "Release web 1.4.3", "web 1.4.3 is live in prod", "", {},
           {{"release", "42"}}};
  ASSERT_TRUE(notifier_->Notify(n).ok());
  auto got = Received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("Release web 1.4.3"), std::string::npos) << got[0];
  EXPECT_NE(got[0].find("web 1.4.3 is live in prod"), std::string::npos) << got[0];
}

TEST_P(NotifierContract, MarkdownNoticeIsPreferredAndMentionsSurvive) {
  Notice n{"lane.expiring",
           "Lane pay expires tomorrow",
           "plain",
           "#### Lane pay\n- expires: tomorrow",
           {{"13800000000"}, {}, false},
           {}};
  ASSERT_TRUE(notifier_->Notify(n).ok());
  auto got = Received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("#### Lane pay"), std::string::npos) << got[0];
  EXPECT_EQ(got[0].find("plain"), std::string::npos) << got[0];
}

TEST_P(NotifierContract, AnEmptyNoticeIsInvalid) {
  Notice n{"x", "", "", "", {}, {}};
  auto result = notifier_->Notify(n);
  if (GetParam() == Target::kWebhook) {
    EXPECT_TRUE(result.ok()) << "a webhook event may carry only data";
    return;
  }
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kInvalid);
  EXPECT_TRUE(Received().empty());
}

INSTANTIATE_TEST_SUITE_P(Targets, NotifierContract,
                         ::testing::Values(Target::kFake, Target::kDingTalk, Target::kWebhook),
                         [](const auto& info) {
                           return info.param == Target::kFake       ? "Fake"
                                  : info.param == Target::kDingTalk ? "DingTalk"
                                                                    : "Webhook";
                         });

TEST(FakeNotifier, InjectedFailure) {
  FakeNotifier fake;
  fake.FailNext(core::Error{core::Code::kTransient, "down", {}});
  Notice n{"e", "t", "x", "", {}, {}};
  EXPECT_EQ(fake.Notify(n).error().code, core::Code::kTransient);
  EXPECT_TRUE(fake.Notify(n).ok());
  EXPECT_EQ(fake.notices().size(), 1u);
}

}  // namespace
}  // namespace slipway::connectors
