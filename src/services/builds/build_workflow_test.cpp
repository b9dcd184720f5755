// The `build` workflow against the in-memory Jenkins and registry: queue →
// build → result → digest, failures, cancellation, and the trigger that must
// never be sent twice (R-BLD-2, R-BLD-3, R-REL-7).
#include "services/builds/build_workflow.hpp"

#include "services/builds/build_addresses.hpp"
#include "services/builds/build_test_fixture.hpp"

namespace slipway::services {
namespace {

using core::BuildState;

class BuildWorkflowTest : public BuildTest {
 protected:
  static constexpr const char* kJob = "trade/order-svc-build";

  void SetUp() override {
    BuildTest::SetUp();
    app_ = AddApp("order-svc");
  }

  // What a previous process did before it died between triggering and
  // committing: the trigger is recorded as sent (and maybe was).
  void TriggerSentAndLost(const core::Build& build, bool jenkins_got_it) {
    ASSERT_TRUE(jenkins_->CreateFolder("trade").ok());
    ASSERT_TRUE(jenkins_->CreateJob(kJob, StandardJobXml(app_)).ok());
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      store::builds::MarkTriggerSent(tx, build.id, clock_.Now(), 0);
    });
    if (jenkins_got_it) {
      ASSERT_TRUE(jenkins_->TriggerBuild(kJob, BuildParameters(app_.name, build), 0).ok());
    }
  }

  core::App app_;
};

TEST_F(BuildWorkflowTest, ABuildRunsFromTriggerToDigest) {
  jenkins_->ScriptOutcome(kJob, "SUCCESS",
                          {"Commit: 0123456789abcdef0123456789abcdef01234567", "pushed"});
  auto view = Start(app_, "1.0.0");
  auto pushed = registry_->PushImage("images/order-svc", "1.0.0");  // what the job does
  ASSERT_TRUE(pushed.ok());
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kSucceeded);
  EXPECT_EQ(b.digest, pushed->digest);
  EXPECT_EQ(b.commit, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(b.jenkins_result, "SUCCESS");
  EXPECT_EQ(b.build_number, 1);
  EXPECT_TRUE(b.queue_id.has_value());
  EXPECT_TRUE(b.started_at.has_value());
  EXPECT_TRUE(b.finished_at.has_value());
  EXPECT_EQ(CallsNamed("CreateJob"), 1);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 1);
  auto log = builds_->ReadLog(alice_, std::to_string(b.id), 0);
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(log->ended);
  EXPECT_NE(log->text.find("Finished: SUCCESS"), std::string::npos);
  std::vector<std::string> actions;
  for (const auto& r : AuditOf(b.id)) actions.push_back(r.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"build.succeeded", "build.running",
                                               "build.job_create", "build.start"}));
}

TEST_F(BuildWorkflowTest, TheJobIsGivenTheDocumentedParameters) {
  auto view = Start(app_, "2.1");
  RunDue();  // the trigger step
  auto item = jenkins_->GetItem(kJob);
  ASSERT_TRUE(item.ok());
  ASSERT_TRUE(item->last_build.has_value());
  auto run = jenkins_->GetBuild(kJob, *item->last_build);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->parameters, (std::map<std::string, std::string>{{"APP", "order-svc"},
                                                                 {"BRANCH", "main"},
                                                                 {"VERSION", "2.1"},
                                                                 {"IMAGE", view.build.image}}));
}

TEST_F(BuildWorkflowTest, AFailedJobFailsTheBuildWithJenkinsReason) {
  jenkins_->ScriptOutcome(
      kJob, "FAILURE", {"ERROR: branch 'nope' does not exist in GitLab project 'trade/order-svc'"});
  auto view = Start(app_, "1");
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(b.jenkins_result, "FAILURE");
  EXPECT_NE(b.reason.find("ERROR: branch 'nope'"), std::string::npos) << b.reason;
  EXPECT_TRUE(b.digest.empty());
  for (const auto& call : registry_->calls())
    EXPECT_EQ(call.rfind("HeadManifest", 0), std::string::npos);
}

