#pragma once
// Connector request bodies → typed commands: the system's fields only, each
// in its form (core/connectors/connector_settings); the service merges the
// secrets the request did not give and checks what is required.
#include <boost/json/object.hpp>
#include <string>

#include "core/common/error.hpp"
#include "services/connectors/connector_commands.hpp"

namespace slipway::http {

/// NotFound for a system that does not exist.
core::Result<core::ConnectorSystem> ParseConnectorSystemParam(const std::string& system);
core::Result<services::SetConnectorCommand> ParseSetConnector(const std::string& system,
                                                              const boost::json::object& body);
/// An empty body tests the settings in effect; a body is read as for a PUT.
core::Result<services::TestConnectorCommand> ParseTestConnector(const std::string& system,
                                                                const boost::json::object& body);

}  // namespace slipway::http
