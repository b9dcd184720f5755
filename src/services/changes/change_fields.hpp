#pragma once
// Resolving what a change's fields name (environment, build or image)
// against the application.
#include "core/apps/app.hpp"
#include "core/changes/change.hpp"
#include "core/common/error.hpp"
#include "services/changes/change_commands.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// Writes `fields` into `change`: the environment must be the application's;
/// self-developed applications name a succeeded build of their own (its
/// image and digest are copied), commercial ones an image or a tag of their
/// vendor image. On creation the image source is required.
core::Status ApplyChangeFields(store::Tx& tx, const core::App& app, const ChangeFields& fields,
                               bool creating, core::Change& change);

}  // namespace slipway::services
