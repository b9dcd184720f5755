// Child workflows: fan-out with StartChildren, fan-in when the last child ends.
#include <boost/json/serialize.hpp>
#include <set>

#include "engine/child_store.hpp"
#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

class EngineChildrenTest : public EngineTest {
 protected:
  // `fan`: step `spawn` starts input.n `child` workflows (input.kind, default
  // "child") and keeps what its re-run saw; `after` runs once it succeeded.
  Registry FanRegistry() {
    Registry registry;
    registry.Add({"fan",
                  {{"spawn",
                    [this](StepContext& ctx) {
                      ++spawn_runs_;
                      if (ctx.scratch.is_null()) {
                        std::vector<ChildSpec> children;
                        const std::string kind = ctx.input.as_object().contains("kind")
                                                     ? std::string(ctx.input.at("kind").as_string())
                                                     : std::string("child");
                        const int n = ctx.input.at("n").to_number<int>();
                        for (int i = 0; i < n; ++i) {
                          children.push_back({kind, "app-" + std::to_string(i), {{"n", i}}});
                        }
                        return StartChildren(std::move(children), {{"started", n}});
                      }
                      seen_scratch_ = ctx.scratch;
                      seen_ = ctx.children;
                      std::string failed;
                      for (const ChildResult& child : ctx.children) {
                        if (child.state != WorkflowState::kSucceeded) failed += " " + child.subject;
                      }
                      if (!failed.empty()) return Terminal("children failed:" + failed);
                      return Succeeded({{"children", ctx.children.size()}});
                    }},
                   {"after", [](StepContext& ctx) {
                      return Succeeded().WithCommit(Effect(ctx.workflow_id, ctx.step));
                    }}}});
    // Two steps; the second's output is the child's result.
    registry.Add(
        {"child",
         {{"a", [](StepContext& ctx) { return Succeeded(ctx.input); }},
          {"b", [](StepContext& ctx) {
             const int n = ctx.Output("a")->at("n").to_number<int>();
             return Succeeded({{"double", 2 * n}}).WithCommit(Effect(ctx.workflow_id, ctx.step));
           }}}});
    // Fails at once for odd n, after a succeeded first step.
    registry.Add({"flaky",
                  {{"a", [](StepContext& ctx) { return Succeeded(ctx.input); }},
                   {"b", [](StepContext& ctx) -> StepOutcome {
                      if (ctx.input.at("n").to_number<int>() % 2 == 1) return Terminal("boom");
                      return Succeeded("fine");
                    }}}});
    // Waits for signal `go`.
    registry.Add({"gated", {{"gate", [](StepContext& ctx) -> StepOutcome {
                               if (!ctx.signal) return WaitSignal("go");
                               return Succeeded(ctx.signal->payload);
                             }}}});
    return registry;
  }

  std::string StartFan(Engine& engine, int n, const std::string& kind = "child") {
    return Start(engine, "fan", {{"n", n}, {"kind", kind}});
  }

  static Step StepNamed(const Workflow& workflow, const std::string& name) {
    for (const Step& step : workflow.steps) {
      if (step.name == name) return step;
    }
    ADD_FAILURE() << "no step " << name;
    return {};
  }

  int spawn_runs_ = 0;
  boost::json::value seen_scratch_;
  std::vector<ChildResult> seen_;
};

TEST_F(EngineChildrenTest, TwentyChildrenRunAndTheParentSeesTheirResultsInOrder) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 20);

  EXPECT_TRUE(engine->RunOnce());  // spawn starts the children
  Workflow waiting = Load(*engine, id);
  EXPECT_EQ(StepNamed(waiting, "spawn").state, StepState::kWaiting);
  EXPECT_FALSE(StepNamed(waiting, "spawn").wait_signal);
  ASSERT_EQ(waiting.children.size(), 20u);
  EXPECT_EQ(engine->QueueDepth(), 20);  // every child's first step is due at once
  EXPECT_EQ(ToJson(waiting).at("waiting_for"), nullptr);
  // A wait for children is no wait for a signal.
  auto signal = engine->Signal(id, "children", nullptr);
  ASSERT_FALSE(signal.ok());
  EXPECT_EQ(signal.error().code, core::Code::kConflict);
  EXPECT_EQ(signal.error().message,
            "workflow " + id + " waits for its child workflows (step spawn), not for a signal");

  EXPECT_EQ(RunAll(*engine), 20 * 2 + 2);  // two steps per child, spawn again, after

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kSucceeded) << workflow.error.value_or("");
  EXPECT_EQ(spawn_runs_, 2);
  EXPECT_EQ(seen_scratch_, (boost::json::value{{"started", 20}}));
  ASSERT_EQ(seen_.size(), 20u);
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    const ChildResult& child = seen_[i];
    EXPECT_EQ(child.kind, "child");
    EXPECT_EQ(child.subject, "app-" + std::to_string(i));
    EXPECT_EQ(child.step, 0);
    EXPECT_EQ(child.state, WorkflowState::kSucceeded);
    EXPECT_FALSE(child.error);
    EXPECT_EQ(child.result, (boost::json::value{{"double", 2 * i}}));
    EXPECT_EQ(CountEffects(child.id), 1);
    ids.insert(child.id);
    Workflow loaded = Load(*engine, child.id);
    EXPECT_EQ(loaded.parent_id, id);
    EXPECT_EQ(loaded.parent_step, 0);
  }
  EXPECT_EQ(ids.size(), 20u);
  EXPECT_EQ(CountEffects(id), 1);
}

