#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connectors/kubernetes.hpp"
#include "connectors/kubernetes/model/cluster.hpp"
#include "core/common/clock.hpp"

namespace slipway::connectors {

/// The Kubernetes port in memory, for unit tests of services and the engine:
/// an in-process adapter over the model the Kubernetes emulator serves
/// (connectors/kubernetes/model/: one store, one set of controllers), on
/// the injected clock. Behaves like an API server whose controllers finish
/// at once: after every call the controllers run until nothing changes, with
/// no pod delay, so a rollout completes (and its old pods are gone) before
/// the call returns unless the image is told to fail. Writes go through the
/// emulator's admission (model/admission.*: defaults, validation, immutable
/// fields, resourceVersion, generation, namespace lifecycle) and fail with
/// the errors the real client makes of its Status answers; merge and
/// strategic merge patches, `/scale`, namespaces that stay Terminating for a
/// set time, and watches (own thread each, resume from a version, re-list
/// after ExpireWatchHistory, bookmarks on demand). Records every call and
/// fails the calls it is told to. Thread-safe.
class FakeKubernetes final : public Kubernetes {
 public:
  /// `clock` drives timestamps and namespace termination; nullptr: the system clock.
  explicit FakeKubernetes(const core::Clock* clock = nullptr);
  ~FakeKubernetes() override;

  core::Result<boost::json::object> Version() override;
  core::Result<KubeObject> Create(const KubeResource& resource, std::string_view ns,
                                  KubeObject object) override;
  core::Result<KubeObject> Get(const KubeResource& resource, std::string_view ns,
                               std::string_view name) override;
  core::Result<ObjectList> List(const KubeResource& resource, std::string_view ns,
                                const ListOptions& options) override;
  core::Result<KubeObject> Replace(const KubeResource& resource, std::string_view ns,
                                   KubeObject object) override;
  core::Result<KubeObject> Patch(const KubeResource& resource, std::string_view ns,
                                 std::string_view name, PatchType type,
                                 const boost::json::value& patch) override;
  core::Result<std::optional<KubeObject>> Delete(const KubeResource& resource, std::string_view ns,
                                                 std::string_view name,
                                                 PropagationPolicy propagation) override;
  core::Result<KubeObject> Scale(const KubeResource& resource, std::string_view ns,
                                 std::string_view name, std::int64_t replicas) override;
  core::Result<std::unique_ptr<WatchHandle>> Watch(const KubeResource& resource,
                                                   std::string_view ns, WatchOptions options,
                                                   WatchCallback on_event,
                                                   WatchErrorCallback on_error) override;

  // ---- Test controls ----

  /// Pods of `image` do not become ready: CrashLoopBackOff makes their
  /// container crash (a restart per 10 s of the clock, as the kubelet's first
  /// back-off), any other reason makes the image impossible to pull
  /// (ErrImagePull, then ImagePullBackOff). Pods not yet running follow it.
  void FailImage(std::string image, std::string reason = "ImagePullBackOff");
  void ClearImageFailures();
  /// The next `count` calls named `method` ("Create", "Get", "List",
  /// "Replace", "Patch", "Delete", "Scale", "Watch", "Version"; "" any) on
  /// `plural` ("" any) fail with `error` without touching state.
  void InjectFailure(std::string method, std::string plural, core::Error error, int count = 1);
  /// How long a deleted namespace stays Terminating (default 0: until the next call).
  void SetNamespaceTerminationDelay(core::Millis delay);
  /// Drops the watch history: watches resuming from an older version re-list
  /// (what a 410 Expired makes the real client do).
  void ExpireWatchHistory();
  /// Sends every running watch a BOOKMARK at the current resourceVersion.
  void SendBookmarks();

  struct Call {
    std::string method;    ///< "Create", "Get", …
    std::string resource;  ///< plural, e.g. "deployments"
    std::string ns;
    std::string name;
  };
  std::vector<Call> calls() const;
  void ClearCalls();
  /// Every stored object of a kind (all namespaces), for assertions.
  std::vector<KubeObject> Objects(const KubeResource& resource) const;

 private:
  class FakeWatch;
  struct Failure {
    std::string method;
    std::string plural;
    core::Error error;
    int count;
  };
  /// Records the call and returns an injected failure, if one matches. Locked.
  std::optional<core::Error> Enter(std::string_view method, const KubeResource* resource,
                                   std::string_view ns, std::string_view name);
  /// The model's settings for the fake: no pod delay, failures by image.
  kube::model::ClusterSettings Settings();
  /// Runs the controllers until nothing changes at the clock's time, then
  /// hands the changes to the watches. Locked.
  void Settle();
  /// Hands events recorded by the store to the matching watches. Locked.
  void Publish();
  /// The model's type for a port resource (all of the port's are modelled).
  static const kube::model::ResourceType& Type(const KubeResource& resource);
  /// Admits (model/admission.*) and stores a create (`current` nullptr) or
  /// an update of `current`, then settles. Locked.
  core::Result<KubeObject> Write(const KubeResource& resource, std::string_view ns,
                                 KubeObject object, const KubeObject* current);
  static core::Error NotFoundError(const KubeResource& resource, std::string_view name);
  const KubeObject* Find(const KubeResource& resource, std::string_view ns,
                         std::string_view name) const;

  std::unique_ptr<core::Clock> own_clock_;
  const core::Clock& clock_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> image_failures_;  ///< image → reason
  kube::model::Cluster cluster_;
  std::vector<kube::model::StoreEvent> unpublished_;
  std::vector<Failure> failures_;
  std::vector<Call> calls_;
  std::vector<std::shared_ptr<FakeWatch>> watches_;
};

}  // namespace slipway::connectors
