// The Tapd contract: the same assertions on the fake and on the real client
// talking to the sandbox emulator (stories created through its POST /stories).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "connectors/tapd/client.hpp"
#include "connectors/tapd/fake.hpp"
#include "sandbox/sandbox_host.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::connectors::tapd {
namespace {

using namespace std::chrono_literals;

enum class Target { kFake, kEmulator };

class TapdContract : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    if (GetParam() == Target::kFake) {
      auto fake = std::make_unique<FakeTapd>();
      fake->AddStory({"1010158231500000001",
                      "10158231",
                      "支持灰度发布",
                      "developing",
                      "alice",
                      {"bob", "carol"},
                      "2026-04-20 10:31:12",
                      "2026-04-28 09:00:00",
                      ""});
      story_id_ = "1010158231500000001";
      tapd_ = std::move(fake);
      return;
    }
    host_ = std::make_unique<sandbox::SandboxHost>();
    host_->Add(sandbox::MakeSandboxTapd());
    host_->Start();
    settings_.transport.base_url = host_->endpoints().at("tapd");
    settings_.transport.basic_user = sandbox::kSandboxTapdUser;
    settings_.transport.basic_password = sandbox::kSandboxTapdPassword;
    settings_.transport.retry_backoff = 5ms;
    HttpTransport admin(settings_.transport);
    auto created = admin.Send(
        {.method = "POST",
         .path = "/stories",
         .body = "workspace_id=10158231&name=%E6%94%AF%E6%8C%81%E7%81%B0%E5%BA%A6%E5%8F%91%E5%B8%83"
                 "&status=developing&creator=alice&owner=bob%3Bcarol%3B",
         .headers = {{"Content-Type", "application/x-www-form-urlencoded"}}});
    ASSERT_TRUE(created.ok() && created->status == 200);
    auto story = boost::json::parse(created->body).at("data").at("Story");
    story_id_ = std::string(story.at("id").as_string());
    tapd_ = std::make_unique<TapdClient>(settings_);
  }

  TapdSettings settings_;
  std::string story_id_;
  std::unique_ptr<sandbox::SandboxHost> host_;
  std::unique_ptr<Tapd> tapd_;
};

TEST_P(TapdContract, StoryByIdGivesItsTitle) {
  auto story = tapd_->GetStory("10158231", story_id_);
  ASSERT_TRUE(story.ok()) << story.error().message;
  EXPECT_EQ(story->id, story_id_);
  EXPECT_TRUE(story->id.starts_with("1010158231")) << "ids embed the workspace";
  EXPECT_EQ(story->workspace_id, "10158231");
  EXPECT_EQ(story->name, "支持灰度发布");
  EXPECT_EQ(story->status, "developing");
  EXPECT_EQ(story->creator, "alice");
  EXPECT_EQ(story->owners, (std::vector<std::string>{"bob", "carol"}));
  EXPECT_EQ(story->url, "https://www.tapd.cn/10158231/prong/stories/view/" + story_id_);
}

TEST_P(TapdContract, UnknownStoryOrOtherWorkspaceIsNotFound) {
  EXPECT_EQ(tapd_->GetStory("10158231", "1010158231999999999").error().code, core::Code::kNotFound);
  EXPECT_EQ(tapd_->GetStory("20000000", story_id_).error().code, core::Code::kNotFound);
}

TEST_P(TapdContract, NonDecimalIdsAreInvalid) {
  EXPECT_EQ(tapd_->GetStory("10158231", "12a").error().code, core::Code::kInvalid);
  EXPECT_EQ(tapd_->GetStory("", story_id_).error().code, core::Code::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Targets, TapdContract, ::testing::Values(Target::kFake, Target::kEmulator),
                         [](const auto& info) {
                           return info.param == Target::kFake ? "Fake" : "Emulator";
                         });

class TapdEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.Add(sandbox::MakeSandboxTapd());
    host_.Start();
    settings_.transport.base_url = host_.endpoints().at("tapd");
    settings_.transport.basic_user = sandbox::kSandboxTapdUser;
    settings_.transport.basic_password = sandbox::kSandboxTapdPassword;
    settings_.transport.retry_backoff = 5ms;
  }
  sandbox::SandboxHost host_;
  TapdSettings settings_;
};

