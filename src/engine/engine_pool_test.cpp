// The worker threads: woken by new work, stopped gracefully.
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "engine/engine_test_fixture.hpp"

namespace slipway::engine {
namespace {

using EnginePoolTest = EngineTest;

TEST_F(EnginePoolTest, WorkersRunStartedWorkflowsAndStopWaitsForTheirCommit) {
  constexpr int kWorkflows = 5;
  std::mutex mutex;
  int finished = 0;
  std::promise<void> all_finished;
  Registry registry;
  registry.Add({"k",
                {{"a", [](StepContext&) { return Succeeded(); }},
                 {"b", [&](StepContext& ctx) {
                    std::lock_guard lock(mutex);
                    if (++finished == kWorkflows) all_finished.set_value();
                    return Succeeded().WithCommit(Effect(ctx.workflow_id, ctx.step));
                  }}}});
  EngineSettings settings = Settings();
  // Only the in-process wake-up can get the work done in time.
  settings.poll_interval_ms = 3'600'000;
  auto engine = MakeEngine(std::move(registry), settings);
  engine->Start();
  std::vector<std::string> ids;
  for (int i = 0; i < kWorkflows; ++i) ids.push_back(Start(*engine, "k"));

  ASSERT_EQ(all_finished.get_future().wait_for(std::chrono::seconds(60)),
            std::future_status::ready);
  engine->Stop();

  for (const std::string& id : ids) {
    EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
    EXPECT_EQ(CountEffects(id), 1);
  }
  engine->Stop();  // idempotent
}

TEST_F(EnginePoolTest, IdleWorkersWakeForATimerBeforeTheirNextPoll) {
  std::promise<void> resumed;
  Registry registry;
  registry.Add(
      {"k", {{"a", [&](StepContext& ctx) {
                if (ctx.scratch.is_null()) {
                  return SleepUntil(ctx.clock->Now() + 50, boost::json::object{{"slept", true}});
                }
                resumed.set_value();
                return Succeeded();
              }}}});
  EngineSettings settings = Settings();
  settings.poll_interval_ms = 3'600'000;
  auto engine = MakeEngine(std::move(registry), settings);
  engine->Start();
  const std::string id = Start(*engine, "k");
  // The step sleeps until 50 ms after its first run; nothing wakes the
  // workers when that time comes but the time itself.
  while (Load(*engine, id).steps.front().scratch.is_null()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  clock_.Advance(50);
  ASSERT_EQ(resumed.get_future().wait_for(std::chrono::seconds(60)), std::future_status::ready);
  engine->Stop();
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

}  // namespace
}  // namespace slipway::engine
