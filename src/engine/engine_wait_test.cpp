// Timer waits and signal waits.
#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

using EngineWaitTest = EngineTest;

TEST_F(EngineWaitTest, SleepReRunsTheSameStepWithItsScratchWhenDue) {
  std::vector<boost::json::value> scratches;
  Registry registry;
  registry.Add({"timer", {{"bake", [&](StepContext& ctx) {
                             scratches.push_back(ctx.scratch);
                             if (ctx.scratch.is_null()) {
                               return SleepUntil(ctx.clock->Now() + 5000, {{"round", 1}});
                             }
                             return Succeeded(ctx.scratch);
                           }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "timer");

  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kPending);
  EXPECT_EQ(engine->QueueDepth(), 0);
  clock_.Advance(4999);
  EXPECT_FALSE(engine->RunOnce());
  clock_.Advance(1);
  EXPECT_EQ(engine->QueueDepth(), 1);
  EXPECT_TRUE(engine->RunOnce());

  ASSERT_EQ(scratches.size(), 2u);
  EXPECT_TRUE(scratches[0].is_null());
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.steps[0].output, (boost::json::value{{"round", 1}}));
  EXPECT_EQ(workflow.steps[0].attempt, 2);
}

TEST_F(EngineWaitTest, PollingWithTimersDoesNotUseUpAttempts) {
  Registry registry;
  registry.Add({"poll", {{"wait_ready", [](StepContext& ctx) {
                            const int round = ctx.scratch.is_null() ? 0 : ctx.scratch.as_int64();
                            if (round < 10) return SleepUntil(ctx.clock->Now() + 100, round + 1);
                            return Succeeded();
                          }}}});
  auto engine = MakeEngine(std::move(registry));  // max_attempts = 4
  const std::string id = Start(*engine, "poll");
  for (int i = 0; i < 11; ++i) {
    EXPECT_TRUE(engine->RunOnce());
    clock_.Advance(100);
  }
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

class EngineSignalTest : public EngineTest {
 protected:
  Registry Gate() {
    Registry registry;
    registry.Add({"gate",
                  {{"promote",
                    [this](StepContext& ctx) {
                      ++runs_;
                      if (!ctx.signal) return WaitSignal("promote", {{"asked", true}});
                      EXPECT_EQ(ctx.signal->name, "promote");
                      EXPECT_EQ(ctx.scratch, (boost::json::value{{"asked", true}}));
                      return Succeeded(ctx.signal->payload);
                    }},
                   {"done", [](StepContext&) { return Succeeded(); }}}});
    return registry;
  }
  int runs_ = 0;
};

TEST_F(EngineSignalTest, SignalReRunsTheWaitingStepWithThePayload) {
  auto engine = MakeEngine(Gate());
  const std::string id = Start(*engine, "gate");
  EXPECT_EQ(RunAll(*engine), 1);
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kWaiting);
  clock_.Advance(3'600'000);
  EXPECT_FALSE(engine->RunOnce());  // a signal wait has no timeout

  ASSERT_TRUE(engine->Signal(id, "promote", {{"by", "alice"}}).ok());
  EXPECT_EQ(RunAll(*engine), 2);

  EXPECT_EQ(runs_, 2);
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.steps[0].output, (boost::json::value{{"by", "alice"}}));
}

TEST_F(EngineSignalTest, WrongSignalIsAConflictNamingTheAwaitedOne) {
  auto engine = MakeEngine(Gate());
  const std::string id = Start(*engine, "gate");
  RunAll(*engine);

  core::Status status = engine->Signal(id, "abort", nullptr);

  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::Code::kConflict);
  EXPECT_EQ(status.error().details.at("waiting_for"), "promote");
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kWaiting);
  EXPECT_FALSE(engine->RunOnce());
}

TEST_F(EngineSignalTest, SignalWhileNotWaitingIsAConflict) {
  auto engine = MakeEngine(Gate());
  const std::string id = Start(*engine, "gate");

  core::Status early = engine->Signal(id, "promote", nullptr);  // the step has not run yet
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, core::Code::kConflict);
  EXPECT_TRUE(early.error().details.at("waiting_for").is_null());
  EXPECT_EQ(early.error().details.at("step_state"), "pending");

  RunAll(*engine);
  ASSERT_TRUE(engine->Signal(id, "promote", nullptr).ok());
  auto again = engine->Signal(id, "promote", nullptr);  // signalled, not run yet
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_EQ(again.error().details.at("step_state"), "pending");
  RunAll(*engine);
  auto ended = engine->Signal(id, "promote", nullptr);
  EXPECT_EQ(ended.error().code, core::Code::kConflict);
  EXPECT_FALSE(ended.error().details.contains("step_state"))
      << "the workflow ended: no step to wake";
  EXPECT_EQ(engine->Signal("wf_missing", "promote", nullptr).error().code, core::Code::kNotFound);
}

}  // namespace
}  // namespace slipway::engine

namespace slipway::engine {
namespace {

// Watch-driven steps wait for an event signal but look again by themselves
// at a deadline, in case the event came while they were not waiting.
TEST_F(EngineWaitTest, ASignalWaitWithADeadlineRunsAgainWithoutASignalThen) {
  std::vector<bool> signalled;
  Registry registry;
  registry.Add({"watch", {{"rollout", [&](StepContext& ctx) {
                             signalled.push_back(ctx.signal.has_value());
                             if (signalled.size() < 3)
                               return WaitSignal("changed", ctx.scratch, ctx.clock->Now() + 2000);
                             return Succeeded();
                           }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "watch");
  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kWaiting);
  clock_.Advance(1999);
  EXPECT_FALSE(engine->RunOnce());
  EXPECT_EQ(engine->QueueDepth(), 0);
  // An event before the deadline wakes it at once…
  ASSERT_TRUE(engine->Signal(id, "changed", nullptr).ok());
  EXPECT_TRUE(engine->RunOnce());
  // …and with none, the deadline does.
  clock_.Advance(2000);
  EXPECT_EQ(engine->QueueDepth(), 1);
  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(signalled, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

}  // namespace
}  // namespace slipway::engine
