// The worker pool's wake-ups: one idle worker per wake-up, and a cascade
// that gives a burst of work as many workers as it needs.
#include "engine/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace slipway::engine {
namespace {

using namespace std::chrono_literals;

WorkerPool::Settings Idle(int workers) {
  WorkerPool::Settings s;
  s.workers = workers;
  s.poll_interval = std::chrono::hours(1);  // only wake-ups make workers look
  s.heartbeat_interval = std::chrono::hours(1);
  return s;
}

bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 3000 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(WorkerPool, OneWakeUpRousesOneIdleWorkerNotAll) {
  std::atomic<int> looks{0};
  WorkerPool pool(
      Idle(8),
      [&](const std::function<void()>&) {
        ++looks;
        return false;  // nothing to do
      },
      [] {});
  // Every worker looks once at start, then waits.
  ASSERT_TRUE(Eventually([&] { return looks == 8; }));
  std::this_thread::sleep_for(100ms);
  ASSERT_EQ(looks, 8);
  pool.Wake();
  ASSERT_TRUE(Eventually([&] { return looks == 9; }));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(looks, 9) << "the other seven idle workers stayed asleep";
  pool.Stop();
}

TEST(WorkerPool, ABurstOfWorkGetsAWorkerPerUnitAtOnceFromOneWakeUp) {
  constexpr int kUnits = 5;
  std::mutex mutex;
  std::condition_variable all_in;
  int available = 0, running = 0, most = 0;
  WorkerPool pool(
      Idle(8),
      [&](const std::function<void()>& claimed) {
        std::unique_lock lock(mutex);
        if (available == 0) return false;
        --available;
        lock.unlock();
        claimed();
        lock.lock();
        most = std::max(most, ++running);
        all_in.notify_all();
        // Each unit runs until every unit of the burst runs: only workers
        // roused side by side get there.
        all_in.wait_for(lock, 30s, [&] { return most == kUnits; });
        return true;
      },
      [] {});
  std::this_thread::sleep_for(100ms);  // all idle
  {
    std::lock_guard lock(mutex);
    available = kUnits;
  }
  pool.Wake();
  std::unique_lock lock(mutex);
  EXPECT_TRUE(all_in.wait_for(lock, 30s, [&] { return most == kUnits; })) << most << " ran at once";
  lock.unlock();
  pool.Stop();
}

TEST(WorkerPool, AWakeUpWhileEveryWorkerIsBusyIsNotLost) {
  std::mutex mutex;
  std::condition_variable changed;
  bool release = false;
  int looks = 0;
  WorkerPool pool(
      Idle(1),
      [&](const std::function<void()>&) {
        std::unique_lock lock(mutex);
        ++looks;
        changed.notify_all();
        if (looks == 2) changed.wait(lock, [&] { return release; });  // busy while Wake() comes
        return false;
      },
      [] {});
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard l(mutex);
    return looks == 1;
  }));
  pool.Wake();  // the worker looks again and stays busy
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard l(mutex);
    return looks == 2;
  }));
  pool.Wake();  // comes while it is busy
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  changed.notify_all();
  EXPECT_TRUE(Eventually([&] {
    std::lock_guard l(mutex);
    return looks == 3;
  })) << "the wake-up given while it was busy made it look once more";
  pool.Stop();
}

TEST(WorkerPool, EveryWakeUpReachesAWorkerWhateverElseWaits) {
  // The heartbeat thread waits too; a wake-up it swallowed would leave the
  // worker asleep until its poll (an hour here).
  std::atomic<int> looks{0};
  WorkerPool pool(
      Idle(1),
      [&](const std::function<void()>&) {
        ++looks;
        return false;
      },
      [] {});
  ASSERT_TRUE(Eventually([&] { return looks == 1; }));
  for (int i = 2; i <= 300; ++i) {
    pool.Wake();
    ASSERT_TRUE(Eventually([&] { return looks == i; })) << "wake-up " << i << " was lost";
  }
  pool.Stop();
}

}  // namespace
}  // namespace slipway::engine
