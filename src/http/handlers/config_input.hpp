#pragma once
// Configuration request bodies → typed commands. Form only; errors name the field.
#include <boost/json/object.hpp>

#include "core/common/error.hpp"
#include "http/message.hpp"
#include "services/config/config_commands.hpp"

namespace slipway::http {

/// {content, version?, rebase?}
core::Result<services::SaveDraftCommand> ParseSaveDraft(const boost::json::object& body);
/// {comment?}
core::Result<services::PublishCommand> ParsePublish(const boost::json::object& body);
/// `?version=` and/or the body {version?, comment?}; when both name a version they must agree.
core::Result<services::DeleteFileCommand> ParseDeleteFile(const Request& request,
                                                          const boost::json::object& body);

}  // namespace slipway::http