TEST_F(BuildWorkflowTest, ALongLogIsKeptUpToTheCapAndTheReasonStillComesFromItsEnd) {
  auto settings = Settings();
  settings.log_max_bytes = 2048;
  Wire(settings);
  std::vector<std::string> lines(400, "compiling a file with a long and chatty line of output");
  lines.push_back("ERROR: the tests of order-svc failed");
  jenkins_->ScriptOutcome(kJob, "FAILURE", lines);
  auto b = Drive(Start(app_, "1").build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_NE(b.reason.find("ERROR: the tests of order-svc failed"), std::string::npos)
      << "read from Jenkins' end of the log: " << b.reason;
  auto log = builds_->ReadLog(alice_, std::to_string(b.id), 0);
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(log->ended);
  EXPECT_LT(log->text.size(), 2048u + 200u) << "the cap and its note";
  EXPECT_NE(log->text.find("the rest is in Jenkins"), std::string::npos);
  EXPECT_EQ(log->text.find("ERROR: the tests"), std::string::npos) << "beyond the cap";
}

TEST_F(BuildWorkflowTest, UnstableCountsAsFailed) {
  jenkins_->ScriptOutcome(kJob, "UNSTABLE", {"tests flaky"});
  EXPECT_EQ(Drive(Start(app_, "1").build.id).state, BuildState::kFailed);
}

TEST_F(BuildWorkflowTest, AMissingJobFailsTheBuildWhenJobsAreNotCreated) {
  auto settings = Settings();
  settings.create_missing_jobs = false;
  Wire(settings);
  auto b = Drive(Start(app_, "1").build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(CallsNamed("CreateJob"), 0);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 0);
}

TEST_F(BuildWorkflowTest, AJobWithoutTheBuildParametersIsNotTriggered) {
  ASSERT_TRUE(jenkins_->CreateFolder("trade").ok());
  ASSERT_TRUE(
      jenkins_
          ->CreateJob(kJob, "<flow-definition><description>bare</description></flow-definition>")
          .ok());
  auto b = Drive(Start(app_, "1").build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_FALSE(b.reason.empty());
  EXPECT_EQ(CallsNamed("TriggerBuild"), 0);
}

TEST_F(BuildWorkflowTest, SucceededInJenkinsButNoImageInTheRegistryFails) {
  auto b = Drive(Start(app_, "1").build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(b.jenkins_result, "SUCCESS");
}

TEST_F(BuildWorkflowTest, CancelledBeforeTheTriggerNeverReachesJenkins) {
  auto view = Start(app_, "1");
  ASSERT_TRUE(builds_->Cancel(alice_, std::to_string(view.build.id)).ok());
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kCancelled);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 0);
}

TEST_F(BuildWorkflowTest, CancelledInTheQueueCancelsTheQueueItem) {
  jenkins_ =
      std::make_shared<connectors::jenkins::FakeJenkins>(connectors::jenkins::FakeJenkins::Timing{
          std::chrono::hours(1), std::chrono::milliseconds(0)});
  connections_.jenkins = jenkins_;
  auto view = Start(app_, "1");
  RunDue();  // triggered; waits in the quiet period
  ASSERT_TRUE(Load(view.build.id).queue_id.has_value());
  ASSERT_TRUE(builds_->Cancel(alice_, std::to_string(view.build.id)).ok());
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kCancelled);
  EXPECT_EQ(CallsNamed("CancelQueueItem"), 1);
  EXPECT_FALSE(b.build_number.has_value());
}

TEST_F(BuildWorkflowTest, CancelledWhileRunningStopsTheBuild) {
  jenkins_ =
      std::make_shared<connectors::jenkins::FakeJenkins>(connectors::jenkins::FakeJenkins::Timing{
          std::chrono::milliseconds(0), std::chrono::hours(1)});
  connections_.jenkins = jenkins_;
  auto view = Start(app_, "1");
  for (int i = 0; i < 5 && Load(view.build.id).state != BuildState::kRunning; ++i) {
    RunDue();
    clock_.Advance(1000);
  }
  ASSERT_EQ(Load(view.build.id).state, BuildState::kRunning);
  ASSERT_TRUE(builds_->Cancel(alice_, std::to_string(view.build.id)).ok());
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kCancelled);
  EXPECT_EQ(b.jenkins_result, "ABORTED");
  EXPECT_EQ(CallsNamed("StopBuild"), 1);
}

