#pragma once
// The fake's object store: what an API server keeps (objects, one global
// resourceVersion, uids, generations) and the event history watches replay.
// Not thread-safe: FakeKubernetes holds its lock around every use.

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "connectors/kubernetes.hpp"
#include "core/common/clock.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::fake {

struct StoredEvent {
  WatchEvent::Type type;
  std::string plural;
  std::string ns;
  KubeObject object;
  std::int64_t version = 0;
};

class Store {
 public:
  explicit Store(const core::Clock& clock) : clock_(clock) {}

  KubeObject* Find(std::string_view plural, std::string_view ns, std::string_view name);
  /// Every object of a kind; `ns` empty: all namespaces. Name order.
  std::vector<KubeObject*> All(std::string_view plural, std::string_view ns);
  /// Stores the object (new or replacing) with the next resourceVersion,
  /// records ADDED or MODIFIED, and returns the stored copy.
  const KubeObject& Put(const KubeResource& resource, std::string_view ns, KubeObject object);
  /// Removes it, recording DELETED with the last state (at a new version).
  void Erase(const KubeResource& resource, std::string_view ns, std::string_view name);

  std::int64_t version() const { return version_; }
  /// Watches asking for a version below this must re-list (410 Expired).
  std::int64_t history_floor() const { return floor_; }
  const std::deque<StoredEvent>& history() const { return history_; }
  void ExpireHistory();
  /// Events recorded since the last call (FakeKubernetes fans them out).
  std::vector<StoredEvent> TakeNewEvents();

  std::string NewUid() { return "fake-uid-" + std::to_string(++uids_); }
  std::int64_t NextSerial() { return ++serial_; }
  std::string Now() const { return core::Rfc3339Seconds(clock_.Now()); }
  core::Millis NowMillis() const { return clock_.Now(); }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // plural, ns, name
  void Record(WatchEvent::Type type, std::string_view plural, std::string_view ns,
              const KubeObject& object);

  const core::Clock& clock_;
  std::map<Key, KubeObject> objects_;
  std::deque<StoredEvent> history_;
  std::vector<StoredEvent> pending_;
  std::int64_t version_ = 1000;
  std::int64_t floor_ = 0;
  std::int64_t uids_ = 0;
  std::int64_t serial_ = 0;
};

/// Pods of this image do not become ready: they wait with this reason.
using ImageFailures = std::map<std::string, std::string>;

/// The fake's deployment controller, run after every write to a Deployment:
/// ReplicaSet per template (pod-template-hash), pods of the newest one,
/// statuses and conditions — all at once, no gradual rollout.
void ReconcileDeployment(Store& store, std::string_view ns, std::string_view name,
                         const ImageFailures& failures);
/// Garbage collection at once: deletes the ReplicaSets and pods `owner_uid` controls, recursively.
void DeleteOwned(Store& store, std::string_view ns, std::string_view owner_uid);

}  // namespace slipway::connectors::fake
