#pragma once
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "engine/child_store.hpp"
#include "engine/registry.hpp"
#include "engine/workflow.hpp"
#include "store/database.hpp"

namespace slipway::engine {

// The workflow-level statements, each run in the caller's transaction. On
// an error result the caller must roll back.

/// Inserts a running workflow of `definition` and its first step, due `now`;
/// with `parent`, as that step's child number `child_index`. Returns the new id.
std::string InsertWorkflow(store::Tx& tx, const WorkflowDefinition& definition,
                           std::string_view subject, const boost::json::value& input,
                           core::Millis now, const std::optional<ParentLink>& parent = std::nullopt,
                           int child_index = 0);

/// The workflow with all its step rows and children, or nullopt when there
/// is no such id.
std::optional<Workflow> LoadWorkflow(store::Tx& tx, std::string_view id);

/// Marks a running workflow cancelled and every unfinished step with it;
/// a worker still running a step is then fenced out of committing. Its
/// running children are cancelled too, and if it is a child whose siblings
/// all ended, its parent's waiting step becomes due. NotFound for an unknown id, Conflict when the
/// workflow already ended.
core::Status CancelWorkflow(store::Tx& tx, std::string_view id, std::string_view reason,
                            core::Millis now);

/// Delivers signal `name` to the step waiting for it: the step becomes due
/// again and its next run sees the payload (StepContext::signal). NotFound
/// for an unknown id; Conflict, naming what the workflow waits for, when no
/// step waits for this signal.
core::Status SignalWorkflow(store::Tx& tx, std::string_view id, std::string_view name,
                            const boost::json::value& payload, core::Millis now);

/// SignalWorkflow, except that a step running now keeps the signal
/// (queued_signal) instead of refusing it: see Engine::Notify. The same
/// errors for a pending step, a wait for something else, an ended workflow.
core::Result<Notified> NotifyWorkflow(store::Tx& tx, std::string_view id, std::string_view name,
                                      const boost::json::value& payload, core::Millis now);

/// NotifyWorkflow's answer when a read is enough, without writing: the
/// refusal of an unknown or ended workflow or of a pending step (it reads
/// everything afresh when it runs), or kKept when the running step keeps
/// this very signal and payload already. nullopt when only a write can tell.
std::optional<core::Result<Notified>> NotifyFromRead(store::Tx& tx, std::string_view id,
                                                     std::string_view name,
                                                     const boost::json::value& payload);

}  // namespace slipway::engine
