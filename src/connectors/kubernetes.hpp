#pragma once
// The Kubernetes port: what Slipway needs from a cluster's API server.
//
// Objects are plain `boost::json::object`s in the API server's own JSON
// (Kubernetes JSON is the lingua franca: renderers produce it, the emulator
// serves it, kubectl prints it). Typed views exist only where Slipway reasons
// about objects: PodSummary (instance lists) and RolloutStatus (releases).
//
// Errors (every method): the API server's `Status` is kept — its `message` in
// Error::message, its `reason` in details["reason"] — and mapped as:
//   NotFound → kNotFound; AlreadyExists, Conflict → kConflict;
//   Invalid, BadRequest → kInvalid; Unauthorized → kUnauthenticated;
//   Forbidden (RBAC, terminating namespace) → kForbidden;
//   5xx, 429, timeouts, unreachable server → kTransient.
// Threading: implementations are thread-safe; watch callbacks run on the
// watch's own thread.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

using KubeObject = boost::json::object;
using Deployment = boost::json::object;

/// Which REST collection an object lives in.
struct KubeResource {
  std::string_view api_version;  ///< "v1" (core group) or "group/version"
  std::string_view kind;         ///< "Deployment"
  std::string_view plural;       ///< "deployments" (the URL segment)
  bool namespaced = true;
};

namespace kube {
inline constexpr KubeResource kNamespaces{"v1", "Namespace", "namespaces", false};
inline constexpr KubeResource kDeployments{"apps/v1", "Deployment", "deployments", true};
inline constexpr KubeResource kReplicaSets{"apps/v1", "ReplicaSet", "replicasets", true};
inline constexpr KubeResource kPods{"v1", "Pod", "pods", true};
inline constexpr KubeResource kServices{"v1", "Service", "services", true};
inline constexpr KubeResource kConfigMaps{"v1", "ConfigMap", "configmaps", true};
inline constexpr KubeResource kIngresses{"networking.k8s.io/v1", "Ingress", "ingresses", true};
/// The resource for an object's apiVersion + kind among the above, or nullopt.
std::optional<KubeResource> ResourceFor(std::string_view api_version, std::string_view kind);
}  // namespace kube

enum class PatchType {
  kMerge,           ///< application/merge-patch+json (RFC 7386): lists replaced whole
  kStrategicMerge,  ///< application/strategic-merge-patch+json: lists merged by key
};

enum class PropagationPolicy { kBackground, kForeground, kOrphan };

struct ListOptions {
  std::string label_selector;  ///< e.g. "app=web,track!=canary"; empty: all
  std::string field_selector;
};

struct ObjectList {
  std::vector<KubeObject> items;  ///< every page, in server order
  std::string resource_version;   ///< the list's, to watch from
};

/// One pod as the instance list shows it.
struct PodSummary {
  std::string name;
  std::string phase;  ///< Pending, Running, Succeeded, Failed, Unknown
  bool ready = false;
  int restarts = 0;    ///< sum over containers
  std::string image;   ///< the first container's
  std::string pod_ip;  ///< empty until networking is set up
  std::string node;    ///< empty until scheduled
  std::string start_time;
  std::string
      waiting_reason;  ///< ImagePullBackOff, CrashLoopBackOff, … of the first waiting container
  std::string waiting_message;
  std::string terminated_reason;  ///< OOMKilled, Error, … (current state, else last state)
  bool terminating = false;       ///< has a deletionTimestamp
  std::string pod_template_hash;  ///< which ReplicaSet generation the pod belongs to
};

/// kubectl `rollout status` verdict for one Deployment.
struct RolloutStatus {
  bool done = false;
  bool failed = false;  ///< ProgressDeadlineExceeded: waiting longer will not help
  std::string
      message;  ///< kubectl's wording ("Waiting for deployment …", "successfully rolled out")
  std::int64_t replicas = 0;  ///< desired (spec)
  std::int64_t updated = 0;
  std::int64_t ready = 0;
  std::int64_t available = 0;
  std::int64_t total = 0;  ///< status.replicas: old + new pods
};

struct WatchEvent {
  enum class Type {
    kAdded,
    kModified,
    kDeleted,
    kBookmark,  ///< only `resource_version` is meaningful
    /// A full list replaced what the consumer knew: at the start (when no
    /// resourceVersion was given) and after the server expired the watched
    /// version (410). `items` holds every matching object.
    kResync,
  };
  Type type = Type::kAdded;
  KubeObject object;
  std::vector<KubeObject> items;  ///< kResync only
  std::string resource_version;   ///< where a resumed watch would continue
};

struct WatchOptions {
  std::string label_selector;
  std::string field_selector;
  /// Resume after this version; empty: list first (a kResync event), then watch.
  std::string resource_version;
};

