#include "engine/worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <utility>

namespace slipway::engine {

WorkerPool::WorkerPool(Settings settings, RunOnce run_once, std::function<void()> heartbeat,
                       NextDue next_due)
    : settings_(settings),
      run_once_(std::move(run_once)),
      heartbeat_(std::move(heartbeat)),
      next_due_(std::move(next_due)) {
  for (int i = 0; i < settings_.workers; ++i) threads_.emplace_back([this] { WorkLoop(); });
  threads_.emplace_back([this] { HeartbeatLoop(); });
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Wake() {
  {
    std::lock_guard lock(mutex_);
    // One pending wake-up per worker at most: more would only make workers
    // look again for work that others already took.
    wakeups_ = std::min(wakeups_ + 1, settings_.workers);
  }
  wake_.notify_one();
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  heartbeat_wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void WorkerPool::WaitFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, timeout, [&] { return stopping_ || wakeups_ > 0; }) && !stopping_)
    --wakeups_;
}

void WorkerPool::WorkLoop() {
  const auto claimed = [this] { Wake(); };  // rouse the next worker: more may be due
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    bool ran = false;
    try {
      ran = run_once_(claimed);
    } catch (const std::exception& e) {
      spdlog::error("engine worker: {}", e.what());
    }
    if (ran) continue;
    // A step sleeping until soon (SleepUntil, a retry's backoff) is due before
    // the next poll: wake for it instead of up to a whole poll interval late.
    auto timeout = settings_.poll_interval;
    if (next_due_) {
      try {
        if (auto due = next_due_(); due && *due < timeout) {
          timeout = std::max(*due, std::chrono::milliseconds(1));
        }
      } catch (const std::exception& e) {
        spdlog::error("engine worker: {}", e.what());
      }
    }
    WaitFor(timeout);
  }
}

void WorkerPool::HeartbeatLoop() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (heartbeat_wake_.wait_for(lock, settings_.heartbeat_interval, [&] { return stopping_; }))
        return;
    }
    try {
      heartbeat_();
    } catch (const std::exception& e) {
      spdlog::error("engine heartbeat: {}", e.what());
    }
  }
}

}  // namespace slipway::engine
