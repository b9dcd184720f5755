#pragma once
#include <string_view>

namespace slipway::http {

/// The OpenAPI 3 document (src/http/openapi.json, compiled in).
std::string_view OpenApiDocument();

}  // namespace slipway::http