TEST_F(EngineChildrenTest, ToJsonShowsTheParentAndEachChildsState) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 2, "flaky");
  RunAll(*engine);

  boost::json::object parent = ToJson(Load(*engine, id));
  EXPECT_EQ(parent.at("parent_id"), nullptr);
  const boost::json::array& children = parent.at("children").as_array();
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0].at("subject"), "app-0");
  EXPECT_EQ(children[0].at("state"), "succeeded");
  EXPECT_EQ(children[0].at("step"), 0);
  EXPECT_EQ(children[0].at("error"), nullptr);
  EXPECT_EQ(children[1].at("state"), "failed");
  EXPECT_EQ(children[1].at("error"), "boom");
  boost::json::object child = ToJson(Load(*engine, std::string(children[1].at("id").as_string())));
  EXPECT_EQ(child.at("parent_id"), boost::json::value(id));
  EXPECT_TRUE(child.at("children").as_array().empty());
}

TEST_F(EngineChildrenTest, AFailedChildDoesNotFailTheParentItsHandlerDecides) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 4, "flaky");

  RunAll(*engine);

  ASSERT_EQ(seen_.size(), 4u);
  EXPECT_EQ(spawn_runs_, 2);  // the re-run came although children failed
  EXPECT_EQ(seen_[0].state, WorkflowState::kSucceeded);
  EXPECT_EQ(seen_[0].result, "fine");
  EXPECT_EQ(seen_[1].state, WorkflowState::kFailed);
  EXPECT_EQ(seen_[1].error, "boom");
  // The output of the failed child's last succeeded step.
  EXPECT_EQ(seen_[1].result, (boost::json::value{{"n", 1}}));
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kFailed);
  EXPECT_EQ(workflow.error, "children failed: app-1 app-3");
  EXPECT_EQ(CountEffects(id), 0);
}

TEST_F(EngineChildrenTest, StartingNoChildrenRunsTheStepAgainAtOnce) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 0);

  EXPECT_TRUE(engine->RunOnce());
  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(StepNamed(workflow, "spawn").state, StepState::kPending);
  EXPECT_EQ(StepNamed(workflow, "spawn").run_after, clock_.Now());
  EXPECT_EQ(RunAll(*engine), 2);  // spawn again, after

  EXPECT_EQ(spawn_runs_, 2);
  EXPECT_TRUE(seen_.empty());
  EXPECT_EQ(seen_scratch_, (boost::json::value{{"started", 0}}));
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineChildrenTest, CancellingTheParentCancelsItsRunningChildrenAndTheirs) {
  Registry registry = FanRegistry();
  // A child that is a parent itself: its grandchild waits for a signal.
  registry.Add({"nest", {{"spawn", [](StepContext& ctx) -> StepOutcome {
                            if (ctx.scratch.is_null()) {
                              return StartChildren({{"gated", "grandchild", nullptr}}, true);
                            }
                            return Succeeded();
                          }}}});
  auto engine = MakeEngine(std::move(registry));
  const std::string id = StartFan(*engine, 3, "gated");
  auto nested = engine->StartWorkflow("fan", "nested", {{"n", 1}, {"kind", "nest"}});
  ASSERT_TRUE(nested.ok());
  RunAll(*engine);
  Workflow running = Load(*engine, nested.value());
  ASSERT_EQ(running.children.size(), 1u);
  const std::string middle = running.children[0].id;
  ASSERT_EQ(Load(*engine, middle).children.size(), 1u);
  const std::string grandchild = Load(*engine, middle).children[0].id;
  // One child already ended before the cancel: it stays as it was.
  const std::string done = Load(*engine, id).children[0].id;
  ASSERT_TRUE(engine->Signal(done, "go", "ok").ok());
  RunAll(*engine);

  ASSERT_TRUE(engine->Cancel(id, "lane deleted").ok());
  ASSERT_TRUE(engine->Cancel(nested.value(), "lane deleted").ok());

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kCancelled);
  ASSERT_EQ(workflow.children.size(), 3u);
  EXPECT_EQ(workflow.children[0].state, WorkflowState::kSucceeded);
  for (int i = 1; i < 3; ++i) {
    EXPECT_EQ(workflow.children[i].state, WorkflowState::kCancelled);
    EXPECT_EQ(workflow.children[i].error, "parent workflow " + id + " was cancelled: lane deleted");
    EXPECT_EQ(Load(*engine, workflow.children[i].id).steps[0].state, StepState::kCancelled);
  }
  EXPECT_EQ(Load(*engine, middle).state, WorkflowState::kCancelled);
  EXPECT_EQ(Load(*engine, grandchild).state, WorkflowState::kCancelled);
  EXPECT_EQ(engine->Signal(grandchild, "go", nullptr).error().code, core::Code::kConflict);
  EXPECT_EQ(engine->QueueDepth(), 0);
  EXPECT_FALSE(engine->RunOnce());
  EXPECT_EQ(spawn_runs_, 2);  // each parent's first run only
}

