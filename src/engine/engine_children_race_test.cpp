// Children ending at the same time on several threads must never leave
// their parent waiting: exactly the last one to end wakes it.
#include <boost/json/string.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "engine/child_store.hpp"
#include "engine/engine_test_fixture.hpp"
#include "engine/step_commit.hpp"

namespace slipway::engine {
namespace {

using EngineChildrenRaceTest = EngineTest;

Registry FanRegistry(std::function<void(const std::string&, std::size_t)> on_done) {
  Registry registry;
  registry.Add({"fan", {{"spawn", [on_done](StepContext& ctx) -> StepOutcome {
                           if (ctx.scratch.is_null()) {
                             std::vector<ChildSpec> children;
                             const int n = ctx.input.at("n").to_number<int>();
                             for (int i = 0; i < n; ++i) {
                               children.push_back({"child", std::to_string(i), nullptr});
                             }
                             return StartChildren(std::move(children), true);
                           }
                           on_done(ctx.workflow_id, ctx.children.size());
                           return Succeeded();
                         }}}});
  registry.Add(
      {"child",
       {{"a", [](StepContext&) { return Succeeded(); }},
        {"b", [](StepContext& ctx) { return Succeeded(boost::json::string(ctx.subject)); }}}});
  return registry;
}

TEST_F(EngineChildrenRaceTest, ChildrenEndingOnManyWorkersAlwaysWakeTheParent) {
  constexpr int kRounds = 12;
  constexpr int kChildren = 20;
  std::mutex mutex;
  std::map<std::string, std::promise<std::size_t>> done;
  auto on_done = [&](const std::string& id, std::size_t seen) {
    std::lock_guard lock(mutex);
    done[id].set_value(seen);
  };
  EngineSettings settings = Settings();
  settings.workers = 8;
  // No polling: only the wake-ups the children commit can make the parent
  // due (the simulated clock never reaches the safety deadline).
  settings.poll_interval_ms = 3'600'000;
  auto engine = MakeEngine(FanRegistry(on_done), settings);
  engine->Start();

  for (int round = 0; round < kRounds; ++round) {
    std::future<std::size_t> finished;
    std::string id;
    {
      // Registered before the start so the parent cannot finish first.
      std::lock_guard lock(mutex);
      auto tx = database_.db().Begin(store::TxMode::kWrite);
      id = engine->StartWorkflow(*tx, "fan", "round", {{"n", kChildren}}).value();
      tx->Commit();
      finished = done[id].get_future();
    }
    engine->Wake();
    // Generous: a lost wake-up leaves the parent waiting for ever.
    ASSERT_EQ(finished.wait_for(std::chrono::seconds(120)), std::future_status::ready)
        << "round " << round << ": parent " << id << " never woke";
    EXPECT_EQ(finished.get(), static_cast<std::size_t>(kChildren));
  }
  engine->Stop();
}

// The race itself, driven by hand: two children's final commits overlap.
// Without the lock on the parent's row, PostgreSQL (READ COMMITTED) lets
// each count the other as still running, and nobody wakes the parent.
TEST_F(EngineChildrenRaceTest, TwoOverlappingLastCommitsStillWakeTheParent) {
  auto engine = MakeEngine(FanRegistry([](const std::string&, std::size_t) {}));
  const std::string id = Start(*engine, "fan", {{"n", 2}});
  ASSERT_TRUE(engine->RunOnce());  // spawn
  // Both children through their first step, so the next commit ends each.
  ASSERT_TRUE(engine->RunOnce());
  ASSERT_TRUE(engine->RunOnce());
  auto first = ClaimDueStep(database_.db(), "owner-a", clock_.Now(), kLeaseMs);
  auto second = ClaimDueStep(database_.db(), "owner-a", clock_.Now(), kLeaseMs);
  ASSERT_TRUE(first && second);
  ASSERT_EQ(first->name, "b");
  ASSERT_EQ(second->name, "b");
  Registry registry = FanRegistry([](const std::string&, std::size_t) {});
  const RetryPolicy retry;
  const std::string owner = "owner-a";
  auto scope = [&](const Claim& claim) {
    return CommitScope{&claim, &owner, registry.Find("child"), &registry, &retry, clock_.Now()};
  };

  auto tx = database_.db().Begin(store::TxMode::kWrite);
  RecordOutcome(*tx, scope(*first), Succeeded());  // sees the second one running
  auto other = std::async(std::launch::async, [&] {
    return store::InTx(database_.db(), store::TxMode::kWrite, [&](store::Tx& other_tx) {
      return RecordOutcome(other_tx, scope(*second), Succeeded());
    });
  });
  // Give the other commit the chance to run into the first one's locks; it
  // must wait for them (on SQLite, for the write lock itself).
  EXPECT_EQ(other.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
  tx->Commit();
  tx.reset();  // gives the connection (and SQLite's writer turn) back
  EXPECT_TRUE(other.get()) << "the last child to end must wake the parent";

  Workflow parent = Load(*engine, id);
  EXPECT_EQ(parent.steps[0].state, StepState::kPending);
  EXPECT_EQ(RunAll(*engine), 1);
  EXPECT_EQ(Load(*engine, id).state, WorkflowState::kSucceeded);
}

}  // namespace
}  // namespace slipway::engine
