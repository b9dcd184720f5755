#include "http/api_support.hpp"

#include "core/common/rfc3339.hpp"
#include "core/common/strict_json.hpp"
#include "core/common/text_rules.hpp"

namespace slipway::http {

int StatusFor(core::Code code) {
  switch (code) {
    case core::Code::kInvalid:
      return 400;
    case core::Code::kUnauthenticated:
      return 401;
    case core::Code::kForbidden:
      return 403;
    case core::Code::kNotFound:
      return 404;
    case core::Code::kMethodNotAllowed:
      return 405;
    case core::Code::kConflict:
      return 409;
    case core::Code::kPayloadTooLarge:
      return 413;
    case core::Code::kUnsupportedMedia:
      return 415;
    case core::Code::kTooManyRequests:
      return 429;
    case core::Code::kTransient:
      return 503;
    case core::Code::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const core::Error& error) {
  auto r = Response::Json(StatusFor(error.code),
                          boost::json::object{{"error",
                                               {{"code", core::CodeName(error.code)},
                                                {"message", error.message},
                                                {"details", error.details}}}});
  if (error.code == core::Code::kTooManyRequests) {
    if (const auto* s = error.details.if_contains("retry_after_seconds"); s && s->is_int64()) {
      r.headers.emplace_back("Retry-After", std::to_string(s->as_int64()));
    }
  }
  return r;
}

core::Result<boost::json::object> ParseBody(const Request& request) {
  if (request.body.empty()) return boost::json::object{};
  auto value = core::ParseStrictJson(request.body);
  if (!value.ok()) {
    auto error = value.error();
    error.message = "JSON body: " + error.message;
    return error;
  }
  if (!value->is_object()) return core::Invalid("the JSON body must be an object");
  return std::move(value->as_object());
}

std::optional<core::Error> CheckParameters(const Request& request,
                                           const std::map<std::string, std::string>& path_params) {
  auto refuse = [](const std::string& kind, const std::string& name, const std::string& rule) {
    return core::Invalid(kind + " " + name + " " + rule, {{"field", name}, {"rule", rule}});
  };
  for (const auto& [name, value] : request.query) {
    if (auto rule = core::CheckSingleLine(name)) return refuse("query parameter", name, *rule);
    if (auto rule = core::CheckSingleLine(value)) return refuse("query parameter", name, *rule);
  }
  for (const auto& [name, value] : path_params) {
    if (auto rule = core::CheckSingleLine(value)) return refuse("path parameter", name, *rule);
  }
  return std::nullopt;
}

boost::json::value TimeJson(core::Millis millis) {
  if (millis == 0) return nullptr;
  return boost::json::string(core::Rfc3339Millis(millis));
}

core::Result<int> LimitParam(const Request& request) {
  auto text = request.Query("limit");
  if (!text) return 50;
  if (text->empty() || text->size() > 3 ||
      text->find_first_not_of("0123456789") != std::string::npos) {
    return core::Invalid("limit must be an integer from 1 to 500", {{"field", "limit"}});
  }
  int n = std::stoi(*text);
  if (n < 1 || n > 500)
    return core::Invalid("limit must be an integer from 1 to 500", {{"field", "limit"}});
  return n;
}

}  // namespace slipway::http
