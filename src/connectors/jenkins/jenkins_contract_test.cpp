// The Jenkins port's contract, with identical assertions against the
// in-memory fake and the real client talking to the sandbox emulator (no
// real Jenkins runs here).
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "connectors/jenkins/client.hpp"
#include "connectors/jenkins/config_xml.hpp"
#include "connectors/jenkins/fake.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::jenkins {
namespace {

using namespace std::chrono_literals;

std::string JobXml() {
  return PipelineJobXml("contract job", {{"GREETING", "hello"}, {"TARGET", "world"}},
                        "http://gitlab.invalid/t/app.git");
}

class JenkinsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "fake") {
      port_ = std::make_unique<FakeJenkins>();
    } else {
      host_ = std::make_unique<sandbox::SandboxHost>();
      host_->Add(std::make_unique<sandbox::jenkins::JenkinsEmulator>());
      host_->Start();
      port_ = std::make_unique<JenkinsClient>(
          JenkinsSettings{.transport = {.base_url = host_->endpoints().at("jenkins"),
                                        .basic_user = "admin",
                                        .basic_password = "admin"}});
    }
  }
  Jenkins& j() { return *port_; }

  /// Polls the queue item until it names its build.
  std::int64_t WaitForBuildNumber(std::int64_t queue_id) {
    for (auto deadline = std::chrono::steady_clock::now() + 10s;
         std::chrono::steady_clock::now() < deadline;) {
      auto item = j().GetQueueItem(queue_id);
      EXPECT_TRUE(item.ok()) << item.error().message;
      if (item.ok() && item->build_number) return *item->build_number;
      std::this_thread::sleep_for(20ms);
    }
    ADD_FAILURE() << "queue item " << queue_id << " never left the queue";
    return 0;
  }
  JenkinsBuild WaitForResult(const std::string& path, std::int64_t number) {
    for (auto deadline = std::chrono::steady_clock::now() + 10s;
         std::chrono::steady_clock::now() < deadline;) {
      auto b = j().GetBuild(path, number);
      EXPECT_TRUE(b.ok()) << b.error().message;
      if (b.ok() && b->result) return *b;
      std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << "build never finished";
    return {};
  }

  std::unique_ptr<sandbox::SandboxHost> host_;
  std::unique_ptr<Jenkins> port_;
};

TEST_P(JenkinsContract, FoldersHoldJobsWithTheirParameters) {
  ASSERT_TRUE(j().CreateFolder("team").ok());
  auto created = j().CreateJob("team/web", JobXml());
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto folder = j().GetItem("team");
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  EXPECT_TRUE(folder->is_folder);
  EXPECT_EQ(folder->children, std::vector<std::string>{"web"});
  auto job = j().GetItem("team/web");
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_FALSE(job->is_folder);
  EXPECT_TRUE(job->buildable);
  ASSERT_EQ(job->parameters.size(), 2u);
  EXPECT_EQ(job->parameters[0].name, "GREETING");
  EXPECT_EQ(job->parameters[0].default_value, "hello");
  EXPECT_FALSE(job->last_build.has_value());
}

TEST_P(JenkinsContract, AJobsConfigIsReadBackAsItWasCreated) {
  ASSERT_TRUE(j().CreateFolder("team").ok());
  ASSERT_TRUE(j().CreateJob("team/web", JobXml()).ok());
  auto config = j().GetJobConfig("team/web");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(*config, JobXml());
  auto folder = j().GetJobConfig("team");
  ASSERT_TRUE(folder.ok()) << folder.error().message;
  auto parsed = ParseConfigXml(*folder);
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->folder);
  EXPECT_EQ(j().GetJobConfig("team/nope").error().code, core::Code::kNotFound);
  // What lanes do: the application's job, copied into folder <lane> with the lane's branch.
  auto lane_xml = WithBranch(*config, "feature/lane-1");
  ASSERT_TRUE(lane_xml.ok());
  ASSERT_TRUE(j().CreateFolder("lane-1").ok());
  ASSERT_TRUE(j().CreateJob("lane-1/web", *lane_xml).ok());
  auto copy = j().GetItem("lane-1/web");
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->parameters.size(), 2u);
  EXPECT_EQ(*j().GetJobConfig("lane-1/web"), *lane_xml);
}

TEST_P(JenkinsContract, NameTakenIsInvalidAndMissingItemsAreNotFound) {
  ASSERT_TRUE(j().CreateJob("web", JobXml()).ok());
  auto again = j().CreateJob("web", JobXml());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kInvalid);
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos)
      << again.error().message;
  EXPECT_EQ(j().GetItem("nope").error().code, core::Code::kNotFound);
  EXPECT_EQ(j().CreateJob("no-folder/web", JobXml()).error().code, core::Code::kNotFound);
  EXPECT_EQ(j().GetQueueItem(9999).error().code, core::Code::kNotFound);
  EXPECT_EQ(j().GetBuild("web", 7).error().code, core::Code::kNotFound);
}

