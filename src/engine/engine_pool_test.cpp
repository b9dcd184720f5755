// The worker threads: woken by new work, stopped gracefully.
#include <chrono>
#include <future>
#include <mutex>

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

}  // namespace
}  // namespace slipway::engine
