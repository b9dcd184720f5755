#include "connectors/kubernetes/errors.hpp"

#include <boost/json/parse.hpp>

#include "core/common/json_path.hpp"

namespace slipway::connectors::kube {

namespace {

constexpr std::string_view kMessagePrefix = "kubernetes: ";

core::Code CodeFor(long http_status, std::string_view reason) {
  // Throttling and server trouble are worth retrying whatever the reason says.
  if (http_status == 429 || http_status >= 500) return core::Code::kTransient;
  if (reason == "NotFound") return core::Code::kNotFound;
  if (reason == "AlreadyExists" || reason == "Conflict") return core::Code::kConflict;
  if (reason == "Invalid" || reason == "BadRequest") return core::Code::kInvalid;
  if (reason == "Unauthorized") return core::Code::kUnauthenticated;
  if (reason == "Forbidden") return core::Code::kForbidden;
  if (reason == "TooManyRequests" || reason == "ServiceUnavailable" || reason == "Timeout" ||
      reason == "ServerTimeout" || reason == "InternalError") {
    return core::Code::kTransient;
  }
  return CodeForStatus(http_status);
}

}  // namespace

core::Error ErrorFromStatusObject(const boost::json::object& status) {
  const long code = static_cast<long>(core::IntAt(status, {"code"}));
  const std::string reason = core::StringAt(status, {"reason"});
  std::string message = core::StringAt(status, {"message"});
  if (message.empty()) message = reason.empty() ? "HTTP " + std::to_string(code) : reason;
  boost::json::object details{{"system", "kubernetes"}, {"status", code}, {"reason", reason}};
  if (const auto* d = status.if_contains("details"); d && d->is_object()) details["details"] = *d;
  return core::Error{CodeFor(code, reason), std::string(kMessagePrefix) + message,
                     std::move(details)};
}

boost::json::object StatusObjectFromError(const core::Error& error) {
  std::string_view message = error.message;
  if (message.starts_with(kMessagePrefix)) message.remove_prefix(kMessagePrefix.size());
  boost::json::object status{{"kind", "Status"},
                             {"apiVersion", "v1"},
                             {"metadata", boost::json::object()},
                             {"status", "Failure"},
                             {"message", message},
                             {"reason", core::StringAt(error.details, {"reason"})}};
  if (const auto* d = error.details.if_contains("details")) status["details"] = *d;
  status["code"] = core::IntAt(error.details, {"status"});
  return status;
}

core::Error ErrorFromStatus(long http_status, std::string_view body) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (!ec && parsed.is_object() && core::StringAt(parsed.as_object(), {"kind"}) == "Status") {
    auto& status = parsed.as_object();
    status["code"] = http_status;  // the HTTP status is authoritative (proxies rewrite bodies)
    return ErrorFromStatusObject(status);
  }
  // Not a Status (a proxy's page, an empty body): keep a bounded excerpt.
  std::string excerpt(body.substr(0, 300));
  TransportResponse response;
  response.status = http_status;
  auto error = ErrorFromResponse(
      "kubernetes", response,
      "HTTP " + std::to_string(http_status) + (excerpt.empty() ? "" : ": " + excerpt));
  error.details["reason"] = "";
  return error;
}

std::string_view Reason(const core::Error& error) {
  const auto* r = error.details.if_contains("reason");
  return r && r->is_string() ? std::string_view(r->as_string()) : std::string_view();
}

bool IsExpired(const core::Error& error) {
  const auto* s = error.details.if_contains("status");
  const bool gone = s && s->is_int64() && s->as_int64() == 410;
  return gone || Reason(error) == "Expired" || Reason(error) == "Gone";
}

}  // namespace slipway::connectors::kube
