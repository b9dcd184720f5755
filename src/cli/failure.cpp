#include "cli/failure.hpp"

#include <boost/json/serialize.hpp>

namespace slipway::cli {
namespace {

std::string CodeForStatus(long status) {
  switch (status) {
    case 400:
      return "invalid";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "too_many_requests";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "http_" + std::to_string(status);
  }
}

}  // namespace

Failure UsageFailure(std::string message) {
  return Failure(ExitCode::kUsage, "usage", std::move(message));
}

ExitCode ExitCodeFor(std::string_view error_code, long status) {
  if (error_code == "unauthenticated" || (error_code.empty() && status == 401)) {
    return ExitCode::kUnauthenticated;
  }
  if (error_code == "not_found" || (error_code.empty() && status == 404)) {
    return ExitCode::kNotFound;
  }
  if (error_code == "conflict" || (error_code.empty() && status == 409)) {
    return ExitCode::kConflict;
  }
  return ExitCode::kServerError;
}

Failure FailureFromResponse(const HttpResponse& response) {
  std::string code;
  std::string message;
  boost::json::object details;
  auto json = response.Json();
  if (json.ok() && json->is_object()) {
    if (const auto* error = json->as_object().if_contains("error"); error && error->is_object()) {
      const auto& e = error->as_object();
      if (const auto* c = e.if_contains("code"); c && c->is_string()) code = c->as_string();
      if (const auto* m = e.if_contains("message"); m && m->is_string()) message = m->as_string();
      if (const auto* d = e.if_contains("details"); d && d->is_object()) details = d->as_object();
    }
  }
  ExitCode exit = ExitCodeFor(code, response.status);
  if (code.empty()) code = CodeForStatus(response.status);
  if (message.empty()) {
    // A proxy or a crashed server answers without the contract's body.
    message = "server answered HTTP " + std::to_string(response.status);
  }
  if (auto retry = response.Header("Retry-After"); retry && !details.contains("retry_after")) {
    details["retry_after"] = *retry;
  }
  return Failure(exit, std::move(code), std::move(message), std::move(details));
}

Failure FailureFromTransport(const core::Error& error) {
  return Failure(ExitCode::kCannotConnect, "cannot_connect", error.message);
}

std::string FormatFailure(const Failure& failure) {
  std::string out = "error: " + std::string(failure.what()) + " (" + failure.code() + ")\n";
  for (const auto& [key, value] : failure.details()) {
    out += "  " + std::string(key) + ": ";
    out += value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value);
    out += '\n';
  }
  return out;
}

}  // namespace slipway::cli
