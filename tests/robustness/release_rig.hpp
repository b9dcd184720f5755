#pragma once
// A release crash rig: the emulators in a `slipway sandbox` process of their
// own, and a `slipway serve` that is started (with fail points), crashes,
// and is started again on the same database (SQLite, or PostgreSQL where
// replicas can run side by side), pointed at the sandbox through its
// configuration (`sandbox.enabled: false`, `connectors:`) and a cluster
// registered with a kubeconfig; config files live in its Consul.
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/api_fixture.hpp"
#include "support/sandbox_process.hpp"
#include "support/slipway_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace slipway::testing {

/// The namespace the rig's cluster maps the `test` env type to.
inline constexpr const char* kRigNamespace = "crash-test";

/// Calls the Kubernetes emulator logged since the last ClearCalls().
struct KubeCalls {
  int deployments_created = 0;  ///< POSTs to a deployments collection answered 201
  int services_created = 0;     ///< the same for services
  std::size_t total = 0;        ///< calls logged (the log keeps the last 1000)
};

/// How a release went under a server that crashed and was started again.
struct CrashRun {
  std::optional<ExitStatus> exit;  ///< how the fail-pointed server ended (nullopt: it never did)
  std::string stderr_text;         ///< its stderr
  std::int64_t release_id = 0;
  Reply end;  ///< the release once it ended (after the restart)
};

struct ReleaseRigOptions {
  Backend backend = Backend::kSqlite;
  /// The engine lease of every server started (short, so a restarted
  /// server or another replica takes over a crashed one's step quickly).
  int lease_ms = 1000;
  /// PostgreSQL only: the server's URL (a database of the test's own is
  /// created there); empty: the shared fixture server.
  std::string postgres_server_url = {};
  /// Top-level YAML added to every server's configuration.
  std::string extra_config = {};
  /// Pods become ready this long after they start: quickly, but not at
  /// once, so every release really waits.
  std::chrono::milliseconds pod_ready_delay{500};
};

class ReleaseRig {
 public:
  explicit ReleaseRig(ReleaseRigOptions options = {});
  ~ReleaseRig();
  ReleaseRig(const ReleaseRig&) = delete;
  ReleaseRig& operator=(const ReleaseRig&) = delete;

  // ---- the server ----
  /// Starts `slipway serve` on the rig's database, with SLIPWAY_FAILPOINTS
  /// set to `failpoints` unless empty. The first start also mints the
  /// admin's API token (kept in the database across restarts).
  void StartServer(const std::string& failpoints = "");
  /// Waits for the server to end by itself (a fail point); its exit status,
  /// or nullopt after `timeout`.
  std::optional<ExitStatus> WaitForExit(std::chrono::milliseconds timeout);
  /// Graceful stop (SIGTERM); its exit status.
  ExitStatus StopServer();
  /// The server the rig's API calls go to.
  SlipwayProcess& server() { return *servers_.at(current_); }

  // ---- replicas (PostgreSQL) ----
  /// Starts one more `slipway serve` on the same database; its index (the
  /// first server is 0). The rig keeps talking to the current one.
  std::size_t StartReplica(const std::string& failpoints = "");
  SlipwayProcess& replica(std::size_t index) { return *servers_.at(index); }
  std::size_t replicas() const { return servers_.size(); }
  /// Sends the rig's API calls to replica `index` from now on.
  void UseReplica(std::size_t index);
  /// The bootstrap admin, by API token.
  Api Admin() const;
  /// A write that may find the server gone (it crashed while answering):
  /// nullopt then.
  std::optional<Reply> TryPost(const std::string& path,
                               const boost::json::value& body = boost::json::object{});

  // ---- the sandbox ----
  SandboxProcess& sandbox() { return sandbox_; }
  /// Pushes an image to the sandbox registry; its address (host:port/repo:tag).
  std::string PushImage(const std::string& repository, const std::string& tag);
  /// An HTTP client for the Kubernetes emulator.
  Api Kube() const;
  /// Adds a fault rule (POST /_sandbox/faults) to an emulator ("kubernetes", "jenkins"…).
  void AddFault(const std::string& system, const boost::json::object& rule);
  /// How many fault rules of an emulator are still to hit a call (a hanging
  /// call has taken its rule once it arrived).
  std::size_t PendingFaults(const std::string& system);
  /// How many builds Jenkins has of a job (its last build number; 0: none).
  std::int64_t JenkinsBuilds(const std::string& job);
  /// Forgets the emulator's call log (DELETE /_sandbox/faults also clears faults).
  void ClearCalls();
  KubeCalls Calls();
  /// metadata.uid of a Kubernetes object in the rig's namespace ("" when absent).
  std::string Uid(const std::string& resource_path);

  // ---- the world a release needs ----
  /// Registers the sandbox's Kubernetes as a cluster (kubeconfig); its name.
  std::string RegisterCluster();
  /// Registers and approves a self-developed application; its id.
  std::int64_t CreateApp(const std::string& name);
  /// A commercial application, approved and with complete details, so a
  /// change can name any image; its id.
  std::int64_t CreateCommercialApp(const std::string& name);
  /// Creates a code change of `image` for the environment and submits it;
  /// the change's id.
  std::int64_t SubmitChange(std::int64_t app_id, std::int64_t env_id, const std::string& image);
  /// An environment of type `test` on the rig's cluster; its id.
  std::int64_t CreateEnv(std::int64_t app_id, const std::string& image, int replicas,
                         const boost::json::object& release_policy = {});
  /// Waits until the environment has exactly `count` pods, all ready and
  /// running `image`.
  bool WaitForPods(std::int64_t env_id, int count, const std::string& image);
  /// GET /api/v1/workflows/{id}: the engine's view of a workflow.
  Reply Workflow(const std::string& workflow_id);
  /// The newest release of an environment (0 when none).
  std::int64_t LatestRelease(std::int64_t env_id);
  /// Waits until the release is completed or failed; its last view.
  Reply WaitForEnd(std::int64_t release_id,
                   std::chrono::milliseconds timeout = std::chrono::seconds(90));
  /// The same, promoting every manual canary pause once on the way (a
  /// person would); the last view (status 0 when the server never answered).
  Reply DriveToEnd(std::int64_t release_id,
                   std::chrono::milliseconds timeout = std::chrono::seconds(90));
  /// Starts a build of a self-developed application; its id.
  std::int64_t StartBuild(std::int64_t app_id, const std::string& version);

  /// Drives the environment's release newer than `previous_release` while
  /// the running (fail-pointed) server lives, promoting every manual canary
  /// pause once, like a person would; when the server has ended, starts it
  /// again without fail points and drives the release to its end.
  CrashRun DriveThroughCrash(std::int64_t env_id, std::int64_t previous_release);

 private:
  std::string ConfigFile() const;
  std::unique_ptr<SlipwayProcess> Launch(const std::string& failpoints);
  /// One look at the release: promotes a manual pause not yet promoted.
  /// The release's view, or nullopt when the server did not answer.
  std::optional<Reply> Step(std::int64_t release_id);

  ReleaseRigOptions options_;
  SandboxProcess sandbox_;
  TempDir dir_;
  std::unique_ptr<TestDatabase> database_;  ///< PostgreSQL only
  std::vector<std::unique_ptr<SlipwayProcess>> servers_;
  std::size_t current_ = 0;
  std::string admin_token_;
  std::string cluster_;
};

}  // namespace slipway::testing
