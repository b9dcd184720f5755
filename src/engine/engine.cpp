#include "engine/engine.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <random>
#include <stdexcept>
#include <utility>

#include "core/common/call_tag.hpp"
#include "engine/fail_point.hpp"
#include "engine/step_commit.hpp"
#include "engine/worker_pool.hpp"
#include "engine/workflow_store.hpp"

namespace slipway::engine {
namespace {

// host:pid tells an operator whose lease a step is under; the random part
// keeps it unique when a restarted process reuses a pid.
std::string MakeOwnerId() {
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  std::random_device random;
  return std::string(host) + ":" + std::to_string(getpid()) + ":" +
         std::to_string(random() % 100000);
}

// Registers a claim for heartbeats while its handler runs.
class InFlight {
 public:
  InFlight(std::mutex& mutex, std::map<std::int64_t, Claim>& claims, const Claim& claim)
      : mutex_(mutex), claims_(claims), step_id_(claim.step_id) {
    std::lock_guard lock(mutex_);
    claims_[step_id_] = claim;
  }
  ~InFlight() {
    std::lock_guard lock(mutex_);
    claims_.erase(step_id_);
  }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  std::mutex& mutex_;
  std::map<std::int64_t, Claim>& claims_;
  std::int64_t step_id_;
};

// A step that started children runs again only once they all ended.
bool ChildStillRunning(const Workflow& workflow, int step) {
  return std::any_of(workflow.children.begin(), workflow.children.end(),
                     [step](const ChildResult& child) {
                       return child.step == step && child.state == WorkflowState::kRunning;
                     });
}

}  // namespace

Engine::Engine(store::Database& db, const core::Clock& clock, Registry registry,
               EngineSettings settings)
    : db_(db), clock_(clock), registry_(std::move(registry)), settings_(std::move(settings)) {
  if (settings_.owner_id.empty()) settings_.owner_id = MakeOwnerId();
}

Engine::~Engine() { Stop(); }

core::Result<std::string> Engine::StartWorkflow(store::Tx& tx, std::string_view kind,
                                                std::string_view subject,
                                                const boost::json::value& input) {
  const WorkflowDefinition* definition = registry_.Find(kind);
  if (definition == nullptr) {
    return core::Invalid("unknown workflow kind " + std::string(kind),
                         {{"kind", std::string(kind)}});
  }
  std::string id = InsertWorkflow(tx, *definition, subject, input, clock_.Now());
  // SQLite workers block on the caller's write lock and see the row right
  // after its commit; elsewhere this only shortens the wait.
  Wake();
  return id;
}

core::Result<std::string> Engine::StartWorkflow(std::string_view kind, std::string_view subject,
                                                const boost::json::value& input) {
  auto id = store::InTx(db_, store::TxMode::kWrite,
                        [&](store::Tx& tx) { return StartWorkflow(tx, kind, subject, input); });
  Wake();
  return id;
}

core::Result<Workflow> Engine::Get(std::string_view id) {
  auto tx = db_.Begin(store::TxMode::kRead);
  auto workflow = LoadWorkflow(*tx, id);
  if (!workflow) return core::NotFound("no workflow " + std::string(id));
  return std::move(*workflow);
}

core::Status Engine::Signal(std::string_view id, std::string_view name,
                            const boost::json::value& payload) {
  auto tx = db_.Begin(store::TxMode::kWrite);
  core::Status status = Signal(*tx, id, name, payload);
  if (!status.ok()) return status;
  FailPoint("engine.before_signal_commit", name);
  tx->Commit();
  Wake();
  return status;
}

core::Status Engine::Cancel(std::string_view id, std::string_view reason) {
  auto tx = db_.Begin(store::TxMode::kWrite);
  core::Status status = Cancel(*tx, id, reason);
  if (!status.ok()) return status;
  tx->Commit();
  Wake();  // a cancelled child may have been its parent's last one
  return status;
}

core::Status Engine::Signal(store::Tx& tx, std::string_view id, std::string_view name,
                            const boost::json::value& payload) {
  return SignalWorkflow(tx, id, name, payload, clock_.Now());
}

core::Status Engine::Cancel(store::Tx& tx, std::string_view id, std::string_view reason) {
  return CancelWorkflow(tx, id, reason, clock_.Now());
}

bool Engine::RunOnce(const std::function<void()>& claimed) {
  std::optional<Claim> claim =
      ClaimDueStep(db_, settings_.owner_id, clock_.Now(), settings_.lease_ms);
  if (!claim) return false;
  claimed();
  InFlight in_flight(in_flight_mutex_, in_flight_, *claim);
  std::optional<Workflow> workflow;
  {
    auto tx = db_.Begin(store::TxMode::kRead);
    workflow = LoadWorkflow(*tx, claim->workflow_id);
  }
  // Fail points name the step too ("engine.after_claim:release.finish").
  const std::string where = (workflow ? workflow->kind : std::string("?")) + "." + claim->name;
  FailPoint("engine.after_claim", where);
  // Cancelled since the claim: do not act on the world any more.
  if (!workflow || workflow->state != WorkflowState::kRunning) return true;
  const WorkflowDefinition* definition = registry_.Find(workflow->kind);
  if (ChildStillRunning(*workflow, claim->index)) {
    // Woken by the safety deadline of a wait for children: wait on.
    Commit(*claim, definition, StartChildren({}, claim->scratch));
    return true;
  }
  const StepOutcome outcome = RunHandler(*claim, *workflow, definition);
  FailPoint("engine.after_step_run", where);
  Commit(*claim, definition, outcome);
  FailPoint("engine.after_step_commit", where);
  return true;
}

StepOutcome Engine::RunHandler(const Claim& claim, const Workflow& workflow,
                               const WorkflowDefinition* definition) {
  if (definition == nullptr || claim.index >= static_cast<int>(definition->steps.size()) ||
      definition->steps[claim.index].name != claim.name) {
    // Another version of Slipway may know this step (a rolling upgrade):
    // retry with backoff rather than fail the workflow at once.
    return Transient("this process does not know step " + claim.name + " of workflow kind " +
                     workflow.kind);
  }
  if (settings_.retry.Exhausted(claim.failures)) {
    // The step's previous workers died while running it: probably the step
    // itself kills them, so stop trying.
    return Terminal("step " + claim.name + " was abandoned by " + std::to_string(claim.failures) +
                    " workers");
  }
  StepContext context;
  context.workflow_id = workflow.id;
  context.kind = workflow.kind;
  context.subject = workflow.subject;
  context.input = workflow.input;
  context.step = claim.name;
  context.attempt = claim.attempt;
  context.scratch = claim.scratch;
  if (claim.signal_name) context.signal = ReceivedSignal{*claim.signal_name, claim.signal_payload};
  for (const Step& step : workflow.steps) {
    if (step.state == StepState::kSucceeded) context.outputs.emplace(step.name, step.output);
  }
  for (const ChildResult& child : workflow.children) {
    if (child.step == claim.index) context.children.push_back(child);
  }
  context.clock = &clock_;
  context.db = &db_;
  StepOutcome outcome;
  // Calls the handler makes name the step (X-Slipway-Step; core/common/call_tag.hpp).
  core::ScopedCallTag tag(workflow.id + "/" + claim.name);
  try {
    outcome = definition->steps[claim.index].handler(context);
  } catch (const std::exception& e) {
    return Transient(e.what());
  }
  for (const ChildSpec& child : outcome.children) {
    // A bug in the handler, not a passing trouble.
    if (registry_.Find(child.kind) == nullptr) {
      return Terminal("step " + claim.name + " started a child of unknown workflow kind " +
                      child.kind);
    }
  }
  return outcome;
}

void Engine::Commit(const Claim& claim, const WorkflowDefinition* definition,
                    const StepOutcome& outcome) {
  CommitScope scope{&claim,     &settings_.owner_id, definition,
                    &registry_, &settings_.retry,    clock_.Now()};
  bool wake = false;
  try {
    try {
      wake = store::InTx(db_, store::TxMode::kWrite,
                         [&](store::Tx& tx) { return RecordOutcome(tx, scope, outcome); });
    } catch (const CommitCallbackFailed& e) {
      spdlog::warn("engine: commit of step {} of {} failed, will retry: {}", claim.name,
                   claim.workflow_id, e.what());
      const StepOutcome retry = Transient(std::string("commit failed: ") + e.what());
      store::InTx(db_, store::TxMode::kWrite,
                  [&](store::Tx& tx) { RecordOutcome(tx, scope, retry); });
    }
  } catch (const Fenced& e) {
    spdlog::warn("engine: result of step {} of {} discarded: {}", claim.name, claim.workflow_id,
                 e.what());
  }
  // Started children, or a woken parent, are work for the idle workers too.
  if (wake) Wake();
}

std::int64_t Engine::QueueDepth() {
  auto tx = db_.Begin(store::TxMode::kRead);
  return CountDueSteps(*tx, clock_.Now());
}

std::optional<core::Millis> Engine::MillisUntilNextDue() {
  auto tx = db_.Begin(store::TxMode::kRead);
  auto due = NextDueTime(*tx);
  if (!due) return std::nullopt;
  return std::max<core::Millis>(0, *due - clock_.Now());
}

void Engine::RenewLeases() {
  std::map<std::int64_t, Claim> claims;
  {
    std::lock_guard lock(in_flight_mutex_);
    claims = in_flight_;
  }
  if (claims.empty()) return;
  const core::Millis until = clock_.Now() + settings_.lease_ms;
  store::InTx(db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    for (const auto& [step_id, claim] : claims) {
      if (!RenewLease(tx, claim, settings_.owner_id, until)) {
        spdlog::warn("engine: lost the lease on step {} of {}", claim.name, claim.workflow_id);
      }
    }
  });
}

