#pragma once
// Change request bodies → typed commands. Form only (types, lengths, known
// fields, contradictions); errors name the field.
#include <boost/json/object.hpp>

#include "core/changes/change.hpp"
#include "core/common/error.hpp"
#include "services/changes/change_commands.hpp"

namespace slipway::http {

/// env_id and title are required.
core::Result<services::CreateChangeCommand> ParseCreateChange(const boost::json::object& body);
/// version is required.
core::Result<services::EditChangeCommand> ParseEditChange(const boost::json::object& body);
/// A comment (required to reject) and the version, both optional otherwise.
core::Result<services::ChangeTransitionCommand> ParseChangeTransition(
    core::ChangeEvent event, const boost::json::object& body);

}  // namespace slipway::http
