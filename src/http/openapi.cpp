#include "http/openapi.hpp"

#include <vector>

#include "embedded_file.hpp"

namespace slipway::http::openapi_files {
const std::vector<slipway::EmbeddedFile>& Files();
}

namespace slipway::http {

std::string_view OpenApiDocument() { return openapi_files::Files().front().content; }

}  // namespace slipway::http
