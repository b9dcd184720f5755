#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace slipway::sandbox::jenkins {

/// Jenkins' HTML error page; with `x_error` the message also goes into the
/// X-Error header, as createItem does.
http::Response HtmlError(int status, std::string_view message, bool x_error = false);
/// A redirect (302 or 303) to an absolute URL.
http::Response Redirect(int status, const std::string& location);
/// "http://<Host header>" — Stapler makes every Location absolute with it.
std::string Origin(const http::Request& request);
std::int64_t NowMs();
/// The form body (application/x-www-form-urlencoded) and query, decoded.
std::vector<std::pair<std::string, std::string>> FormParameters(const http::Request& request);

}  // namespace slipway::sandbox::jenkins
