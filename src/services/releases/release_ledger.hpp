#pragma once
// Recording how a release ended, shared by the release workflow and by the
// settling of releases whose workflow stopped without finishing them.
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "core/releases/release.hpp"
#include "services/platform/context.hpp"
#include "store/database.hpp"

namespace slipway::services {

class ChangeService;

/// The context releases act in: whoever started them, with a request id
/// naming the release, so the audit trail reads naturally.
RequestContext ReleaseContext(const core::Release& release);

/// Mirrors the release's end into its change: released or failed (kind
/// "release" only: a rollback leaves its change as it was).
void FinishChange(store::Tx& tx, ChangeService& changes, const core::Release& release,
                  bool succeeded);

/// Marks an active release failed with `reason`: the release, its running
/// display steps, its change, and the audit. False when it had ended already.
bool MarkReleaseFailed(store::Tx& tx, const core::Clock& clock, ChangeService& changes,
                       std::int64_t release_id, const std::string& reason);

/// Why an active release will never finish: its workflow stopped without
/// finishing it (the engine gave up after repeated failures, an admin
/// cancelled it) or it has none. nullopt while it runs, or once it ended.
std::optional<std::string> WhyStopped(store::Tx& tx, const core::Release& release);

/// The repair of such a release: marked failed with that reason (and
/// audited), so it no longer holds its environment. True when it settled one.
bool SettleIfStopped(store::Tx& tx, const core::Clock& clock, ChangeService& changes,
                     const core::Release& release);

}  // namespace slipway::services
