#pragma once
#include <map>
#include <string>

#include "http/message.hpp"

namespace slipway::sandbox::gitlab {

/// Parameters as Grape reads them: the query string, then a JSON or form
/// body (body values win). JSON non-strings come as their JSON text
/// (true → "true").
std::map<std::string, std::string> Params(const http::Request& request);

}  // namespace slipway::sandbox::gitlab
