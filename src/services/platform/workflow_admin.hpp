#pragma once
// An admin's repair tools for workflows: look, signal, cancel. Each change
// is audited in the transaction that makes it.
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "engine/engine.hpp"
#include "services/platform/context.hpp"
#include "store/database.hpp"

namespace slipway::services {

struct SignalWorkflowCommand {
  std::string id;
  std::string name;
  boost::json::value payload;  ///< handed to the waiting step as it is
};

struct CancelWorkflowCommand {
  std::string id;
  std::optional<std::string> reason;  ///< default: "cancelled by <caller>"
};

class WorkflowAdmin {
 public:
  WorkflowAdmin(store::Database& db, const core::Clock& clock, engine::Engine& engine)
      : db_(db), clock_(clock), engine_(engine) {}

  core::Result<engine::Workflow> Get(const std::string& id);
  /// The workflow after the signal; the engine's Conflict/NotFound otherwise.
  core::Result<engine::Workflow> Signal(const RequestContext& ctx,
                                        const SignalWorkflowCommand& command);
  core::Result<engine::Workflow> Cancel(const RequestContext& ctx,
                                        const CancelWorkflowCommand& command);

 private:
  store::Database& db_;
  const core::Clock& clock_;
  engine::Engine& engine_;
};

}  // namespace slipway::services
