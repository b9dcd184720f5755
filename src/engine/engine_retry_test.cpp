// Transient failures, backoff, max attempts, terminal failures, commit callbacks.
#include <stdexcept>

#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

using EngineRetryTest = EngineTest;

TEST(RetryPolicyTest, DoublesFromBaseUpToMax) {
  RetryPolicy policy{.base_ms = 1000, .max_ms = 8000, .max_attempts = 3};
  EXPECT_EQ(policy.Delay(1), 1000);
  EXPECT_EQ(policy.Delay(2), 2000);
  EXPECT_EQ(policy.Delay(3), 4000);
  EXPECT_EQ(policy.Delay(4), 8000);
  EXPECT_EQ(policy.Delay(5), 8000);
  EXPECT_EQ(policy.Delay(1'000'000), 8000);
  EXPECT_FALSE(policy.Exhausted(2));
  EXPECT_TRUE(policy.Exhausted(3));
}

TEST_F(EngineRetryTest, TransientFailureRetriesWithExponentialBackoff) {
  std::vector<int> attempts;
  Registry registry;
  registry.Add({"flaky", {{"call", [&](StepContext& ctx) {
                             attempts.push_back(ctx.attempt);
                             if (attempts.size() < 3) return Transient("registry busy");
                             return Succeeded();
                           }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "flaky");

  EXPECT_TRUE(engine->RunOnce());  // fails; next try in 1 s
  Step step = Load(*engine, id).steps[0];
  EXPECT_EQ(step.state, StepState::kPending);
  EXPECT_EQ(step.error, "registry busy");
  EXPECT_EQ(step.failures, 1);
  clock_.Advance(999);
  EXPECT_FALSE(engine->RunOnce());
  clock_.Advance(1);
  EXPECT_TRUE(engine->RunOnce());  // fails again; next try in 2 s
  clock_.Advance(1999);
  EXPECT_FALSE(engine->RunOnce());
  clock_.Advance(1);
  EXPECT_TRUE(engine->RunOnce());

  EXPECT_EQ(attempts, (std::vector<int>{1, 2, 3}));
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.steps[0].error, std::nullopt);
  EXPECT_EQ(workflow.steps[0].failures, 0);
}

TEST_F(EngineRetryTest, MaxAttemptsFailsTheWorkflow) {
  int runs = 0;
  Registry registry;
  registry.Add({"broken",
                {{"call",
                  [&](StepContext&) {
                    ++runs;
                    return Transient("connection refused");
                  }},
                 {"never", [](StepContext&) { return Succeeded(); }}}});
  auto engine = MakeEngine(std::move(registry));  // max_attempts = 4
  const std::string id = Start(*engine, "broken");

  for (int i = 0; i < 10; ++i) {
    RunAll(*engine);
    clock_.Advance(60'000);
  }

  EXPECT_EQ(runs, 4);
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kFailed);
  ASSERT_TRUE(workflow.error);
  EXPECT_NE(workflow.error->find("connection refused"), std::string::npos);
  ASSERT_EQ(workflow.steps.size(), 1u);
  EXPECT_EQ(workflow.steps[0].state, StepState::kFailed);
}

TEST_F(EngineRetryTest, TerminalFailsTheWorkflowWithItsMessage) {
  bool second_ran = false;
  Registry registry;
  registry.Add({"bad",
                {{"check", [](StepContext&) { return Terminal("image not found"); }},
                 {"after", [&](StepContext&) {
                    second_ran = true;
                    return Succeeded();
                  }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "bad");

  EXPECT_EQ(RunAll(*engine), 1);

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kFailed);
  EXPECT_EQ(workflow.error, "image not found");
  EXPECT_EQ(workflow.steps[0].state, StepState::kFailed);
  EXPECT_FALSE(second_ran);
}

TEST_F(EngineRetryTest, EscapingExceptionIsTransient) {
  int runs = 0;
  Registry registry;
  registry.Add({"throws", {{"call", [&](StepContext&) -> StepOutcome {
                              if (++runs == 1) throw std::runtime_error("socket closed");
                              return Succeeded();
                            }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "throws");

  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(Load(*engine, id).steps[0].error, "socket closed");
  clock_.Advance(1000);
  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineRetryTest, ThrowingCommitCallbackCommitsNothingAndRetries) {
  int runs = 0;
  Registry registry;
  registry.Add({"callback",
                {{"write",
                  [&](StepContext& ctx) {
                    const bool fail = ++runs == 1;
                    CommitFn effect = Effect(ctx.workflow_id, ctx.step);
                    return Succeeded().WithCommit([effect, fail](store::Tx& tx) {
                      effect(tx);  // written, then rolled back on failure
                      if (fail) throw std::runtime_error("constraint violated");
                    });
                  }},
                 {"next", [](StepContext&) { return Succeeded(); }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "callback");

  EXPECT_TRUE(engine->RunOnce());

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(CountEffects(id), 0);
  ASSERT_EQ(workflow.steps.size(), 1u);  // the next step was not enqueued
  EXPECT_EQ(workflow.steps[0].state, StepState::kPending);
  EXPECT_EQ(workflow.steps[0].failures, 1);
  ASSERT_TRUE(workflow.steps[0].error);
  EXPECT_NE(workflow.steps[0].error->find("constraint violated"), std::string::npos);

  EXPECT_FALSE(engine->RunOnce());  // backing off
  clock_.Advance(1000);
  EXPECT_EQ(RunAll(*engine), 2);
  EXPECT_EQ(CountEffects(id), 1);
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

}  // namespace
}  // namespace slipway::engine
