#pragma once
// What admins ask of connectors, checked for form at the HTTP edge
// (http/handlers/connector_input.cpp): every value has its field's form.
#include <optional>
#include <set>
#include <string>

#include "core/connectors/connector_settings.hpp"

namespace slipway::services {

/// PUT /api/v1/connectors/{system}: the settings that are not secret are
/// replaced as a whole (an absent one is empty); a secret field keeps the
/// secret in effect unless the request gives it ("" removes it).
struct SetConnectorCommand {
  core::ConnectorSystem system = core::ConnectorSystem::kJenkins;
  core::ConnectorSettings settings;     ///< the non-secret fields, and the secrets given
  std::set<std::string> secrets_given;  ///< names of the secret fields the request set
};

/// POST /api/v1/connectors/{system}/test: the settings in effect, or (with a
/// body) those a SetConnectorCommand would save, checked without saving.
struct TestConnectorCommand {
  core::ConnectorSystem system = core::ConnectorSystem::kJenkins;
  std::optional<SetConnectorCommand> candidate;
};

}  // namespace slipway::services
