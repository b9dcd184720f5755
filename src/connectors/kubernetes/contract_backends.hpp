#pragma once
// What the Kubernetes contract suite runs against, and the few levers it
// needs that differ per backend (making an image fail, expiring the watch
// history, injecting HTTP faults). Test-only: implemented in
// contract_backends_test.cpp so it links into the test binary, not the library.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "connectors/kubernetes.hpp"

namespace slipway::connectors::kube_testing {

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Kubernetes& k8s() = 0;
  /// Pods of this image must end in ImagePullBackOff.
  virtual void ImageWillFail(const std::string& image) = 0;
  /// Makes every resourceVersion seen so far too old to watch from (410).
  virtual void ExpireHistory() = 0;
  /// Makes a BOOKMARK arrive on running watches soon.
  virtual void PromptBookmark() = 0;
  /// The next call of `method` on `path` gets an HTTP `status` with a Status
  /// body; false when the backend is not HTTP.
  virtual bool InjectFault(const std::string& method, const std::string& path, int status) {
    (void)method, (void)path, (void)status;
    return false;
  }
  /// Whether every injected fault has been served.
  virtual bool FaultsConsumed() { return true; }
  /// The same cluster reached with another bearer token; nullptr if tokens mean nothing here.
  virtual std::unique_ptr<Kubernetes> WithToken(const std::string& token) {
    (void)token;
    return nullptr;
  }
};

struct BackendFactory {
  std::string name;
  std::function<std::unique_ptr<Backend>()> make;
};
inline void PrintTo(const BackendFactory& f, std::ostream* os) { *os << f.name; }

/// The fake, and the real client against the in-process emulator.
std::vector<BackendFactory> Backends();

/// Collects watch events for assertions.
class EventLog {
 public:
  WatchCallback Callback();
  /// Waits until some event satisfies `match`.
  bool WaitFor(const std::function<bool(const WatchEvent&)>& match,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
  bool Any(const std::function<bool(const WatchEvent&)>& match);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<WatchEvent> events_;
};

}  // namespace slipway::connectors::kube_testing
