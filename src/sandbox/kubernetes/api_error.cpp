#include "sandbox/kubernetes/api_error.hpp"

#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

ApiError::ApiError(int code, std::string reason, std::string message, json::object details)
    : std::runtime_error(std::move(message)),
      code_(code),
      reason_(std::move(reason)),
      details_(std::move(details)) {}

json::object ApiError::ToStatus() const {
  json::object s{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
                 {"status", "Failure"}, {"message", what()},  {"reason", reason_}};
  if (!details_.empty()) s["details"] = details_;
  s["code"] = code_;
  return s;
}

http::Response ApiError::ToResponse() const { return http::Response::Json(code_, ToStatus()); }

ApiError BadRequest(const std::string& message) { return ApiError(400, "BadRequest", message); }

ApiError MethodNotAllowed(const std::string& message) {
  return ApiError(405, "MethodNotAllowed", message);
}

ApiError NoSuchPath() {
  return ApiError(404, "NotFound", "the server could not find the requested resource",
                  json::object{});
}

ApiError Unauthorized() { return ApiError(401, "Unauthorized", "Unauthorized"); }

ApiError UnsupportedMediaType(const std::string& content_type) {
  return ApiError(415, "UnsupportedMediaType",
                  "the body of the request was in an unknown format - accepted media types "
                  "include: application/json-patch+json, application/merge-patch+json, "
                  "application/apply-patch+yaml, application/strategic-merge-patch+json (got " +
                      content_type + ")");
}

ApiError Expired(const std::string& message) { return ApiError(410, "Expired", message); }

}  // namespace slipway::sandbox::kube
