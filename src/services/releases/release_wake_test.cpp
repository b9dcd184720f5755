// Waking a release's workflow: delivered to a waiting step at once, tried
// again only while the step runs, never for a pending step or an ended
// workflow. Attempts are counted through keep_going (called once per try).
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

  int Tries(const json::object& payload = {}) {
    int tries = 0;
    delivered_ = WakeRelease(*engine_, id_, payload, [&] { return ++tries > 0; });
    return tries;
  }
  std::string StepState() {
    auto w = engine_->Get(id_);
    return std::string(engine::StateName(w->steps.back().state));
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::unique_ptr<engine::Engine> engine_;
  std::string id_;
  bool delivered_ = false;
  bool hold_ = false;
  std::promise<void> started_, release_;
};

TEST_F(ReleaseWakeTest, APendingStepIsNotSignalledAgain) {
  EXPECT_EQ(Tries(), 1);  // not run yet: it will read everything when it does
  EXPECT_FALSE(delivered_);
}

TEST_F(ReleaseWakeTest, AWaitingStepIsSignalledOnce) {
  ASSERT_TRUE(engine_->RunOnce());
  ASSERT_EQ(StepState(), "waiting");
  EXPECT_EQ(Tries(), 1);
  EXPECT_TRUE(delivered_);
  EXPECT_EQ(StepState(), "pending");
  EXPECT_EQ(Tries(), 1) << "signalled already: the coming run covers this too";
  EXPECT_FALSE(delivered_);
}

TEST_F(ReleaseWakeTest, AnEndedWorkflowIsNotTriedAgain) {
  ASSERT_TRUE(engine_->RunOnce());
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(Tries(), 1);
    ASSERT_TRUE(engine_->RunOnce());
  }
  ASSERT_EQ(engine_->Get(id_)->state, engine::WorkflowState::kSucceeded);
  EXPECT_EQ(Tries(), 1);
  EXPECT_FALSE(delivered_);
}

TEST_F(ReleaseWakeTest, ARunningStepIsTriedAgainUntilItWaits) {
  hold_ = true;
  auto run = std::async(std::launch::async, [&] { return engine_->RunOnce(); });
  started_.get_future().wait();  // the step runs (and may have looked already)
  int tries = 0;
  delivered_ = WakeRelease(*engine_, id_, {}, [&] {
    if (++tries == 3) {  // let the step end and wait again
      release_.set_value();
      run.get();
    }
    return true;
  });
  EXPECT_TRUE(delivered_);
  EXPECT_EQ(tries, 3);
  EXPECT_EQ(StepState(), "pending");
}

}  // namespace
}  // namespace slipway::services
