#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "connectors/http_transport.hpp"
#include "connectors/kubernetes.hpp"

namespace slipway::connectors {

/// A watch of one collection on its own thread, as client-go's reflector
/// does it: (list →) watch with allowWatchBookmarks and timeoutSeconds →
/// resume from the last seen resourceVersion when the stream ends → re-list
/// on 410 Expired (an HTTP 410 or an ERROR event carrying a 410 Status) and
/// watch from the new list's version. Other failures (network, 401/403, 5xx)
/// go to the error callback and are retried with capped exponential backoff.
class Watcher final : public WatchHandle {
 public:
  struct Params {
    KubeResource resource;
    std::string ns;
    WatchOptions options;
    int timeout_seconds = 300;
    std::chrono::milliseconds backoff{250};
  };

  Watcher(std::shared_ptr<HttpTransport> transport, Params params, WatchCallback on_event,
          WatchErrorCallback on_error);
  ~Watcher() override;
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Starts the thread (once).
  void Start();
  void Stop() override;
  void RequestStop() override;
  std::string resource_version() const override;

 private:
  enum class StreamEnd { kClosed, kExpired, kFailed };
  void Run();
  bool Relist();
  StreamEnd StreamOnce(core::Error& error, bool& saw_data);
  /// Handles one line of the stream; false ends the stream (ERROR event).
  bool HandleLine(std::string_view line, std::string& other_lines, bool& expired,
                  core::Error& error, bool& failed);
  void Deliver(const WatchEvent& event);
  void Report(const core::Error& error);
  void SetVersion(std::string rv);
  void Pause(std::chrono::milliseconds how_long);

  std::shared_ptr<HttpTransport> transport_;
  Params params_;
  WatchCallback on_event_;
  WatchErrorCallback on_error_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::string resource_version_;
  std::thread thread_;
};

}  // namespace slipway::connectors
