// Cancellation, and the fencing of a step that finishes after it.
#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

using EngineCancelTest = EngineTest;

TEST_F(EngineCancelTest, CancelEndsTheWorkflowAndItsPendingStep) {
  Registry registry;
  registry.Add({"k", {{"a", [](StepContext&) { return Succeeded(); }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "k");

  ASSERT_TRUE(engine->Cancel(id, "superseded by release 7").ok());

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kCancelled);
  EXPECT_EQ(workflow.error, "superseded by release 7");
  EXPECT_EQ(workflow.steps[0].state, StepState::kCancelled);
  EXPECT_FALSE(engine->RunOnce());
  EXPECT_EQ(engine->QueueDepth(), 0);
  EXPECT_EQ(engine->Cancel(id, "again").error().code, core::Code::kConflict);
  EXPECT_EQ(engine->Cancel("wf_missing", "x").error().code, core::Code::kNotFound);
}

TEST_F(EngineCancelTest, CancelEndsAWaitForASignal) {
  Registry registry;
  registry.Add({"k", {{"gate", [](StepContext&) { return WaitSignal("promote"); }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "k");
  RunAll(*engine);

  ASSERT_TRUE(engine->Cancel(id, "abandoned").ok());

  EXPECT_EQ(Load(*engine, id).steps[0].state, StepState::kCancelled);
  EXPECT_EQ(engine->Signal(id, "promote", nullptr).error().code, core::Code::kConflict);
}

TEST_F(EngineCancelTest, StepFinishingAfterCancelCannotCommit) {
  Engine* self = nullptr;
  Registry registry;
  registry.Add({"k",
                {{"deploy",
                  [&](StepContext& ctx) {
                    // A person cancels while the step is still running.
                    EXPECT_TRUE(self->Cancel(ctx.workflow_id, "stop").ok());
                    return Succeeded().WithCommit(Effect(ctx.workflow_id, ctx.step));
                  }},
                 {"after", [](StepContext&) { return Succeeded(); }}}});
  auto engine = MakeEngine(std::move(registry));
  self = engine.get();
  const std::string id = Start(*engine, "k");

  EXPECT_TRUE(engine->RunOnce());

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kCancelled);
  ASSERT_EQ(workflow.steps.size(), 1u);
  EXPECT_EQ(workflow.steps[0].state, StepState::kCancelled);
  EXPECT_EQ(CountEffects(id), 0);
  EXPECT_FALSE(engine->RunOnce());
}

}  // namespace
}  // namespace slipway::engine
