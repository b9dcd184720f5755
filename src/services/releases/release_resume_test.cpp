// Releases across processes: a (re)started process wakes every waiting
// release at once (its watches died with the old process), and the watches
// of a release that ended elsewhere (another replica) stop by themselves.
#include <chrono>
#include <functional>
#include <thread>

#include "services/releases/release_test_fixture.hpp"
#include "services/releases/release_wake.hpp"

namespace slipway::services {
namespace {

const json::object kManualCanary{{"strategy", "canary"},
                                 {"canary",
                                  {{"steps", json::array{{{"pods", 1}, {"pause", "manual"}}}},
                                   {"stability_window_seconds", 0}}}};

// Watch events arrive on the fake's own threads.
bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 500 && !done(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return done();
}

TEST_F(ReleaseRunnerTest, ResumingWakesAWaitingReleaseBeforeItsRecheckDeadline) {
  auto env = CreateEnv(4, kManualCanary);
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok()) << started.error().message;
  ASSERT_EQ(Drive(started->release.id).state, core::ReleaseState::kCanary);
  // As after a restart: no watch, and the step sleeps until its deadline.
  // A step run that was already due starts the watches again, and their first
  // events poke it: stop and drain until a drain starts none.
  do {
    runner_->watcher().StopAll();
    while (engine_->RunOnce()) {
    }
  } while (runner_->watcher().active() != 0);
  ASSERT_FALSE(engine_->RunOnce()) << "the step is due before its deadline";

  EXPECT_EQ(ResumeWaitingReleases(*db_, *engine_), 1);
  EXPECT_TRUE(engine_->RunOnce()) << "the step did not run at once";
  EXPECT_EQ(runner_->watcher().active(), 1u) << "its run starts the watches again";
  EXPECT_EQ(Release(started->release.id).state, core::ReleaseState::kCanary);
  // Still waiting for its promotion: resumable again. Its new watches may
  // poke it meanwhile (it is then due, not waiting), so run what is due first.
  // (Not Eventually: resuming has an effect, and its last look would resume twice.)
  bool resumed = false;
  for (int i = 0; i < 500 && !resumed; ++i) {
    while (engine_->RunOnce()) {
    }
    resumed = ResumeWaitingReleases(*db_, *engine_) == 1;
    if (!resumed) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(resumed) << "still waiting for its promotion";
}

TEST_F(ReleaseRunnerTest, WatchesOfAReleaseThatEndedElsewhereStopAtItsNextEvent) {
  auto env = CreateEnv(4, kManualCanary);
  auto started =
      releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
  ASSERT_TRUE(started.ok()) << started.error().message;
  ASSERT_EQ(Drive(started->release.id).state, core::ReleaseState::kCanary);
  ASSERT_EQ(runner_->watcher().active(), 1u);

  // The workflow ends without this process running its last step.
  ASSERT_TRUE(engine_->Cancel(started->release.workflow_id, "ended by another replica").ok());
  ASSERT_TRUE(kube_->Scale(connectors::kube::kDeployments, "prod", "shop", 5).ok());
  EXPECT_TRUE(Eventually([&] { return runner_->watcher().active() == 0; }))
      << "the watches outlive the release";
}

}  // namespace
}  // namespace slipway::services
