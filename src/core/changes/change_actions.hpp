#pragma once
// What a caller may do with a change now: the lifecycle table's events
// filtered by the caller's rights on the application, so the API's
// `actions` come from the same facts that refuse a request.
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/changes/change.hpp"
#include "core/identity/roles.hpp"

namespace slipway::core {

/// A caller's rights on one application's changes.
struct ChangeRights {
  bool write = false;    ///< create, edit, submit, close, withdraw, release
  bool approve = false;  ///< approve, reject
};

ChangeRights ChangeRightsOf(const Caller& caller, std::optional<MemberRole> member);

/// The actions for `rights` in `state`, in table order: "edit" while the
/// change is developing, then the table's events. The release work's own
/// events (succeed, fail) are never offered to people.
std::vector<std::string> ChangeActionsFor(ChangeState state, ChangeRights rights);

/// True when `event` is one a person asks for over the API (submit, approve,
/// reject, close, withdraw); release, succeed and fail belong to releases,
/// environment_deleted to the deletion of the change's environment.
bool IsPersonalChangeEvent(ChangeEvent event);

/// True while the application's changes may go forward (submit, approve,
/// release): pending_online or online. Closing and withdrawing stay possible.
bool AcceptsReleases(const App& app);

}  // namespace slipway::core
