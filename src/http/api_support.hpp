#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace slipway::http {

/// The one place where error codes become HTTP statuses.
int StatusFor(core::Code code);
Response ErrorResponse(const core::Error& error);

/// The request body as a JSON object, parsed strictly (core::ParseStrictJson:
/// no repeated keys, no NUL); an empty body is an empty object.
core::Result<boost::json::object> ParseBody(const Request& request);

/// Refuses query and path parameters holding control characters ("q=%00",
/// "%0d%0a"): none has a use for them, and they would reach SQL, logs and
/// other systems' URLs. The error names the parameter.
std::optional<core::Error> CheckParameters(const Request& request,
                                           const std::map<std::string, std::string>& path_params);

/// RFC 3339 UTC time ("2026-11-27T02:16:00.123Z"), or null for 0.
boost::json::value TimeJson(core::Millis millis);

/// Maps a service result to a response: `ok_status` with `to_json(value)`, or the error.
template <class T, class ToJson>
Response Reply(const core::Result<T>& result, int ok_status, ToJson&& to_json) {
  if (!result.ok()) return ErrorResponse(result.error());
  return Response::Json(ok_status, to_json(result.value()));
}

inline Response Reply(const core::Status& status) {
  if (!status.ok()) return ErrorResponse(status.error());
  return Response::NoContent();
}

/// `limit` query parameter: 1..500, default 50.
core::Result<int> LimitParam(const Request& request);

}  // namespace slipway::http
