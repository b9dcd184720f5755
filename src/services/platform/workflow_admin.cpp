#include "services/platform/workflow_admin.hpp"

#include "engine/fail_point.hpp"
#include "services/platform/audit_log.hpp"

namespace slipway::services {

core::Result<engine::Workflow> WorkflowAdmin::Get(const std::string& id) { return engine_.Get(id); }

core::Result<engine::Workflow> WorkflowAdmin::Signal(const RequestContext& ctx,
                                                     const SignalWorkflowCommand& command) {
  auto status = store::InTx(db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto signalled = engine_.Signal(tx, command.id, command.name, command.payload);
    if (signalled.ok()) {
      RecordAudit(tx, clock_, ctx, "workflow.signal", "workflow", command.id,
                  "signal " + command.name);
      // The engine's own fail point: the crash tests signal through here.
      engine::FailPoint("engine.before_signal_commit", command.name);
    }
    return signalled;
  });
  if (!status.ok()) return status.error();
  engine_.Wake();
  return engine_.Get(command.id);
}

core::Result<engine::Workflow> WorkflowAdmin::Cancel(const RequestContext& ctx,
                                                     const CancelWorkflowCommand& command) {
  const std::string why = command.reason.value_or("cancelled by " + ctx.caller.username);
  auto status = store::InTx(db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto cancelled = engine_.Cancel(tx, command.id, why);
    if (cancelled.ok())
      RecordAudit(tx, clock_, ctx, "workflow.cancel", "workflow", command.id, why);
    return cancelled;
  });
  if (!status.ok()) return status.error();
  engine_.Wake();  // a cancelled child may have been its parent's last one
  return engine_.Get(command.id);
}

}  // namespace slipway::services
