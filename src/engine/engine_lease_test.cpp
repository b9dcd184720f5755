// Leases: a lost worker's step is taken over, a stale worker cannot commit,
// heartbeats keep a long step.
#include "engine/engine_test_fixture.hpp"
#include "engine/step_queue.hpp"

namespace slipway::engine {
namespace {

class EngineLeaseTest : public EngineTest {
 protected:
  // Both engines run kind "k" whose single step is `handler`.
  static Registry OneStep(StepHandler handler) {
    Registry registry;
    registry.Add(
        {"k", {{"work", std::move(handler)}, {"next", [](StepContext&) { return Succeeded(); }}}});
    return registry;
  }
};

TEST_F(EngineLeaseTest, StepOfADeadWorkerRunsAgainAfterTheLeaseExpires) {
  int runs = 0;
  auto engine = MakeEngine(OneStep([&](StepContext& ctx) {
    ++runs;
    EXPECT_EQ(ctx.attempt, 2);
    return Succeeded();
  }));
  const std::string id = Start(*engine, "k");
  // A worker that claims the step and then dies without a word.
  ASSERT_TRUE(ClaimDueStep(database_.db(), "dead", clock_.Now(), kLeaseMs));

  EXPECT_FALSE(engine->RunOnce());
  EXPECT_EQ(engine->QueueDepth(), 0);
  clock_.Advance(kLeaseMs);
  EXPECT_EQ(engine->QueueDepth(), 1);
  EXPECT_TRUE(engine->RunOnce());

  EXPECT_EQ(runs, 1);
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kSucceeded);
}

TEST_F(EngineLeaseTest, AStepThatKeepsKillingItsWorkersFailsTheWorkflow) {
  int runs = 0;
  auto engine = MakeEngine(OneStep([&](StepContext&) {
    ++runs;
    return Succeeded();
  }));  // max_attempts = 4
  const std::string id = Start(*engine, "k");
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(ClaimDueStep(database_.db(), "dead", clock_.Now(), kLeaseMs));
    clock_.Advance(kLeaseMs);
  }

  EXPECT_TRUE(engine->RunOnce());

  EXPECT_EQ(runs, 0);
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kFailed);
  EXPECT_EQ(workflow.steps[0].state, StepState::kFailed);
}

TEST_F(EngineLeaseTest, StaleOwnerCannotCommitAfterAnotherReclaimed) {
  auto other_db = database_.OpenAnother();
  std::unique_ptr<Engine> other;
  auto engine = MakeEngine(OneStep([&](StepContext& ctx) {
    // This worker stalls past its lease; another process takes the step over.
    clock_.Advance(kLeaseMs + 1);
    EXPECT_TRUE(other->RunOnce());
    return Succeeded("stale").WithCommit(Effect(ctx.workflow_id, "stale"));
  }));
  other = std::make_unique<Engine>(*other_db, clock_, OneStep([](StepContext& ctx) {
    EXPECT_EQ(ctx.attempt, 2);
    return Succeeded("fresh").WithCommit(Effect(ctx.workflow_id, "fresh"));
  }),
                                   Settings("owner-b"));
  const std::string id = Start(*engine, "k");

  EXPECT_TRUE(engine->RunOnce());

  Workflow workflow = Load(*engine, id);
  ASSERT_EQ(workflow.steps.size(), 2u);
  EXPECT_EQ(workflow.steps[0].output, boost::json::value("fresh"));
  EXPECT_EQ(workflow.steps[0].attempt, 2);
  EXPECT_EQ(CountEffects(id), 1);
  other.reset();
}

TEST_F(EngineLeaseTest, RenewedLeaseKeepsALongStep) {
  auto other_db = database_.OpenAnother();
  std::unique_ptr<Engine> other;
  Engine* self = nullptr;
  auto engine = MakeEngine(OneStep([&](StepContext& ctx) {
    clock_.Advance(kLeaseMs - 1);
    self->RenewLeases();
    clock_.Advance(kLeaseMs - 1);
    EXPECT_FALSE(other->RunOnce());  // still leased thanks to the heartbeat
    return Succeeded().WithCommit(Effect(ctx.workflow_id, ctx.step));
  }));
  self = engine.get();
  other = std::make_unique<Engine>(*other_db, clock_, OneStep([](StepContext&) {
    ADD_FAILURE() << "ran twice";
    return Succeeded();
  }),
                                   Settings("owner-b"));
  const std::string id = Start(*engine, "k");

  EXPECT_TRUE(engine->RunOnce());

  EXPECT_EQ(CountEffects(id), 1);
  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kSucceeded);
  other.reset();
}

}  // namespace
}  // namespace slipway::engine
