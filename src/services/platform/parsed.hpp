#pragma once
#include "core/common/error.hpp"

namespace slipway::services {

/// A command as the HTTP edge parsed it from a request body. Services that
/// check who may act on an object (membership) take it unopened: its error
/// is the answer only for a caller who may make the request, so an outsider
/// gets 403 and learns nothing of the body's rules.
template <class Command>
using Parsed = core::Result<Command>;

}  // namespace slipway::services
