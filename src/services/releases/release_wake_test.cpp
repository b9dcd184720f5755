// Waking a release's workflow: delivered to a waiting step at once, kept for
// a running step until it waits, never for a pending step or an ended
// workflow, and never tried twice; watches stop once the workflow ended.
#include "services/releases/release_wake.hpp"

#include <gtest/gtest.h>

#include <future>

#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "services/releases/release_begin.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;

class ReleaseWakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine::Registry registry;
    // One step that waits for the release event twice, then ends; its first
    // run can be held (to be "running" while someone signals).
    registry.Add({"waker", {{"wait", [this](engine::StepContext& ctx) -> engine::StepOutcome {
                               if (hold_) {
                                 started_.set_value();
                                 release_.get_future().wait();
                                 hold_ = false;
                               }
                               const auto seen =
                                   ctx.scratch.is_int64() ? ctx.scratch.as_int64() : 0;
                               if (seen == 2) return engine::Succeeded();
                               return engine::WaitSignal(kReleaseEvent, json::value(seen + 1));
                             }}}});
    engine::EngineSettings settings;
    settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), settings);
    auto id = engine_->StartWorkflow("waker", "w", json::object{});
    ASSERT_TRUE(id.ok());
    id_ = *id;
  }

  bool Wake(const json::object& payload = {}) { return WakeRelease(*engine_, id_, payload); }
  std::string StepState() {
    auto w = engine_->Get(id_);
    return std::string(engine::StateName(w->steps.back().state));
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::unique_ptr<engine::Engine> engine_;
  std::string id_;
  bool hold_ = false;
  std::promise<void> started_, release_;
};

TEST_F(ReleaseWakeTest, APendingStepIsNotSignalledAgain) {
  EXPECT_FALSE(Wake());  // not run yet: it will read everything when it does
  EXPECT_EQ(StepState(), "pending");
}

TEST_F(ReleaseWakeTest, AWaitingStepIsSignalledOnce) {
  ASSERT_TRUE(engine_->RunOnce());
  ASSERT_EQ(StepState(), "waiting");
  EXPECT_TRUE(Wake());
  EXPECT_EQ(StepState(), "pending");
  EXPECT_FALSE(Wake()) << "signalled already: the coming run covers this too";
}

// Before, a running step was signalled again every 25 ms for up to half a
// second, holding the watch's thread (and the events behind it) meanwhile,
// and the news was lost when the run took longer.
TEST_F(ReleaseWakeTest, ARunningStepRunsAgainAsSoonAsItWaitsWithoutBeingTriedAgain) {
  hold_ = true;
  auto run = std::async(std::launch::async, [&] { return engine_->RunOnce(); });
  started_.get_future().wait();  // the step runs (and may have looked already)
  EXPECT_TRUE(Wake({{"kind", "rollout"}})) << "kept for the running step, in one try";
  EXPECT_EQ(StepState(), "running");
  release_.set_value();
  ASSERT_TRUE(run.get());
  EXPECT_EQ(StepState(), "pending") << "its wait is over: the news came during the run";
  EXPECT_EQ(engine_->QueueDepth(), 1);
}

TEST_F(ReleaseWakeTest, WatchesGoOnUntilTheWorkflowHasEnded) {
  EXPECT_TRUE(WakeForWatch(*engine_, id_)) << "pending: nothing to do, but it runs";
  ASSERT_TRUE(engine_->RunOnce());
  EXPECT_TRUE(WakeForWatch(*engine_, id_)) << "waiting: woken";
  ASSERT_TRUE(engine_->RunOnce());
  ASSERT_TRUE(Wake());
  ASSERT_TRUE(engine_->RunOnce());
  ASSERT_EQ(engine_->Get(id_)->state, engine::WorkflowState::kSucceeded);
  EXPECT_FALSE(WakeForWatch(*engine_, id_)) << "ended: its watches stop";
  EXPECT_FALSE(WakeForWatch(*engine_, "wf_gone"));
}

}  // namespace
}  // namespace slipway::services
