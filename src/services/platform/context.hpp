#pragma once
#include <string>

#include "core/identity/roles.hpp"

namespace slipway::services {

/// Who asks, and the request id that ties audit records to the access log.
struct RequestContext {
  core::Caller caller;
  std::string request_id;
};

}  // namespace slipway::services
