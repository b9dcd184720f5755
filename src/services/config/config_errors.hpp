#pragma once
// Internal to the config service: the errors it answers for backend failures.
#include "core/common/error.hpp"
#include "services/config/config_backend.hpp"
#include "store/config_repository.hpp"

namespace slipway::services {

/// An error of a backend call (list, read, write) as the caller sees it:
/// transient (503) and conflict stay; anything else means the backend refused
/// Slipway itself (a bad token, an Apollo env that does not exist…), which
/// is not the caller's 400/401/403/404: conflict with details
/// {reason: "backend_refused", backend, backend_code}.
core::Error BackendError(const ConfigFiles& files, core::Error error);

/// The live value moved on since `draft` was taken: conflict with details
/// {reason: "live_changed", base_version, live_version, base_content, live_content}.
core::Error LiveChanged(const std::string& name, const store::ConfigDraft& draft,
                        const LiveFile& live);

}  // namespace slipway::services
