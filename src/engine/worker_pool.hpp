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
///
/// A wake-up rouses one idle worker, not all of them: `run_once` calls the
/// `claimed` callback it is given as soon as it has taken a unit of work,
/// which rouses the next one, and so on while work is left. So a burst of
/// N due steps (a fan-out of children) still gets N workers at once, and a
/// single event costs one worker's look (plus one that finds nothing)
/// instead of every idle worker's.
class WorkerPool {
 public:
  struct Settings {
    int workers = 1;
    std::chrono::milliseconds poll_interval{1000};
    std::chrono::milliseconds heartbeat_interval{10'000};
  };

  /// How long until work is due, or nullopt when none is known to be.
  using NextDue = std::function<std::optional<std::chrono::milliseconds>()>;

  /// One unit of work: false when there was none. Calls `claimed` once it
  /// has taken one (before doing it).
  using RunOnce = std::function<bool(const std::function<void()>& claimed)>;

  /// Starts the threads.
  WorkerPool(Settings settings, RunOnce run_once, std::function<void()> heartbeat,
             NextDue next_due = {});
  /// Stops, like Stop().
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Makes an idle worker look for work now instead of at its next poll (a
  /// wake-up while every worker is busy is kept for the first that is not).
  void Wake();
  /// Lets every worker finish the unit it is running, then joins all threads.
  void Stop();

 private:
  void WorkLoop();
  void HeartbeatLoop();
  // Waits for a wake-up (and takes it), Stop(), or `timeout`.
  void WaitFor(std::chrono::milliseconds timeout);

  const Settings settings_;
  const RunOnce run_once_;
  const std::function<void()> heartbeat_;
  const NextDue next_due_;
  std::mutex mutex_;
  std::condition_variable wake_;  // workers only: a notify_one must reach a worker
  std::condition_variable heartbeat_wake_;
  int wakeups_ = 0;  // given by Wake(), each taken by one worker: none is lost while all are busy
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace slipway::engine
