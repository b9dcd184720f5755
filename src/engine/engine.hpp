#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "engine/registry.hpp"
#include "engine/retry_policy.hpp"
#include "engine/step_queue.hpp"
#include "engine/workflow.hpp"
#include "store/database.hpp"

namespace slipway::engine {

class WorkerPool;

struct EngineSettings {
  /// Names this process in step leases; must differ between processes
  /// sharing a database. Empty: "host:pid:random" is made up.
  std::string owner_id;
  /// Threads running steps. A step holds its worker while its handler runs
  /// (mostly waiting on HTTP calls), so N children of a fan-out run at once
  /// only with N free workers; idle threads cost little (src/engine/README.md).
  int workers = 24;
  /// How long a claimed step stays leased without a heartbeat; a crashed
  /// worker's step is taken over after this. Running steps are renewed
  /// every lease_ms / 3.
  core::Millis lease_ms = 30'000;
  /// How often idle workers look for due steps (timers, other processes'
  /// work); work started or signalled in this process wakes them at once.
  core::Millis poll_interval_ms = 1000;
  RetryPolicy retry;
};

/// The durable workflow engine: workflows are rows, each step is claimed
/// with a lease, run outside any transaction, and its result committed
/// together with the next step in one fenced transaction. Steps run at least
/// once; a step's commit (and its callback) happens exactly once.
/// Thread-safe.
class Engine {
 public:
  Engine(store::Database& db, const core::Clock& clock, Registry registry, EngineSettings settings);
  /// Stops the workers (see Stop).
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Adds a workflow kind (Registry::Add's rules) for a collaborator made
  /// after the engine because its steps call it (releases start rollbacks).
  /// Only while the process is being wired: before Start() and before any
  /// step runs; std::logic_error after Start().
  void AddWorkflow(WorkflowDefinition definition);

  /// Creates a running workflow of `kind` inside the caller's transaction,
  /// so it exists if and only if the caller commits. Invalid for an unknown
  /// kind. Workers in this process are woken, but on PostgreSQL see the
  /// workflow only after the commit: call Wake() after committing to start
  /// it without waiting for the next poll.
  core::Result<std::string> StartWorkflow(store::Tx& tx, std::string_view kind,
                                          std::string_view subject,
                                          const boost::json::value& input);
  /// The same in a transaction of its own, committed before workers are woken.
  core::Result<std::string> StartWorkflow(std::string_view kind, std::string_view subject,
                                          const boost::json::value& input);

  /// The workflow with its steps, parent and children; NotFound for an unknown id.
  core::Result<Workflow> Get(std::string_view id);

  /// Resumes the step that waits for signal `name`: it runs again and sees
  /// `payload` in StepContext::signal. Conflict when no step waits for
  /// `name`: details name what the workflow waits for ("waiting_for"), its
  /// current step and that step's state ("step", "step_state": pending,
  /// running, waiting), or, once it ended, the workflow's "state"; NotFound.
  core::Status Signal(std::string_view id, std::string_view name,
                      const boost::json::value& payload);
  /// The same inside the caller's transaction, so the signal is delivered
  /// if and only if the caller commits (with its audit record); call
  /// Wake() after committing.
  core::Status Signal(store::Tx& tx, std::string_view id, std::string_view name,
                      const boost::json::value& payload);

  /// Ends a running workflow as cancelled with `reason`; its unfinished steps
  /// are cancelled and a step still running cannot commit any more. Its
  /// running children (StartChildren) are cancelled with it; a cancelled
  /// child counts as ended for its parent. Conflict
  /// when the workflow already ended; NotFound.
  core::Status Cancel(std::string_view id, std::string_view reason);
  /// The same inside the caller's transaction; call Wake() after committing.
  core::Status Cancel(store::Tx& tx, std::string_view id, std::string_view reason);

  /// Claims one due step, runs it and records its outcome, on the calling
  /// thread. Returns false when no step was due. DbError passes through (the
  /// step then stays leased and is retried after the lease expires).
  bool RunOnce() {
    return RunOnce([] {});
  }
  /// The same, calling `claimed` as soon as a step is claimed (the worker
  /// pool rouses the next idle worker then).
  bool RunOnce(const std::function<void()>& claimed);

  /// Number of steps due now (pending and due, or with an expired lease).
  std::int64_t QueueDepth();

  /// Milliseconds until the earliest pending or waiting step is due (0: one
  /// is due now); nullopt when none is. Idle workers sleep until then (or
  /// the poll interval, whichever comes first).
  std::optional<core::Millis> MillisUntilNextDue();

  /// Extends the leases of the steps this engine is running now; the
  /// heartbeat thread calls it every lease_ms / 3.
  void RenewLeases();

  /// Starts `workers` threads calling RunOnce and a heartbeat thread. Once.
  void Start();
  /// Lets running steps finish and record their outcome, then joins the
  /// threads. Idempotent.
  void Stop();
  /// Makes idle workers look for due steps now.
  void Wake();

  const std::string& owner_id() const { return settings_.owner_id; }

 private:
  StepOutcome RunHandler(const Claim& claim, const Workflow& workflow,
                         const WorkflowDefinition* definition);
  void Commit(const Claim& claim, const WorkflowDefinition* definition, const StepOutcome& outcome);

  store::Database& db_;
  const core::Clock& clock_;
  Registry registry_;  ///< complete before Start(): read without a lock
  EngineSettings settings_;
  std::mutex in_flight_mutex_;
  std::map<std::int64_t, Claim> in_flight_;  // by step id, for RenewLeases
  std::mutex pool_mutex_;
  std::unique_ptr<WorkerPool> pool_;
};

}  // namespace slipway::engine
