#include "services/platform/connections.hpp"

namespace slipway::services {

core::Error NotConfigured(const std::string& system) {
  return core::Conflict(system + " is not configured: set connectors." + system +
                            " in the configuration file, or PUT /api/v1/connectors/" + system,
                        {{"setting", "connectors." + system}});
}

}  // namespace slipway::services
