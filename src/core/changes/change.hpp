#pragma once
// Changes (R-CHG-1..4): what a release executes. The state machine is data
// (ChangeLifecycle), so the API can list allowed actions from the same table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

enum class ChangeType {
  kCode,         ///< a person's: an environment plus a build (or a vendor image)
  kScale,        ///< the system's, from the instance list: a replica count
  kEnvResource,  ///< the system's, from the environment editor: new resources
};
std::string_view ChangeTypeName(ChangeType t);
std::optional<ChangeType> ParseChangeType(std::string_view s);

enum class ChangeState {
  kDeveloping,      ///< editable (the default)
  kApproving,       ///< waits for an approver of the application
  kClosed,          ///< voided by a person; kept, never released
  kPendingRelease,  ///< submitted (and approved): may be released
  kReleasing,       ///< its release runs
  kReleased,        ///< archived, immutable
  kFailed,          ///< its release failed
};
std::string_view ChangeStateName(ChangeState s);
std::optional<ChangeState> ParseChangeState(std::string_view s);

enum class ChangeEvent {
  kSubmit,    ///< developing → pending_release, or → approving when approval is needed
  kApprove,   ///< approving → pending_release
  kReject,    ///< approving → developing
  kClose,     ///< developing → closed
  kWithdraw,  ///< pending_release → developing
  kRelease,   ///< pending_release → releasing
  kSucceed,   ///< releasing → released
  kFail,      ///< releasing → failed
  /// developing, approving or pending_release → closed, by the system: the
  /// change's environment was deleted (an id is never reused, so the change
  /// could never go anywhere again).
  kEnvironmentDeleted,
};
std::string_view ChangeEventName(ChangeEvent e);
std::optional<ChangeEvent> ParseChangeEvent(std::string_view s);

struct ChangeTransition {
  ChangeState from;
  ChangeEvent event;
  ChangeState to;
};

/// The whole state machine as a table (R-CHG-3). Submit appears twice: to
/// pending_release, and to approving when the change needs approval.
const std::vector<ChangeTransition>& ChangeLifecycle();

/// The events that may be asked for from `from`, in table order, each once.
/// environment_deleted is not among them: nobody asks for it, the deletion
/// of the environment applies it.
std::vector<ChangeEvent> AllowedChangeEvents(ChangeState from);

/// The state after `event`; `needs_approval` picks submit's target. A
/// refused event is a conflict naming the state and the allowed actions.
Result<ChangeState> NextChangeState(ChangeState from, ChangeEvent event, bool needs_approval);

/// A change (R-CHG-1). Which fields matter depends on the type: code changes
/// carry an image (from a build, or a vendor image), scale changes a replica
/// count, env_resource changes the new resources (EnvSpec JSON).
struct Change {
  std::int64_t id = 0;
  std::int64_t app_id = 0;
  std::int64_t env_id = 0;
  ChangeType type = ChangeType::kCode;
  ChangeState state = ChangeState::kDeveloping;
  std::string title;
  std::string description;
  std::optional<std::int64_t> build_id;
  std::string image;
  std::string image_digest;
  std::optional<int> replicas;
  std::string spec;  ///< env_resource: EnvSpec JSON
  bool needs_approval = false;
  std::optional<std::int64_t> release_id;
  std::string close_reason;  ///< closed: the closer's comment, or what the system did
  std::string created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::int64_t version = 1;
};

/// An entry of a change's history (submit, approve with its comment, …,
/// and rollback entries written by rollbacks of its release).
struct ChangeEventRecord {
  std::int64_t id = 0;
  std::int64_t change_id = 0;
  std::string kind;
  std::string actor;
  std::string comment;
  std::string detail = "{}";
  Millis created_at = 0;
};

/// Whether a change still goes somewhere: developing, approving or pending_release.
bool ChangeOpen(ChangeState s);

/// Whether a change's fields may still be edited.
inline bool ChangeEditable(ChangeState s) { return s == ChangeState::kDeveloping; }

}  // namespace slipway::core
