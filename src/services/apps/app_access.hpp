#pragma once
#include <string>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"
#include "services/platform/context.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// The application `ref` (id or name); NotFound when absent. Every signed-in
/// user may read every application (R-GW-2).
core::Result<core::App> AppForRead(store::Tx& tx, const std::string& ref);

/// The application `ref`, when the caller may change what belongs to it
/// (environments, builds, config): admins and the application's owners and
/// developers; Forbidden otherwise.
core::Result<core::App> AppForWrite(store::Tx& tx, const RequestContext& ctx,
                                    const std::string& ref);

}  // namespace slipway::services