TEST_F(BuildWorkflowTest, ATriggerLostInACrashIsAdoptedNotSentAgain) {
  auto view = Start(app_, "1");
  TriggerSentAndLost(view.build, /*jenkins_got_it=*/true);
  EXPECT_TRUE(registry_->PushImage("images/order-svc", "1").ok());
  auto b = Drive(view.build.id);
  EXPECT_EQ(b.state, BuildState::kSucceeded);
  EXPECT_EQ(b.build_number, 1);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 1);  // the lost one only
}

TEST_F(BuildWorkflowTest, ATriggerThatNeverReachedJenkinsFailsTheBuildAfterTheRecoveryWindow) {
  auto view = Start(app_, "1");
  TriggerSentAndLost(view.build, /*jenkins_got_it=*/false);
  RunDue();
  clock_.Advance(Settings().trigger_recovery_ms / 2);
  RunDue();
  EXPECT_EQ(Load(view.build.id).state, BuildState::kQueued);  // still looking
  auto b = Drive(view.build.id, 50, Settings().trigger_recovery_ms / 4);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 0);
}

TEST_F(BuildWorkflowTest, CancellingWhileALostTriggerIsLookedForEndsTheBuildAtOnce) {
  auto view = Start(app_, "1");
  TriggerSentAndLost(view.build, /*jenkins_got_it=*/false);
  RunDue();
  ASSERT_TRUE(builds_->Cancel(alice_, std::to_string(view.build.id)).ok());
  auto b = Drive(view.build.id, 3);
  EXPECT_EQ(b.state, BuildState::kCancelled);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 0);
}

TEST_F(BuildWorkflowTest, ATriggerWhoseAnswerWasLostIsNotRepeated) {
  jenkins_->FailNext("TriggerBuild", {core::Code::kTransient, "jenkins: timed out", {}});
  auto b = Drive(Start(app_, "1").build.id, 50, Settings().trigger_recovery_ms / 4);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 1);
}

TEST_F(BuildWorkflowTest, AJenkinsRefusalFailsTheBuildAtOnce) {
  jenkins_->FailNext("TriggerBuild", {core::Code::kConflict, "jenkins: job is not buildable", {}});
  auto b = Drive(Start(app_, "1").build.id, 3);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_EQ(CallsNamed("TriggerBuild"), 1);
}

TEST_F(BuildWorkflowTest, ShortOutagesAreWaitedOutLongOnesFailTheBuild) {
  auto view = Start(app_, "1");
  EXPECT_TRUE(registry_->PushImage("images/order-svc", "1").ok());
  RunDue();  // triggered
  jenkins_->FailNext("GetQueueItem", {core::Code::kTransient, "jenkins: 503", {}});
  EXPECT_EQ(Drive(view.build.id).state, BuildState::kSucceeded);

  auto second = Start(app_, "2");
  RunDue();
  for (int i = 0; i < 100; ++i)
    jenkins_->FailNext("GetQueueItem", {core::Code::kTransient, "jenkins: 503", {}});
  auto b = Drive(second.build.id);
  EXPECT_EQ(b.state, BuildState::kFailed);
  EXPECT_FALSE(b.reason.empty());
}

TEST_F(BuildWorkflowTest, ABuildWhoseWorkflowIsCancelledReadsAsFailed) {
  auto view = Start(app_, "1");
  ASSERT_TRUE(engine_->Cancel(view.build.workflow_id, "an admin gave up").ok());
  auto b = builds_->Get(alice_, std::to_string(view.build.id));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->build.state, BuildState::kFailed);
  EXPECT_TRUE(b->actions.Allows("delete"));
}

}  // namespace
}  // namespace slipway::services
