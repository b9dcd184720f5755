#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "connectors/kubernetes.hpp"
#include "core/apps/app.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/environments/environment.hpp"
#include "core/environments/render.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/environments/environment_commands.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/platform/settings.hpp"
#include "store/database.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

struct DeploymentCondition {
  std::string type, status, reason, message;
};

/// What the cluster says about an environment now.
struct LiveState {
  bool reachable = false;
  std::string error;  ///< why the cluster could not be asked
  bool deployment_found = false;
  connectors::RolloutStatus rollout;  ///< replicas: desired/updated/ready/available/total
  std::vector<DeploymentCondition> conditions;
  std::int64_t pods = 0;
  /// Things a person should notice ("2 pods cannot pull image …: ImagePullBackOff").
  std::vector<std::string> notes;
};

struct EnvironmentView {
  core::Environment env;
  std::string app;
  std::string cluster;
  std::string image;  ///< what the pods run: env.image, or the placeholder before the first release
  core::ConfigBackend config_backend = core::ConfigBackend::kConsul;  ///< effective
  std::optional<LiveState> live;  ///< only on a single environment's detail
};

/// One pod as the instance list shows it (R-ENV-6).
struct PodView {
  connectors::PodSummary pod;
  std::int64_t age_seconds = -1;  ///< -1 before the pod started
};

/// The replica counts and conditions of an environment's Deployment.
struct DeploymentStatus {
  std::string name;
  connectors::RolloutStatus rollout;
  std::vector<DeploymentCondition> conditions;
};

/// The environment's live events, from watches: every pod (when a watch
/// starts or resyncs), one pod added, modified or deleted, the Deployment's
/// status, or why a watch failed.
struct EnvPodsEvent {
  std::vector<PodView> pods;
};
struct EnvPodEvent {
  std::string change;  ///< ADDED | MODIFIED | DELETED
  PodView pod;
};
struct EnvDeploymentEvent {
  DeploymentStatus status;
};
struct EnvWatchError {
  std::string message;
};
using EnvEvent = std::variant<EnvPodsEvent, EnvPodEvent, EnvDeploymentEvent, EnvWatchError>;
/// Receives them; called on watch threads.
using EnvEventSink = std::function<void(const EnvEvent& event)>;

/// A running subscription; destroying it stops the watches (without
/// blocking the caller's thread).
class EnvSubscription {
 public:
  virtual ~EnvSubscription() = default;
};

/// Environments (R-ENV-1..4, 6 list, 7): definition in the database, objects
/// in the cluster. Thread-safe.
class EnvironmentService {
 public:
  /// What the work above this service (releases, changes) has to say when an
  /// environment goes away; the composition root passes it in
  /// (EnvironmentDeleteHooks).
  struct DeleteHooks {
    /// Why the environment may not be deleted now (a release of it runs), or
    /// nullopt. Runs in a transaction that commits, so it may repair (settle
    /// a release whose workflow is gone).
    std::function<std::optional<std::string>(store::Tx&, std::int64_t env_id)> refusal;
    /// Detaches what still refers to the environment (closes its open
    /// changes) in the deleting transaction; says what it did ("" for
    /// nothing). An error refuses the deletion.
    std::function<core::Result<std::string>(store::Tx&, const RequestContext&,
                                            const core::Environment&)>
        detach;

    /// Nothing above refuses or holds on: for tests and tools without releases or changes.
    static DeleteHooks None();
  };

  /// Both hooks must be set.
  EnvironmentService(store::Database& db, const core::Clock& clock, ClusterService& clusters,
                     DeleteHooks delete_hooks);

  /// Checks the command against the application and the cluster, records
  /// the environment and applies its Deployment and Services at once. When
  /// the cluster refuses or cannot be reached, whatever was applied is
  /// removed again and nothing is recorded.
  core::Result<EnvironmentView> Create(const RequestContext& ctx, const std::string& app_ref,
                                       const Parsed<CreateEnvironmentCommand>& command);
  core::Result<std::vector<EnvironmentView>> List(const RequestContext& ctx,
                                                  const std::string& app_ref);
  /// With the live state.
  core::Result<EnvironmentView> Get(const RequestContext& ctx, const std::string& env_ref);
  /// Removes the Kubernetes objects, then the environment with its config
  /// drafts, closing its open changes (DeleteHooks). `confirm` must be the
  /// application's name. Refused while a release runs. What was recorded
  /// about it (operations, publishes, releases, audit) stays under its id,
  /// which is never handed out again.
  core::Status Delete(const RequestContext& ctx, const std::string& env_ref,
                      const std::string& confirm);
  core::Result<std::vector<PodView>> Pods(const RequestContext& ctx, const std::string& env_ref);
  /// A rolling restart; writes an operation record and no change (R-ENV-7).
  core::Result<store::EnvOperation> Restart(const RequestContext& ctx, const std::string& env_ref);
  core::Result<std::vector<store::EnvOperation>> Operations(const RequestContext& ctx,
                                                            const std::string& env_ref);
  /// Replaces the release policy (R-REL-4): owners and admins only (403
  /// before the command is looked at); 409 for an offline application or a
  /// stale `version`. Turning approval off where the default rule asks for
  /// it is for admins. A release already started keeps the plan, window and
  /// auto-rollback it started with; the next one uses the new policy. An
  /// unchanged policy answers the environment as it is, without an audit.
  core::Result<EnvironmentView> SetReleasePolicy(const RequestContext& ctx,
                                                 const std::string& env_ref,
                                                 const Parsed<SetReleasePolicyCommand>& command);
  /// Live events of the environment's pods and Deployment, from watches.
  core::Result<std::unique_ptr<EnvSubscription>> Subscribe(const RequestContext& ctx,
                                                           const std::string& env_ref,
                                                           EnvEventSink sink);

  /// What the environment's objects are rendered from, for `track`.
  core::RenderInput RenderInputFor(const core::Environment& env, const std::string& app,
                                   const core::Cluster& cluster,
                                   const std::string& track = core::kTrackStable) const;

 private:
  struct Loaded {
    core::Environment env;
    core::App app;
    core::Cluster cluster;
  };
  core::Result<Loaded> Load(store::Tx& tx, const std::string& env_ref);
  core::Result<Loaded> LoadForWrite(store::Tx& tx, const RequestContext& ctx,
                                    const std::string& env_ref);
  EnvironmentView View(const Loaded& loaded) const;
  LiveState Live(connectors::Kubernetes& kube, const Loaded& loaded) const;
  std::optional<std::string> DeleteRefusal(store::Tx& tx, std::int64_t env_id) const;
  /// Forbidden when `policy` turns approval off where the default rule (core
  /// in prod) asks for it and the caller is no admin: developers would skip
  /// their approvers.
  static std::optional<core::Error> ApprovalOffRefusal(const RequestContext& ctx,
                                                       const core::App& app,
                                                       const std::string& env_type,
                                                       const core::ReleasePolicy& policy);
  /// Removes the environment's row and drafts and detaches what refers to it;
  /// says what it did besides removing the row.
  core::Result<std::string> Forget(store::Tx& tx, const RequestContext& ctx,
                                   const core::Environment& env) const;

  store::Database& db_;
  const core::Clock& clock_;
  ClusterService& clusters_;
  const DeleteHooks delete_hooks_;
};

}  // namespace slipway::services