/// A running watch. Events arrive on the watch's own thread, in order.
class WatchHandle {
 public:
  virtual ~WatchHandle() = default;
  /// Stops delivering events and joins the thread. Idempotent; must not be
  /// called from the callback.
  virtual void Stop() = 0;
  /// Stops delivering events at once and lets the thread wind down, without
  /// waiting for it (a stream may sit in a network read for up to a second);
  /// Stop() joins it later. Idempotent; safe from any thread.
  virtual void RequestStop() {}
  /// The last resourceVersion the watch saw (an event, bookmark or list).
  virtual std::string resource_version() const = 0;
};

using WatchCallback = std::function<void(const WatchEvent&)>;
/// Told about failures the watch recovers from by retrying (auth, network).
using WatchErrorCallback = std::function<void(const core::Error&)>;

/// The port. Namespaced calls take `ns`; cluster-scoped ones ignore it.
class Kubernetes {
 public:
  virtual ~Kubernetes() = default;

  /// GET /version: {"major","minor","gitVersion",…}. Idempotent.
  virtual core::Result<boost::json::object> Version() = 0;

  /// POST. The object's namespace is set to `ns`. kConflict if it exists.
  /// Not retried (a create is not idempotent); see Apply.
  virtual core::Result<KubeObject> Create(const KubeResource& resource, std::string_view ns,
                                          KubeObject object) = 0;
  /// GET one object.
  virtual core::Result<KubeObject> Get(const KubeResource& resource, std::string_view ns,
                                       std::string_view name) = 0;
  /// GET the collection (all pages).
  virtual core::Result<ObjectList> List(const KubeResource& resource, std::string_view ns,
                                        const ListOptions& options) = 0;
  /// PUT the whole object (name from metadata). With metadata.resourceVersion
  /// the write is conditional: kConflict (reason Conflict) when stale.
  virtual core::Result<KubeObject> Replace(const KubeResource& resource, std::string_view ns,
                                           KubeObject object) = 0;
  /// PATCH. Merge patches are idempotent (applying one twice gives the same
  /// object), so they are retried on transient failures.
  virtual core::Result<KubeObject> Patch(const KubeResource& resource, std::string_view ns,
                                         std::string_view name, PatchType type,
                                         const boost::json::value& patch) = 0;
  /// DELETE (propagation: what happens to dependents — Background, the
  /// apps/v1 default, removes them after the object). Returns the object when it survives the call
  /// (a namespace now Terminating, finalizers), nullopt when it is gone. kNotFound if absent.
  virtual core::Result<std::optional<KubeObject>> Delete(const KubeResource& resource,
                                                         std::string_view ns, std::string_view name,
                                                         PropagationPolicy propagation) = 0;
  /// Sets spec.replicas through the `/scale` subresource (Deployments,
  /// ReplicaSets); returns the autoscaling/v1 Scale. Idempotent.
  virtual core::Result<KubeObject> Scale(const KubeResource& resource, std::string_view ns,
                                         std::string_view name, std::int64_t replicas) = 0;
  /// Watches a collection until Stop(): resumes from the last seen version
  /// after stream ends and errors, asks for bookmarks, re-lists on 410.
  virtual core::Result<std::unique_ptr<WatchHandle>> Watch(const KubeResource& resource,
                                                           std::string_view ns,
                                                           WatchOptions options,
                                                           WatchCallback on_event,
                                                           WatchErrorCallback on_error) = 0;

  // ---- Operations built on the calls above (kubernetes/operations.cpp) ----

  /// Creates the namespace; an existing one is fine (idempotent).
  core::Result<KubeObject> EnsureNamespace(std::string_view name,
                                           const boost::json::object& labels = {});
  /// "Active", "Terminating"; kNotFound once it is gone.
  core::Result<std::string> NamespacePhase(std::string_view name);
  /// Create-or-replace, so Slipway's steps can repeat safely: GET, then POST
  /// if absent or PUT with the current resourceVersion (keeping fields the
  /// server owns, e.g. a Service's clusterIP); one retry on a Conflict race.
  core::Result<KubeObject> Apply(std::string_view ns, KubeObject object);
  /// `kubectl rollout restart`: sets the template annotation
  /// kubectl.kubernetes.io/restartedAt to `now_rfc3339` (strategic merge),
  /// which rolls out a new ReplicaSet. kConflict for a paused Deployment.
  core::Result<Deployment> RolloutRestart(std::string_view ns, std::string_view name,
                                          std::string_view now_rfc3339);
  /// Pods matching a label selector as instance-list rows.
  core::Result<std::vector<PodSummary>> ListPods(std::string_view ns,
                                                 std::string_view label_selector);
  /// ReplicaSets matching a label selector.
  core::Result<std::vector<KubeObject>> ListReplicaSets(std::string_view ns,
                                                        std::string_view label_selector);
};

/// The pod's instance-list row. Pure.
PodSummary SummarizePod(const KubeObject& pod);

/// kubectl's `rollout status` algorithm (see kubernetes/rollout.cpp). Pure.
RolloutStatus EvaluateRollout(const Deployment& deployment);

}  // namespace slipway::connectors
