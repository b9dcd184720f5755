#include "engine/sample_workflow.hpp"

#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

using SampleWorkflowTest = EngineTest;

TEST_F(SampleWorkflowTest, RunsTimerAndSignalStepsAndLeavesOneEffectPerStep) {
  Registry registry;
  RegisterSampleWorkflow(registry);
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "sample", {{"bake_ms", 500}});

  EXPECT_EQ(RunAll(*engine), 2);  // prepare; bake starts its timer
  clock_.Advance(500);
  EXPECT_EQ(RunAll(*engine), 2);  // bake completes; promote waits
  EXPECT_EQ(ToJson(Load(*engine, id)).at("waiting_for"), "promote");
  ASSERT_TRUE(engine->Signal(id, "promote", {{"by", "tester"}}).ok());
  EXPECT_EQ(RunAll(*engine), 2);  // promote; finish

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.steps[2].output, (boost::json::value{{"by", "tester"}}));
  EXPECT_EQ(CountEffects(id), 4);
  auto tx = database_.db().Begin(store::TxMode::kRead);
  EXPECT_EQ(tx->QueryOne("SELECT COUNT(DISTINCT step_name) FROM engine_sample_execution "
                         "WHERE workflow_id = ?",
                         {id})
                ->Int(0),
            4);
}

TEST_F(SampleWorkflowTest, SkipsThePromotionWaitWhenAskedTo) {
  Registry registry;
  RegisterSampleWorkflow(registry);
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "sample", {{"bake_ms", 0}, {"promote", false}});
  EXPECT_EQ(RunAll(*engine), 5);
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(SampleWorkflowTest, FanOutStartsItsChildrenOnceAndFinishesWhenTheyDid) {
  Registry registry;
  RegisterSampleWorkflow(registry);
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "sample_fanout", {{"children", 3}});

  EXPECT_EQ(RunAll(*engine), 1 + 3 * 2 + 2);  // start, two steps per child, fan_out, finish

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.steps[0].output, (boost::json::value{{"children", 3}}));
  EXPECT_EQ(CountEffects(id), 3);  // fan_out.start, fan_out, finish
  ASSERT_EQ(workflow.children.size(), 3u);
  EXPECT_EQ(workflow.children[2].subject, "subject-1-2");
  EXPECT_EQ(workflow.children[2].result, (boost::json::value{{"n", 2}, {"square", 4}}));
  for (const ChildResult& child : workflow.children) EXPECT_EQ(CountEffects(child.id), 2);
}

}  // namespace
}  // namespace slipway::engine