void Engine::AddWorkflow(WorkflowDefinition definition) {
  std::lock_guard lock(pool_mutex_);
  if (pool_) throw std::logic_error("workflow kinds are added before the engine starts");
  registry_.Add(std::move(definition));
}

void Engine::Start() {
  std::lock_guard lock(pool_mutex_);
  if (pool_) return;
  WorkerPool::Settings pool;
  pool.workers = settings_.workers;
  pool.poll_interval = std::chrono::milliseconds(settings_.poll_interval_ms);
  pool.heartbeat_interval =
      std::chrono::milliseconds(std::max<core::Millis>(settings_.lease_ms / 3, 1));
  pool_ = std::make_unique<WorkerPool>(
      pool, [this](const std::function<void()>& claimed) { return RunOnce(claimed); },
      [this] { RenewLeases(); },
      [this]() -> std::optional<std::chrono::milliseconds> {
        auto due = MillisUntilNextDue();
        if (!due) return std::nullopt;
        return std::chrono::milliseconds(*due);
      });
}

void Engine::Stop() {
  std::unique_ptr<WorkerPool> pool;
  {
    std::lock_guard lock(pool_mutex_);
    pool = std::move(pool_);
  }
  // Joined outside the lock: a step being finished may call Wake().
  if (pool) pool->Stop();
}

void Engine::Wake() {
  std::lock_guard lock(pool_mutex_);
  if (pool_) pool_->Wake();
}

}  // namespace slipway::engine
