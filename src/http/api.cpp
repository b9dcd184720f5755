#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>

#include "http/api_support.hpp"
#include "services/platform/audit_log.hpp"
#include "services/platform/crypto.hpp"

namespace slipway::http {

namespace {

bool IsWrite(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool Allowed(Permission p, const core::Caller& caller) {
  switch (p) {
    case Permission::kPublic:
    case Permission::kAuthenticated:
    case Permission::kAppRead:
    case Permission::kAppApprove:
      return true;  // approver membership: checked by the service
    case Permission::kDeveloper:
    case Permission::kAppWrite:
    case Permission::kAppOwner:
      return caller.CanCreate();  // membership: checked by the service
    case Permission::kAdmin:
      return caller.IsAdmin();
  }
  return false;
}

bool IsJson(std::string_view content_type) {
  return content_type.substr(0, content_type.find(';')) == "application/json";
}

}  // namespace

std::string SessionCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto end = header.find(';');
    auto part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return "";
}

Api::Api(Router router, services::IdentityService& identity, store::Database& db,
         const core::Clock& clock, ApiSettings settings)
    : router_(std::move(router)),
      identity_(identity),
      db_(db),
      clock_(clock),
      settings_(std::move(settings)),
      cache_(clock, settings_.response_cache_ms) {}

namespace {
// Answers differ per caller (actions depend on role and membership).
std::string CacheKey(const services::Authenticated& auth, const Request& request) {
  return std::to_string(auth.caller.user_id) + "|" + std::string(core::RoleName(auth.caller.role)) +
         "|" + request.target;
}
}  // namespace

std::optional<Response> Api::TryInline(Request& request) {
  if (request.method != "GET") return std::nullopt;
  auto authorization = request.Header("authorization");
  if (authorization.substr(0, 7) != "Bearer ") return std::nullopt;
  auto match = router_.Find(request.method, request.path);
  if (!match.route || !match.route->cache_generation) return std::nullopt;
  auto auth = identity_.CachedToken(std::string(authorization.substr(7)));
  if (!auth || !Allowed(match.route->permission, auth->caller)) return std::nullopt;
  auto hit = cache_.Get(CacheKey(*auth, request), match.route->cache_generation->load());
  if (hit) hit->route = match.route->pattern;
  return hit;
}

std::optional<services::Authenticated> Api::Authenticate(const Request& request,
                                                         bool& bad_credentials) {
  auto authorization = request.Header("authorization");
  if (!authorization.empty()) {
    if (authorization.substr(0, 7) == "Bearer ") {
      auto auth = identity_.AuthenticateToken(std::string(authorization.substr(7)));
      bad_credentials = !auth;
      return auth;
    }
    bad_credentials = true;
    return std::nullopt;
  }
  auto session = SessionCookie(request.Header("cookie"), settings_.cookie_name);
  if (session.empty()) return std::nullopt;
  auto auth = identity_.AuthenticateSession(session);
  bad_credentials = !auth;
  return auth;
}

Response Api::Handle(Request& request) {
  auto match = router_.Find(request.method, request.path);
  if (!match.route) {
    if (match.allowed_methods.empty())
      return ErrorResponse(core::NotFound("no such endpoint: " + request.path));
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    auto r = ErrorResponse({core::Code::kMethodNotAllowed,
                            "method " + request.method + " is not allowed here; use " + allow,
                            {}});
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  const Route& route = *match.route;
  Call call{request,
            std::move(match.params),
            std::nullopt,
            {{}, request.request_id, request.remote_address},
            {}};
  bool bad_credentials = false;
  call.auth = Authenticate(request, bad_credentials);
  if (call.auth) call.context.caller = call.auth->caller;

  Response response;
  if (route.permission != Permission::kPublic && !call.auth) {
    response = ErrorResponse(core::Unauthenticated(
        bad_credentials ? "the session or token is invalid or expired; log in again"
                        : "log in or send an API token (Authorization: Bearer …)"));
  } else if (call.auth && !Allowed(route.permission, call.auth->caller)) {
    response = ErrorResponse(core::Forbidden(
        "this needs the " + std::string(PermissionName(route.permission)) +
        " permission; you are " + std::string(core::RoleName(call.auth->caller.role))));
  } else if (call.auth && call.auth->via_session && IsWrite(request.method) &&
             !services::ConstantTimeEquals(request.Header("x-csrf-token"), call.auth->csrf_token)) {
    response = ErrorResponse(core::Forbidden("missing or wrong X-CSRF-Token header"));
  } else if (!request.body.empty() && IsWrite(request.method) &&
             !IsJson(request.Header("content-type"))) {
    response =
        ErrorResponse({core::Code::kUnsupportedMedia, "send the body as application/json", {}});
  } else if (auto refused = ReadInput(route, call)) {
    response = ErrorResponse(*refused);
  } else {
    try {
      response = RunRoute(route, call);
    } catch (const store::DbError& e) {
      spdlog::error("request {}: database error: {}", request.request_id, e.what());
      response = ErrorResponse({e.transient() ? core::Code::kTransient : core::Code::kInternal,
                                e.transient() ? "the database is busy; retry" : "internal error",
                                {}});
    } catch (const std::exception& e) {
      spdlog::error("request {}: {}", request.request_id, e.what());
      response = ErrorResponse({core::Code::kInternal, "internal error", {}});
    }
  }
  response.route = route.pattern;
  if (call.auth && IsWrite(request.method) && response.status >= 400 && response.status < 500 &&
      response.status != 404) {
    AuditRefusal(call, route, response);
  }
  return response;
}

std::optional<core::Error> Api::ReadInput(const Route& route, Call& call) {
  if (auto refused = CheckParameters(call.request, call.params)) return refused;
  if (!IsWrite(call.request.method)) return std::nullopt;
  auto body = ParseBody(call.request);
  if (!body.ok()) return body.error();
  if (!route.takes_body && !body->empty()) {
    const std::string field(body->begin()->key());
    return core::Invalid(
        field + " is not a known field: " + route.method + " " + route.pattern + " takes no body",
        {{"field", field}, {"rule", "is not a known field"}});
  }
  call.body = std::move(*body);
  return std::nullopt;
}

Response Api::RunRoute(const Route& route, Call& call) {
  if (!route.cache_generation || !call.auth) return route.handler(call);
  // The counter is read before the data: a change racing with this request
  // leaves the entry stale-marked rather than fresh-looking.
  auto generation = route.cache_generation->load();
  auto key = CacheKey(*call.auth, call.request);
  if (auto hit = cache_.Get(key, generation)) return *hit;
  auto response = route.handler(call);
  if (response.status == 200) cache_.Put(key, generation, response);
  return response;
}

void Api::AuditRefusal(const Call& call, const Route& route, const Response& response) {
  // Object type from the first path segment after /api/v1 ("apps" → "app").
  std::string object_type = "api";
  std::string_view rest = route.pattern;
  if (rest.rfind("/api/v1/", 0) == 0) {
    rest.remove_prefix(8);
    object_type = std::string(rest.substr(0, rest.find('/')));
    if (!object_type.empty() && object_type.back() == 's') object_type.pop_back();
  }
  auto id = call.params.find("id");
  std::string code = "error";
  try {
    code = std::string(boost::json::parse(response.body).at("error").at("code").as_string());
  } catch (const std::exception&) {
  }
  try {
    store::InTx(db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      services::RecordAudit(tx, clock_, call.context, call.request.method + " " + route.pattern,
                            object_type, id == call.params.end() ? "" : id->second, "refused",
                            code);
    });
  } catch (const std::exception& e) {
    spdlog::warn("request {}: could not record the refusal: {}", call.request.request_id, e.what());
  }
}

}  // namespace slipway::http
