#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/common/error.hpp"

namespace slipway::services {

/// Stored console text from a byte offset, and whether the build ended
/// (then the log is complete).
struct BuildLog {
  std::string text;
  std::int64_t end = 0;
  bool ended = false;
};

/// Follows growing build logs for streaming readers (`slipway build logs
/// --follow`, the console). The log is polled from the database rather than
/// fed by the workflow, because the step writing it may run in another
/// replica. One thread per follower; thread-safe.
class BuildLogTails {
 public:
  using Read = std::function<core::Result<BuildLog>(std::int64_t from)>;
  /// Sends a piece of log; false when the reader went away. Called with ""
  /// on every idle poll, to notice a reader that left.
  using Push = std::function<bool(std::string)>;
  using Close = std::function<void()>;

  explicit BuildLogTails(std::chrono::milliseconds poll = std::chrono::milliseconds(500),
                         std::size_t max_tails = 64);
  /// Stops every tail (without calling close) and joins its thread.
  ~BuildLogTails();
  BuildLogTails(const BuildLogTails&) = delete;
  BuildLogTails& operator=(const BuildLogTails&) = delete;

  /// Polls `read` from byte `from` on, passing new text to `push`, until a
  /// read says the build ended (then `close`), `push` returns false, or
  /// this object is destroyed. TooManyRequests when max_tails run already.
  core::Status Start(std::int64_t from, Read read, Push push, Close close);

 private:
  struct Tail {
    std::thread thread;
    std::shared_ptr<bool> done;  ///< guarded by mutex_
  };
  void Run(std::int64_t from, const Read& read, const Push& push, const Close& close);
  void ReapFinished();  ///< with mutex_ held

  const std::chrono::milliseconds poll_;
  const std::size_t max_tails_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::list<Tail> tails_;
};

}  // namespace slipway::services