TEST_F(TapdEmulatorTest, TheSandboxStartsWithAnExampleStoryAndKeepsItOnReset) {
  TapdClient client(settings_);
  auto story = client.GetStory(sandbox::kSandboxTapdWorkspace, sandbox::kSandboxTapdStoryId);
  ASSERT_TRUE(story.ok()) << story.error().message;
  EXPECT_NE(story->name.find("example story"), std::string::npos) << story->name;
  EXPECT_EQ(story->owners, std::vector<std::string>{"sandbox"});
  HttpTransport admin(TransportSettings{.base_url = settings_.transport.base_url});
  auto reset = admin.Send({.method = "POST", .path = "/_sandbox/reset"});
  ASSERT_TRUE(reset.ok() && reset->status < 300);
  EXPECT_TRUE(client.GetStory(sandbox::kSandboxTapdWorkspace, sandbox::kSandboxTapdStoryId).ok());
  HttpTransport raw(settings_.transport);
  auto created = raw.Send({.method = "POST",
                           .path = "/stories",
                           .body = "workspace_id=10158231&name=next",
                           .headers = {{"Content-Type", "application/x-www-form-urlencoded"}}});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(boost::json::parse(created->body).at("data").at("Story").at("id"),
            "1010158231500000002");
}

TEST_F(TapdEmulatorTest, WrongPasswordIsUnauthenticatedWithTapdsInfo) {
  settings_.transport.basic_password = "nope";
  auto result = TapdClient(settings_).GetStory("1", "2");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("invalid api user"), std::string::npos)
      << result.error().message;
}

TEST_F(TapdEmulatorTest, EnvelopeHasStringsAndRequiresTheWorkspace) {
  HttpTransport raw(settings_.transport);
  auto created = raw.Send({.method = "POST",
                           .path = "/stories",
                           .body = R"({"workspace_id":"7","name":"x","size":3})",
                           .headers = {{"Content-Type", "application/json"}}});
  ASSERT_TRUE(created.ok());
  auto story = boost::json::parse(created->body).at("data").at("Story").as_object();
  EXPECT_TRUE(story.at("size").is_string());
  EXPECT_TRUE(story.at("id").is_string());
  auto missing = raw.Send({.path = "/stories?id=1"});
  ASSERT_TRUE(missing.ok());
  auto envelope = boost::json::parse(missing->body).as_object();
  EXPECT_NE(envelope.at("status").as_int64(), 1);
  EXPECT_EQ(envelope.at("info").as_string(), "workspace_id is required");
}

TEST_F(TapdEmulatorTest, FaultsAreRetriedOrMapped) {
  HttpTransport admin(TransportSettings{.base_url = settings_.transport.base_url});
  auto add = [&](const char* rule) {
    auto r = admin.Send({.method = "POST", .path = "/_sandbox/faults", .body = rule});
    ASSERT_TRUE(r.ok() && r->status == 201);
  };
  add(R"({"method":"GET","count":2,"status":503})");
  EXPECT_EQ(TapdClient(settings_).GetStory("1", "2").error().code, core::Code::kNotFound)
      << "retried to the end";
  add(R"({"method":"GET","count":1,"status":409,"body":"{\"status\":0,\"data\":[],\"info\":\"locked\"}"})");
  auto conflict = TapdClient(settings_).GetStory("1", "2");
  EXPECT_EQ(conflict.error().code, core::Code::kConflict);
  EXPECT_NE(conflict.error().message.find("locked"), std::string::npos);
}

}  // namespace
}  // namespace slipway::connectors::tapd
