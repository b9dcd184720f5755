#include "engine/worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <utility>

namespace slipway::engine {

WorkerPool::WorkerPool(Settings settings, std::function<bool()> run_once,
                       std::function<void()> heartbeat, NextDue next_due)
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
    ++generation_;
  }
  wake_.notify_all();
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void WorkerPool::WaitFor(std::chrono::milliseconds timeout, std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, timeout, [&] { return stopping_ || generation_ != seen; });
}

void WorkerPool::WorkLoop() {
  for (;;) {
    std::uint64_t seen;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = generation_;
    }
    bool ran = false;
    try {
      ran = run_once_();
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
    WaitFor(timeout, seen);
  }
}

void WorkerPool::HeartbeatLoop() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, settings_.heartbeat_interval, [&] { return stopping_; })) return;
    }
    try {
      heartbeat_();
    } catch (const std::exception& e) {
      spdlog::error("engine heartbeat: {}", e.what());
    }
  }
}

}  // namespace slipway::engine
