// The happy path, starting workflows, reading them back.
#include <boost/json/serialize.hpp>

#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

class EngineFlowTest : public EngineTest {
 protected:
  Registry ThreeSteps() {
    Registry registry;
    registry.Add({"three",
                  {{"a",
                    [](StepContext& ctx) {
                      return Succeeded({{"from", ctx.step}});
                    }},
                   {"b",
                    [this](StepContext& ctx) {
                      seen_a_ = *ctx.Output("a");
                      seen_input_ = ctx.input;
                      EXPECT_EQ(ctx.Output("c"), nullptr);
                      EXPECT_EQ(ctx.subject, "subject-1");
                      EXPECT_EQ(ctx.kind, "three");
                      EXPECT_EQ(ctx.attempt, 1);
                      return Succeeded(42);
                    }},
                   {"c", [](StepContext& ctx) {
                      return Succeeded().WithCommit(Effect(ctx.workflow_id, ctx.step));
                    }}}});
    return registry;
  }

  boost::json::value seen_a_;
  boost::json::value seen_input_;
};

TEST_F(EngineFlowTest, RunsStepsInOrderAndHandsOnOutputs) {
  auto engine = MakeEngine(ThreeSteps());
  const std::string id = Start(*engine, "three", {{"app", "shop"}});

  EXPECT_EQ(RunAll(*engine), 3);

  EXPECT_EQ(seen_a_, (boost::json::value{{"from", "a"}}));
  EXPECT_EQ(seen_input_, (boost::json::value{{"app", "shop"}}));
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded);
  EXPECT_EQ(workflow.kind, "three");
  ASSERT_EQ(workflow.steps.size(), 3u);
  for (const Step& step : workflow.steps) {
    EXPECT_EQ(step.state, StepState::kSucceeded) << step.name;
    EXPECT_EQ(step.attempt, 1);
    EXPECT_FALSE(step.lease_owner);
    EXPECT_TRUE(step.finished_at);
  }
  EXPECT_EQ(workflow.steps[1].output, boost::json::value(42));
  EXPECT_EQ(CountEffects(id), 1);
}

TEST_F(EngineFlowTest, ToJsonShowsStateStepsAndWhatItWaitsFor) {
  Registry registry;
  registry.Add({"wait", {{"gate", [](StepContext&) { return WaitSignal("promote"); }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = Start(*engine, "wait");
  RunAll(*engine);

  boost::json::object json = ToJson(Load(*engine, id));
  EXPECT_EQ(json.at("id"), boost::json::value(id));
  EXPECT_EQ(json.at("state"), "running");
  EXPECT_EQ(json.at("waiting_for"), "promote");
  const boost::json::array& steps = json.at("steps").as_array();
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].at("name"), "gate");
  EXPECT_EQ(steps[0].at("state"), "waiting");
  EXPECT_EQ(steps[0].at("wait_signal"), "promote");
}

TEST_F(EngineFlowTest, UnknownKindIsInvalid) {
  auto engine = MakeEngine(ThreeSteps());
  auto id = engine->StartWorkflow("nope", "s", nullptr);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, core::Code::kInvalid);
}

TEST_F(EngineFlowTest, GetUnknownIdIsNotFound) {
  auto engine = MakeEngine(ThreeSteps());
  EXPECT_EQ(engine->Get("wf_missing").error().code, core::Code::kNotFound);
}

TEST_F(EngineFlowTest, StartInRolledBackCallerTransactionLeavesNothing) {
  auto engine = MakeEngine(ThreeSteps());
  std::string id;
  {
    auto tx = database_.db().Begin(store::TxMode::kWrite);
    auto started = engine->StartWorkflow(*tx, "three", "subject-1", nullptr);
    ASSERT_TRUE(started.ok());
    id = started.value();
  }  // not committed

  EXPECT_EQ(engine->Get(id).error().code, core::Code::kNotFound);
  EXPECT_EQ(engine->QueueDepth(), 0);
  EXPECT_FALSE(engine->RunOnce());
}

TEST_F(EngineFlowTest, StartCommitsWithCallerTransaction) {
  auto engine = MakeEngine(ThreeSteps());
  std::string id;
  {
    auto tx = database_.db().Begin(store::TxMode::kWrite);
    id = engine->StartWorkflow(*tx, "three", "subject-1", nullptr).value();
    tx->Commit();
  }
  EXPECT_EQ(engine->QueueDepth(), 1);
  EXPECT_EQ(RunAll(*engine), 3);
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineFlowTest, QueueDepthCountsDueSteps) {
  auto engine = MakeEngine(ThreeSteps());
  EXPECT_EQ(engine->QueueDepth(), 0);
  Start(*engine, "three");
  Start(*engine, "three");
  EXPECT_EQ(engine->QueueDepth(), 2);
  EXPECT_TRUE(engine->RunOnce());
  EXPECT_EQ(engine->QueueDepth(), 2);  // the next step of the first workflow is due
  RunAll(*engine);
  EXPECT_EQ(engine->QueueDepth(), 0);
}

TEST(RegistryTest, RefusesDuplicatesAndEmptyKinds) {
  Registry registry;
  auto ok = [](StepContext&) { return Succeeded(); };
  registry.Add({"k", {{"a", ok}}});
  EXPECT_THROW(registry.Add({"k", {{"a", ok}}}), std::invalid_argument);
  EXPECT_THROW(registry.Add({"empty", {}}), std::invalid_argument);
  EXPECT_THROW(registry.Add({"twice", {{"a", ok}, {"a", ok}}}), std::invalid_argument);
  EXPECT_NE(registry.Find("k"), nullptr);
  EXPECT_EQ(registry.Find("x"), nullptr);
}

}  // namespace
}  // namespace slipway::engine
