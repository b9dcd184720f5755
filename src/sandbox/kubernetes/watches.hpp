#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/kubernetes/model/store.hpp"
#include "connectors/kubernetes/selectors.hpp"
#include "http/message.hpp"
#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

// The selectors are the ones the fake evaluates too.
using connectors::kube::FieldSelector;
using connectors::kube::LabelSelector;

using Clock = std::chrono::steady_clock;

/// What a watch asks for: one type, optionally one namespace, selectors.
struct WatchRequest {
  const ResourceType* type = nullptr;
  std::string ns;  ///< empty: all namespaces
  LabelSelector labels;
  FieldSelector fields;
  bool bookmarks = false;
  /// Start with synthetic ADDED events and an initial-events-end BOOKMARK
  /// (sendInitialEvents=true).
  bool initial_events_bookmark = false;
  Clock::time_point deadline;
};

/// The emulator's watch streams over the model's store: each is a chunked
/// HTTP body of JSON lines. Not thread-safe: the emulator serializes every
/// call with its own mutex.
class WatchStreams {
 public:
  /// Starts a watch. `from` empty or 0: synthetic ADDED events for what
  /// exists, then changes. Otherwise the retained changes after `from`, then
  /// live ones; if `from` is older than the retained history the stream gets
  /// one ERROR event (410 Expired Status) and ends, as the apiserver does.
  std::shared_ptr<http::QueueStream> Watch(const model::Store& store, WatchRequest request,
                                           std::optional<int64_t> from);
  /// Hands a change to the watches it matches (the store's on_event).
  void Publish(const model::StoreEvent& event);
  /// Ends watches past their deadline, drops ones whose client went away and
  /// sends BOOKMARKs at `rv` to those that asked, at most every
  /// `bookmark_interval`.
  void Tick(Clock::time_point now, std::chrono::milliseconds bookmark_interval, int64_t rv);
  /// Ends every watch.
  void Clear();
  size_t count() const { return watches_.size(); }

 private:
  struct Watcher {
    WatchRequest request;
    std::weak_ptr<http::QueueStream> stream;
    Clock::time_point last_bookmark;
  };
  static bool Matches(const WatchRequest& request, const ResourceType& type,
                      const boost::json::object& object);

  std::vector<Watcher> watches_;
};

}  // namespace slipway::sandbox::kube
