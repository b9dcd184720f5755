#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kubernetes/model/resources.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors::kube::model {

/// One change, as a watch reports it: "ADDED", "MODIFIED" or "DELETED", the
/// object's state after it (its last state for DELETED) at `rv`.
struct StoreEvent {
  std::string type;
  const ResourceType* resource = nullptr;
  int64_t rv = 0;
  boost::json::object object;
};

/// The objects of every type, the global resourceVersion counter, uids,
/// generations, and a bounded history of change events that watches replay.
/// Shared by the fake (in process) and the emulator (over HTTP), each of
/// which delivers events to its own watches through `on_event`.
/// Not thread-safe: the owner serializes every call with its own mutex.
class Store {
 public:
  Store(const core::Clock& clock, size_t history_limit)
      : clock_(clock), history_limit_(history_limit) {}

  /// Called with every change as it is recorded (the owner fans it out).
  std::function<void(const StoreEvent&)> on_event;
  /// Called with every change before on_event: the cluster's controllers'
  /// work queue (Cluster sets it).
  std::function<void(const StoreEvent&)> to_controllers;

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

  /// The retained changes, oldest first.
  const std::deque<StoreEvent>& history() const { return history_; }
  /// The oldest resourceVersion a watch can still resume from: older ones
  /// must re-list (410 Expired).
  int64_t oldest_resumable() const { return compacted_; }
  /// Forgets the history, as an etcd compaction does.
  void Compact();
  /// Forgets everything.
  void Clear();
  /// Whether `type` counts metadata.generation (spec changes).
  static bool TracksGeneration(const ResourceType& type);

 private:
  using Key = std::pair<std::string, std::string>;  // namespace, name
  void Emit(std::string type, const ResourceType& resource, const boost::json::object& object);

  const core::Clock& clock_;
  size_t history_limit_;
  int64_t rv_ = 0;
  int64_t compacted_ = 0;
  std::map<std::string_view, std::map<Key, boost::json::object>> objects_;
  std::deque<StoreEvent> history_;
};

}  // namespace slipway::connectors::kube::model
