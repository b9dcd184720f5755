#pragma once
// Notification target bodies → typed commands. Form only; errors name the
// field ("targets[1].url").
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "services/notifications/notification_commands.hpp"

namespace slipway::http {

/// Reads {"targets": [{name, type, url?, secret?, kinds?}, …]}.
core::Result<services::ReplaceTargetsCommand> ParseReplaceTargets(const boost::json::object& body);

}  // namespace slipway::http
