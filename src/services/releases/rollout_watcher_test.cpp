// The release watches' own threads: a wake that throws (the database is
// unreachable) must not end the process, and the watch keeps running.
#include "services/releases/rollout_watcher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "connectors/kubernetes/fake.hpp"
#include "store/database.hpp"

namespace slipway::services {
namespace {

TEST(RolloutWatcherTest, AWakeThatThrowsLeavesTheWatchRunning) {
  auto kube = std::make_shared<connectors::FakeKubernetes>();
  std::atomic<int> pokes{0};
  RolloutWatcher watcher([&](const std::string&) -> bool {
    ++pokes;
    throw store::DbError("connection refused");
  });
  // A new watch starts with the current list: one event per watch at once.
  watcher.Ensure(1, "wf_1", kube, "prod", "app=shop");
  for (int i = 0; i < 500 && pokes < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(pokes, 2);
  EXPECT_EQ(watcher.active(), 1u);
  watcher.StopAll();
}

}  // namespace
}  // namespace slipway::services
