// Engine::Notify: news for a watch-driven step that may arrive while the step
// runs. A signal the running step cannot take yet is kept, and the wait that
// run ends with is over at once — no retry loop, no timer.
#include <chrono>
#include <functional>
#include <future>
#include <vector>

#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

class EngineNotifyTest : public EngineTest {
 protected:
  // One step waiting for "changed" until it has seen `news_needed` signals;
  // `during_run` is called inside each run (an event arriving meanwhile).
  Registry Watcher(int news_needed = 1) {
    Registry registry;
    registry.Add({"watch", {{"rollout", [this, news_needed](StepContext& ctx) {
                               payloads_.push_back(ctx.signal ? ctx.signal->payload : nullptr);
                               if (during_run_) during_run_(ctx);
                               const int seen = ctx.scratch.is_int64() ? ctx.scratch.as_int64() : 0;
                               const int now_seen = seen + (ctx.signal ? 1 : 0);
                               if (now_seen >= news_needed) return Succeeded();
                               return WaitSignal("changed", now_seen);
                             }}}});
    return registry;
  }

  std::vector<boost::json::value> payloads_;
  std::function<void(StepContext&)> during_run_;
  std::unique_ptr<Engine> engine_;  ///< for handlers that notify their own workflow
};

TEST_F(EngineNotifyTest, AWaitingStepIsResumedLikeBySignal) {
  auto engine = MakeEngine(Watcher());
  const std::string id = Start(*engine, "watch");
  ASSERT_TRUE(engine->RunOnce());
  ASSERT_EQ(Load(*engine, id).steps[0].state, StepState::kWaiting);

  auto notified = engine->Notify(id, "changed", {{"n", 1}});

  ASSERT_TRUE(notified.ok());
  EXPECT_EQ(*notified, Notified::kResumed);
  EXPECT_EQ(engine->QueueDepth(), 1);
  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(payloads_.back(), (boost::json::value{{"n", 1}}));
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineNotifyTest, NewsDuringTheRunEndsItsWaitAtOnceWithTheLatestPayload) {
  auto engine = MakeEngine(Watcher());
  const std::string id = Start(*engine, "watch");
  std::vector<Notified> results;
  during_run_ = [&](StepContext&) {
    // The run has looked at the world; events arrive before it commits (the
    // last one twice: kept already, it needs no write).
    for (int n : {1, 2, 2}) results.push_back(*engine->Notify(id, "changed", {{"n", n}}));
    during_run_ = nullptr;
  };

  ASSERT_TRUE(engine->RunOnce());

  EXPECT_EQ(results, (std::vector<Notified>{Notified::kKept, Notified::kKept, Notified::kKept}));
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kPending)
      << "the run asked to wait for news that had come already";
  EXPECT_EQ(engine->QueueDepth(), 1) << "due now, without the clock moving";
  ASSERT_TRUE(engine->RunOnce());
  EXPECT_EQ(payloads_.back(), (boost::json::value{{"n", 2}}));
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineNotifyTest, AKeptSignalOnlyEndsAWaitForThatSignal) {
  auto engine = MakeEngine(Watcher());
  const std::string id = Start(*engine, "watch");
  during_run_ = [&](StepContext&) {
    EXPECT_EQ(*engine->Notify(id, "promote", nullptr), Notified::kKept);
    during_run_ = nullptr;
  };
  ASSERT_TRUE(engine->RunOnce());
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kWaiting);
  EXPECT_EQ(engine->QueueDepth(), 0);
}

TEST_F(EngineNotifyTest, AKeptSignalDoesNotOutliveTheRunItWasKeptFor) {
  Registry registry;
  int runs = 0;
  registry.Add({"flaky", {{"rollout", [&](StepContext& ctx) -> StepOutcome {
                             ++runs;
                             if (runs == 1) {
                               EXPECT_EQ(*engine_->Notify(ctx.workflow_id, "changed", nullptr),
                                         Notified::kKept);
                               return Transient("the cluster did not answer");
                             }
                             EXPECT_FALSE(ctx.signal.has_value());
                             return WaitSignal("changed");
                           }}}});
  engine_ = MakeEngine(std::move(registry));
  const std::string id = Start(*engine_, "flaky");
  ASSERT_TRUE(engine_->RunOnce());  // kept, then a retry after a backoff: not a wait
  clock_.Advance(60'000);
  ASSERT_TRUE(engine_->RunOnce());  // this run read the world after the news
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(Load(*engine_, id).steps[0].state, StepState::kWaiting);
  EXPECT_EQ(engine_->QueueDepth(), 0);
}

TEST_F(EngineNotifyTest, APendingStepOrAnEndedWorkflowIsAConflict) {
  auto engine = MakeEngine(Watcher());
  const std::string id = Start(*engine, "watch");
  auto pending = engine->Notify(id, "changed", nullptr);  // not run yet: it reads afresh
  ASSERT_FALSE(pending.ok());
  EXPECT_EQ(pending.error().code, core::Code::kConflict);
  EXPECT_EQ(pending.error().details.at("step_state"), "pending");

  ASSERT_TRUE(engine->RunOnce());
  ASSERT_TRUE(engine->Notify(id, "changed", nullptr).ok());
  ASSERT_TRUE(engine->RunOnce());
  auto ended = engine->Notify(id, "changed", nullptr);
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(ended.error().code, core::Code::kConflict);
  EXPECT_EQ(engine->Notify("wf_missing", "changed", nullptr).error().code, core::Code::kNotFound);
}

// The mechanism with worker threads: the run that missed the news commits
// its wait, and a worker runs the step again although no timer is due (the
// poll interval is an hour, the wait has no deadline).
TEST_F(EngineNotifyTest, WorkersRunTheStepAgainRightAfterTheRunThatMissedTheNews) {
  std::promise<boost::json::value> second_run;
  std::string id;
  Registry registry;
  int runs = 0;
  std::promise<void> started;
  registry.Add(
      {"watch", {{"rollout", [&](StepContext& ctx) -> StepOutcome {
                    if (++runs == 1) {
                      started.get_future().wait();  // the id is known
                      EXPECT_EQ(*engine_->Notify(id, "changed", {{"n", 7}}), Notified::kKept);
                      return WaitSignal("changed");
                    }
                    second_run.set_value(ctx.signal ? ctx.signal->payload : nullptr);
                    return Succeeded();
                  }}}});
  EngineSettings settings = Settings();
  settings.poll_interval_ms = 3'600'000;
  engine_ = MakeEngine(std::move(registry), settings);
  id = Start(*engine_, "watch");
  engine_->Start();
  started.set_value();

  auto second = second_run.get_future();
  // Only a guard against hanging when no worker runs it: the run is due at
  // once, so the wait ends as soon as a worker gets the CPU.
  ASSERT_EQ(second.wait_for(std::chrono::minutes(1)), std::future_status::ready)
      << "no worker ran the step again";
  EXPECT_EQ(second.get(), (boost::json::value{{"n", 7}}));
  engine_->Stop();
  EXPECT_EQ(runs, 2);
}

}  // namespace
}  // namespace slipway::engine
