#pragma once
// Beginning a release inside the caller's transaction: what it releases, what
// ran before (R-REL-2), its display steps, the change moving to releasing,
// and its durable workflow — all committed together or not at all.
#include <optional>
#include <string>
#include <vector>

#include "core/changes/change.hpp"
#include "core/common/clock.hpp"
#include "core/environments/environment.hpp"
#include "core/releases/canary_plan.hpp"
#include "core/releases/release.hpp"
#include "services/platform/context.hpp"
#include "store/baseline_config_repository.hpp"
#include "store/database.hpp"

namespace slipway::engine {
class Engine;
}

namespace slipway::services {

class ChangeService;

inline constexpr const char* kReleaseWorkflow = "release";
/// The one signal name release steps wait for; the payload says why
/// ("rollout", "promote", "abort"…), the release's operation records say what.
inline constexpr const char* kReleaseEvent = "event";

/// What a release is to put in place.
struct ReleaseTarget {
  std::string kind = "release";  ///< release | rollback
  std::optional<std::int64_t> rollback_of;
  core::ReleaseStrategy strategy = core::ReleaseStrategy::kOneShot;
  std::string image;
  std::string image_digest;
  core::EnvSpec spec;
  /// all | image | config: a "config" rollback skips the deploy step.
  std::string scope = "all";
  /// The config files a rollback restores in its finish step (R-CFG-3).
  std::vector<store::RollbackConfigFile> config_restores;
};

/// The steps people see, for a one-shot or a canary release with `plan`.
std::vector<core::ReleaseStep> DisplaySteps(const ReleaseTarget& target,
                                            const std::vector<core::CanaryStep>& plan);

/// Records and starts a release of `change` on `env`. Conflict when the
/// environment has an active release (details.release_id) or the change was
/// released already. For kind "release" the change moves to releasing.
core::Result<core::Release> BeginRelease(store::Tx& tx, const core::Clock& clock,
                                         engine::Engine& engine, ChangeService& changes,
                                         const RequestContext& ctx, core::Change change,
                                         const core::Environment& env, ReleaseTarget target);

}  // namespace slipway::services
