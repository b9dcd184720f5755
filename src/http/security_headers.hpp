#pragma once
// Headers that keep browsers from misusing an answer (R-SEC, issue 14): no
// content sniffing, no framing by other sites, and a Content-Security-Policy
// — the console's page may load only its own scripts, API answers nothing.
#include "http/message.hpp"

namespace slipway::http {

/// The console's page policy: own scripts and styles (Element Plus sets
/// inline styles), images also as data: URLs, API calls to its own origin.
inline constexpr const char* kConsolePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action "
    "'self'";
/// Every other answer (JSON, text, event streams) renders nothing.
inline constexpr const char* kApiPolicy = "default-src 'none'; frame-ancestors 'none'";

/// Adds the headers to `response` (those it already has are kept).
void AddSecurityHeaders(Response& response);

}  // namespace slipway::http
