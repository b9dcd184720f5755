#include "core/common/error.hpp"

namespace slipway::core {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kInvalid:
      return "invalid";
    case Code::kUnauthenticated:
      return "unauthenticated";
    case Code::kForbidden:
      return "forbidden";
    case Code::kNotFound:
      return "not_found";
    case Code::kMethodNotAllowed:
      return "method_not_allowed";
    case Code::kConflict:
      return "conflict";
    case Code::kPayloadTooLarge:
      return "payload_too_large";
    case Code::kUnsupportedMedia:
      return "unsupported_media_type";
    case Code::kTooManyRequests:
      return "too_many_requests";
    case Code::kTransient:
      return "unavailable";
    case Code::kInternal:
      return "internal";
  }
  return "internal";
}

Error Invalid(std::string message, boost::json::object details) {
  return {Code::kInvalid, std::move(message), std::move(details)};
}
Error NotFound(std::string message) { return {Code::kNotFound, std::move(message), {}}; }
Error Conflict(std::string message, boost::json::object details) {
  return {Code::kConflict, std::move(message), std::move(details)};
}
Error Forbidden(std::string message) { return {Code::kForbidden, std::move(message), {}}; }
Error Unauthenticated(std::string message) {
  return {Code::kUnauthenticated, std::move(message), {}};
}

}  // namespace slipway::core
