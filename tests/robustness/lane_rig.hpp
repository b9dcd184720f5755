#pragma once
// A lane crash rig: every emulator a lane touches (Kubernetes, GitLab,
// Jenkins, Consul, DNS, TAPD, registry) in a `slipway sandbox` process of its
// own, and a `slipway serve` pointed at them through its configuration
// (`sandbox.enabled: false`, `connectors:`), started with fail points,
// crashing, and started again on the same SQLite database. The emulators
// outlive the server, so what a crashed run made is still there.
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/api_fixture.hpp"
#include "support/sandbox_process.hpp"
#include "support/slipway_process.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {

/// The namespace the rig's cluster maps the `test` env type (the lanes' base) to.
inline constexpr const char* kLaneRigBaseNamespace = "lane-base";

/// One application of the rig, ready to join a lane.
struct LaneRigApp {
  std::string name;
  std::string project;  ///< its GitLab project ("trade/<name>")
  std::string domain;   ///< its business domain ("" when none)
};

class LaneRig {
 public:
  LaneRig();
  ~LaneRig();
  LaneRig(const LaneRig&) = delete;
  LaneRig& operator=(const LaneRig&) = delete;

  // ---- the server ----
  /// Starts `slipway serve` on the rig's database, with SLIPWAY_FAILPOINTS
  /// set to `failpoints` unless empty.
  void StartServer(const std::string& failpoints = "");
  /// Waits for the server to end by itself (a fail point); nullopt after `timeout`.
  std::optional<ExitStatus> WaitForExit(std::chrono::milliseconds timeout);
  SlipwayProcess& server() { return *server_; }
  Api Admin() const;
  /// A request that may find the server gone (it crashed while answering): nullopt then.
  std::optional<Reply> TrySend(const std::string& method, const std::string& path,
                               const std::optional<boost::json::value>& body = std::nullopt);

  // ---- the world a lane needs ----
  /// Registers the sandbox's Kubernetes as the one cluster (kubeconfig).
  void RegisterCluster();
  /// An approved application with a port, `domain` as its business domain
  /// (none when empty), a `test` environment on the rig's cluster, and one
  /// config file in Consul for that environment.
  LaneRigApp CreateApp(const std::string& prefix, const std::string& domain = "");
  /// The body of POST /api/v1/lanes for `apps`.
  boost::json::object LaneBody(const std::string& name, const std::vector<LaneRigApp>& apps) const;
  /// GET /api/v1/lanes/{id} until `done` holds (or the timeout); the last view.
  Reply WaitForLane(std::int64_t id, const std::function<bool(const Reply&)>& done,
                    std::chrono::milliseconds timeout = std::chrono::seconds(90));

  // ---- what the emulators hold ----
  SandboxProcess& sandbox() { return sandbox_; }
  Api Emulator(const std::string& system) const;
  /// Push hooks of `project` whose URL names the lane's namespace.
  std::size_t HookCount(const std::string& project, const std::string& lane_ns);
  /// GET <job path>/api/json on Jenkins ("a/b" → /job/a/job/b).
  long JobStatus(const std::string& path);
  /// createItem calls answered 200 for `job` in `folder`, since the log began.
  int JobsCreated(const std::string& folder, const std::string& job);
  /// Hooks created (POST …/hooks answered 201) on `project`, since the log began.
  int HooksCreated(const std::string& project);
  /// A records of `host` in the sandbox zone.
  std::vector<std::string> DnsA(const std::string& host);
  /// Consul keys under `prefix` (recursive), sorted.
  std::vector<std::string> ConsulKeys(const std::string& prefix);
  std::string ConsulValue(const std::string& key);
  long KubeStatus(const std::string& path);
  /// POSTs answered 201 by the Kubernetes emulator to `collection` (a path without query).
  int KubeCreated(const std::string& collection);
  long BranchStatus(const std::string& project, const std::string& branch);

 private:
  std::string ConfigFile() const;
  boost::json::array Calls(const std::string& system);

  SandboxProcess sandbox_;
  TempDir dir_;
  std::unique_ptr<SlipwayProcess> server_;
  std::string admin_token_;
  std::string cluster_;
};

/// "Pay_Q3" → "pay-q3": a lane's namespace, as the lane names it.
std::string LaneNamespace(const std::string& lane);
/// "trade/x" → "trade%2Fx".
std::string EncodePath(const std::string& text);

}  // namespace slipway::testing
