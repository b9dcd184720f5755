#pragma once
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kubernetes/selectors.hpp"
#include "http/message.hpp"
#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

// The selectors are the ones the fake evaluates too.
using connectors::kube::FieldSelector;
using connectors::kube::LabelSelector;

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
  std::chrono::steady_clock::time_point deadline;
};

/// The objects of every emulated type, the global resourceVersion counter,
/// a bounded history of change events and the watches they fan out to.
/// Not thread-safe: the emulator serializes every call with its own mutex.
class Store {
 public:
  explicit Store(size_t history_limit) : history_limit_(history_limit) {}

  /// The current (latest) resourceVersion.
  int64_t rv() const { return rv_; }
  const boost::json::object* Get(const ResourceType& type, const std::string& ns,
                                 const std::string& name) const;
  /// Objects of `type` (in `ns`, or all namespaces when empty), ordered by
  /// namespace then name, as etcd keys order them.
  std::vector<const boost::json::object*> List(const ResourceType& type,
                                               const std::string& ns = "") const;
  /// Stores a new object: sets kind/apiVersion, uid, creationTimestamp,
  /// resourceVersion and (for types that track it) generation 1; emits ADDED.
  boost::json::object Create(const ResourceType& type, boost::json::object object);
  /// Replaces an existing object with a new resourceVersion; emits MODIFIED.
  boost::json::object Update(const ResourceType& type, boost::json::object object);
  /// Removes an object; emits DELETED with its last state at a new
  /// resourceVersion, which is also returned. No-op (nullopt) when absent.
  std::optional<boost::json::object> Remove(const ResourceType& type, const std::string& ns,
                                            const std::string& name);

  /// Starts a watch. `from` empty or 0: synthetic ADDED events for what
  /// exists, then changes. Otherwise the retained changes after `from`, then
  /// live ones; if `from` is older than the retained history the stream gets
  /// one ERROR event (410 Expired Status) and ends, as the apiserver does.
  std::shared_ptr<http::QueueStream> Watch(WatchRequest request, std::optional<int64_t> from);
  /// Ends watches past their deadline, drops ones whose client went away and
  /// sends BOOKMARKs to those that asked, at most every `bookmark_interval`.
  void TickWatches(std::chrono::steady_clock::time_point now,
                   std::chrono::milliseconds bookmark_interval);
  /// Ends every watch and forgets everything.
  void Clear();
  size_t watch_count() const { return watches_.size(); }
  /// The oldest resourceVersion a watch can still resume from.
  int64_t oldest_resumable() const { return compacted_; }

 private:
  using Key = std::pair<std::string, std::string>;  // namespace, name
  struct Event {
    std::string type;
    const ResourceType* resource;
    int64_t rv;
    boost::json::object object;
  };
  struct Watcher {
    WatchRequest request;
    std::weak_ptr<http::QueueStream> stream;
    std::chrono::steady_clock::time_point last_bookmark;
  };
  void Emit(std::string type, const ResourceType& resource, const boost::json::object& object);
  static bool Matches(const WatchRequest& request, const Event& event);
  static std::string Line(const std::string& type, const boost::json::object& object);

  size_t history_limit_;
  int64_t rv_ = 0;
  int64_t compacted_ = 0;
  std::map<std::string_view, std::map<Key, boost::json::object>> objects_;
  std::deque<Event> history_;
  std::vector<Watcher> watches_;
};

}  // namespace slipway::sandbox::kube
