#pragma once
// What releases and changes have to say when an environment is deleted:
// refused while a release of it runs, and its open changes closed. They live
// above the environment service, so the composition root installs these.
#include "core/common/clock.hpp"
#include "services/environments/environment_service.hpp"

namespace slipway::services {

class ChangeService;

/// refusal: the environment's active release, unless it is settled first
/// because its workflow is gone; detach: ChangeService::CloseForDeletedEnvironment.
EnvironmentService::DeleteHooks EnvironmentDeleteHooks(const core::Clock& clock,
                                                       ChangeService& changes);

}  // namespace slipway::services
