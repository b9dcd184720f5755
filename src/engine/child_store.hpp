#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "engine/workflow.hpp"
#include "store/database.hpp"

namespace slipway::engine {

// The statements behind child workflows, each in the caller's transaction.
//
// Locking order: a transaction that touches a parent and its child locks the
// parent's workflow row first (then the child's, then step rows), so a
// child's end, a parent's cancel and a parent's own commits never wait on
// each other in opposite order.

/// Where a child hangs: its parent workflow and the step that started it.
struct ParentLink {
  std::string workflow_id;
  int step = 0;
};

/// How long a step waiting for children sleeps before it looks for itself
/// whether they all ended. Children wake it when they end; this is only a
/// safety net, and correctness does not depend on it.
inline constexpr core::Millis kChildrenRecheckMs = core::Millis{15} * 60 * 1000;

/// The parent of workflow `id`, if it is a child. Reads without locking:
/// the link never changes.
std::optional<ParentLink> FindParent(store::Tx& tx, std::string_view id);

/// Locks workflow `id`'s row until the transaction ends. On PostgreSQL a
/// SELECT … FOR UPDATE: under READ COMMITTED two children ending at once
/// could otherwise each still see the other running and neither wake the
/// parent. SQLite's write transactions are serialized already.
void LockWorkflowRow(store::Tx& tx, std::string_view id);

/// Children of `parent_id`'s step `step` that are still running.
std::int64_t CountRunningChildren(store::Tx& tx, std::string_view parent_id, int step);

/// The next child_index for children of the step (children of several
/// StartChildren calls of one step keep their order).
int NextChildIndex(store::Tx& tx, std::string_view parent_id, int step);

/// Called in the transaction that ends a child, after its row changed and
/// with `parent`'s row locked: when no sibling of the same step still runs,
/// makes the parent's waiting step due now. True when it did.
bool WakeParentIfLastChild(store::Tx& tx, const ParentLink& parent, core::Millis now);

/// Marks workflow `id` cancelled with `reason` if it is running, and its
/// unfinished steps with it (a worker still running one is then fenced out of
/// committing). False when it was not running. Children are not touched.
bool MarkCancelled(store::Tx& tx, std::string_view id, std::string_view reason, core::Millis now);

/// Cancels the running children of `id` with `reason`, their unfinished
/// steps and, in turn, their own children. Returns how many were cancelled.
int CancelRunningChildren(store::Tx& tx, std::string_view id, std::string_view reason,
                          core::Millis now);

/// The children of `parent_id`, with the output of each one's last succeeded
/// step, by (step, child_index).
std::vector<ChildResult> LoadChildren(store::Tx& tx, std::string_view parent_id);

}  // namespace slipway::engine