TEST_F(EngineChildrenTest, CancellingTheLastRunningChildWakesTheParent) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 2, "gated");
  RunAll(*engine);
  const Workflow waiting = Load(*engine, id);
  ASSERT_TRUE(engine->Signal(waiting.children[0].id, "go", "yes").ok());
  RunAll(*engine);
  EXPECT_EQ(StepNamed(Load(*engine, id), "spawn").state, StepState::kWaiting);

  ASSERT_TRUE(engine->Cancel(waiting.children[1].id, "not needed").ok());

  EXPECT_EQ(StepNamed(Load(*engine, id), "spawn").state, StepState::kPending);
  RunAll(*engine);
  ASSERT_EQ(seen_.size(), 2u);
  EXPECT_EQ(seen_[0].result, "yes");
  EXPECT_EQ(seen_[1].state, WorkflowState::kCancelled);
  EXPECT_EQ(seen_[1].error, "not needed");
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kFailed);
}

TEST_F(EngineChildrenTest, TheSafetyDeadlineWaitsOnWhileAChildRuns) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 1, "gated");
  RunAll(*engine);

  clock_.Advance(kChildrenRecheckMs);
  EXPECT_EQ(RunAll(*engine), 1);  // the parent's step looks, and waits again

  EXPECT_EQ(spawn_runs_, 1);
  Step spawn = StepNamed(Load(*engine, id), "spawn");
  EXPECT_EQ(spawn.state, StepState::kWaiting);
  EXPECT_EQ(spawn.run_after, clock_.Now() + kChildrenRecheckMs);
  EXPECT_EQ(spawn.scratch, (boost::json::value{{"started", 1}}));  // kept for the re-run
  ASSERT_TRUE(engine->Signal(Load(*engine, id).children[0].id, "go", 7).ok());
  RunAll(*engine);
  EXPECT_EQ(spawn_runs_, 2);
  EXPECT_EQ(seen_scratch_, (boost::json::value{{"started", 1}}));
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

TEST_F(EngineChildrenTest, ChildrenOfACancelledSpawnAreNeverStarted) {
  Engine* self = nullptr;
  Registry registry = FanRegistry();
  registry.Add({"doomed", {{"spawn", [&](StepContext& ctx) {
                              EXPECT_TRUE(self->Cancel(ctx.workflow_id, "stop").ok());
                              return StartChildren({{"child", "x", {{"n", 1}}}});
                            }}}});
  auto engine = MakeEngine(std::move(registry));
  self = engine.get();
  const std::string id = Start(*engine, "doomed");

  EXPECT_TRUE(engine->RunOnce());

  EXPECT_TRUE(Load(*engine, id).children.empty());
  EXPECT_FALSE(engine->RunOnce());
}

TEST_F(EngineChildrenTest, AChildOfAnUnknownKindFailsTheParent) {
  auto engine = MakeEngine(FanRegistry());
  const std::string id = StartFan(*engine, 2, "no-such-kind");

  EXPECT_EQ(RunAll(*engine), 1);

  Workflow workflow = Load(*engine, id);
  EXPECT_EQ(workflow.state, WorkflowState::kFailed);
  EXPECT_EQ(workflow.error, "step spawn started a child of unknown workflow kind no-such-kind");
  EXPECT_TRUE(workflow.children.empty());
}

}  // namespace
}  // namespace slipway::engine