TEST_P(JenkinsContract, ABuildGoesFromQueueToResultWithItsParametersAndConsole) {
  ASSERT_TRUE(j().CreateJob("web", JobXml()).ok());
  auto queued = j().TriggerBuild("web", {{"GREETING", "hi"}, {"UNDEFINED", "dropped"}}, 0);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  std::int64_t number = WaitForBuildNumber(*queued);
  EXPECT_EQ(number, 1);

  std::string console;
  std::int64_t start = 0;
  int reads = 0;
  for (auto deadline = std::chrono::steady_clock::now() + 10s;
       std::chrono::steady_clock::now() < deadline; ++reads) {
    auto chunk = j().ReadConsole("web", number, start);
    ASSERT_TRUE(chunk.ok()) << chunk.error().message;
    console += chunk->text;
    EXPECT_GE(chunk->next_start, start);
    start = chunk->next_start;
    if (!chunk->more) break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_GT(reads, 1) << "the console should grow while the build runs";
  EXPECT_TRUE(console.starts_with("Started by user")) << console;
  EXPECT_TRUE(console.ends_with("Finished: SUCCESS\n")) << console;
  EXPECT_EQ(static_cast<std::size_t>(start), console.size());

  auto build = WaitForResult("web", number);
  EXPECT_EQ(build.result, "SUCCESS");
  EXPECT_FALSE(build.building);
  EXPECT_GT(build.duration_ms, 0);
  EXPECT_EQ(build.queue_id, *queued);
  std::map<std::string, std::string> expected{{"GREETING", "hi"}, {"TARGET", "world"}};
  EXPECT_EQ(build.parameters, expected);
  EXPECT_EQ(j().GetItem("web")->last_build, number);
}

TEST_P(JenkinsContract, IdenticalWaitingRequestsMerge) {
  ASSERT_TRUE(j().CreateJob("web", JobXml()).ok());
  auto a = j().TriggerBuild("web", {{"GREETING", "x"}}, 30);
  auto b = j().TriggerBuild("web", {{"GREETING", "x"}}, 30);
  auto c = j().TriggerBuild("web", {{"GREETING", "y"}}, 30);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
}

TEST_P(JenkinsContract, AQueuedItemCanBeCancelled) {
  ASSERT_TRUE(j().CreateJob("web", JobXml()).ok());
  auto queued = j().TriggerBuild("web", {}, 30);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  auto waiting = j().GetQueueItem(*queued);
  ASSERT_TRUE(waiting.ok());
  EXPECT_FALSE(waiting->left);
  EXPECT_FALSE(waiting->why.empty());
  ASSERT_TRUE(j().CancelQueueItem(*queued).ok());
  auto item = j().GetQueueItem(*queued);
  ASSERT_TRUE(item.ok());
  EXPECT_TRUE(item->left);
  EXPECT_TRUE(item->cancelled);
  EXPECT_FALSE(item->build_number.has_value());
  EXPECT_EQ(j().CancelQueueItem(9999).error().code, core::Code::kNotFound);
}

TEST_P(JenkinsContract, ARunningBuildCanBeStopped) {
  ASSERT_TRUE(j().CreateJob("web", JobXml()).ok());
  auto queued = j().TriggerBuild("web", {}, 0);
  ASSERT_TRUE(queued.ok());
  std::int64_t number = WaitForBuildNumber(*queued);
  auto running = j().GetBuild("web", number);
  ASSERT_TRUE(running.ok());
  EXPECT_TRUE(running->building);
  EXPECT_FALSE(running->result.has_value());
  ASSERT_TRUE(j().StopBuild("web", number).ok());
  auto build = WaitForResult("web", number);
  EXPECT_EQ(build.result, "ABORTED");
  auto console = j().ReadConsole("web", number, 0);
  ASSERT_TRUE(console.ok());
  EXPECT_TRUE(console->text.ends_with("Finished: ABORTED\n")) << console->text;
  EXPECT_FALSE(console->more);
  EXPECT_TRUE(j().StopBuild("web", number).ok());  // a finished build: no effect
}

TEST_P(JenkinsContract, DeletingAFolderDeletesItsJobs) {
  ASSERT_TRUE(j().CreateFolder("team").ok());
  ASSERT_TRUE(j().CreateJob("team/web", JobXml()).ok());
  ASSERT_TRUE(j().DeleteItem("team").ok());
  EXPECT_EQ(j().GetItem("team/web").error().code, core::Code::kNotFound);
  EXPECT_EQ(j().GetItem("team").error().code, core::Code::kNotFound);
  EXPECT_EQ(j().DeleteItem("team").error().code, core::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, JenkinsContract, ::testing::Values("fake", "emulator"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace slipway::connectors::jenkins
