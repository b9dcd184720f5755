#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace slipway::engine {

/// Threads that repeatedly run a unit of work: each worker calls `run_once`
/// until it reports no work, then waits for Wake(), the poll interval, or
/// the time `next_due` names (when work is known to become due sooner:
/// timers). One more thread calls `heartbeat` at a fixed period. Exceptions
/// from any of them are logged and the loop goes on (the database may be
/// briefly away).
class WorkerPool {
 public:
  struct Settings {
    int workers = 1;
    std::chrono::milliseconds poll_interval{1000};
    std::chrono::milliseconds heartbeat_interval{10'000};
  };

  /// How long until work is due, or nullopt when none is known to be.
  using NextDue = std::function<std::optional<std::chrono::milliseconds>()>;

  /// Starts the threads.
  WorkerPool(Settings settings, std::function<bool()> run_once, std::function<void()> heartbeat,
             NextDue next_due = {});
  /// Stops, like Stop().
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Makes idle workers look for work now instead of at their next poll.
  void Wake();
  /// Lets every worker finish the unit it is running, then joins all threads.
  void Stop();

 private:
  void WorkLoop();
  void HeartbeatLoop();
  // Waits until Wake() moved past `seen`, Stop(), or `timeout`.
  void WaitFor(std::chrono::milliseconds timeout, std::uint64_t seen);

  const Settings settings_;
  const std::function<bool()> run_once_;
  const std::function<void()> heartbeat_;
  const NextDue next_due_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t generation_ = 0;  // bumped by Wake(), so a wake during a run is not lost
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace slipway::engine
