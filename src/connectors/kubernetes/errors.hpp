#pragma once
#include <boost/json/object.hpp>
#include <string_view>

#include "connectors/http_transport.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors::kube {

/// The error for a failed API call. The body is usually a `Status`
/// ({"kind":"Status","reason":"NotFound","message":…,"code":404}); its reason
/// decides the code (NotFound → not_found, AlreadyExists/Conflict → conflict,
/// Invalid/BadRequest → invalid, Unauthorized → unauthenticated, Forbidden →
/// forbidden; 5xx and 429 → transient whatever the reason), falling back to
/// the HTTP status. The Status message is kept; details carry "reason",
/// "status" (HTTP) and the Status' own "details" when present.
core::Error ErrorFromStatus(long http_status, std::string_view body);

/// The same for a `Status` object met inside a watch stream (an ERROR event).
core::Error ErrorFromStatusObject(const boost::json::object& status);

/// The inverse of ErrorFromStatusObject: the Status an error made by it came
/// from (the emulator answers with the model's admission errors this way).
boost::json::object StatusObjectFromError(const core::Error& error);

/// The Status reason an error carries ("" if none).
std::string_view Reason(const core::Error& error);

/// True for "resourceVersion too old" (HTTP 410 or reason Expired/Gone): the
/// caller must re-list.
bool IsExpired(const core::Error& error);

}  // namespace slipway::connectors::kube
