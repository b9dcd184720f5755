#pragma once
#include <string>

#include "core/identity/roles.hpp"

namespace slipway::services {

/// Who asks, from where, and the request id that ties audit records to the access log.
struct RequestContext {
  core::Caller caller;
  std::string request_id;
  std::string client_address = "";  ///< the peer's IP address (login backoff)
};

}  // namespace slipway::services
