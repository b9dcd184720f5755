#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace slipway::cli {

// The short command-line notation for an application's ports and health
// check, and back. Parsers throw Failure (usage) naming the expected form.

/// `name:port[/protocol]`, e.g. `http:8080/TCP` →
/// {"name":"http","port":8080,"protocol":"TCP"}. Protocol defaults to TCP and
/// is one of TCP, UDP, SCTP (any case); port is 1..65535.
boost::json::object ParsePort(std::string_view spec);

/// `http:/path:port` → {"type":"http","path":"/path","port":N};
/// `tcp:port` → {"type":"tcp","port":N}; `exec:command` →
/// {"type":"exec","command":"command"}.
boost::json::object ParseHealthCheck(std::string_view spec);

/// The notation of a port object; compact JSON when it has an unknown shape.
std::string FormatPort(const boost::json::value& port);

/// The notation of a health-check object; "-" for null.
std::string FormatHealthCheck(const boost::json::value& check);

}  // namespace slipway::cli
