#pragma once
#include <map>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "http/message.hpp"
#include "http/metrics_access.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "http/stream_slots.hpp"
#include "services/identity/identity_service.hpp"
#include "store/database.hpp"

namespace slipway::http {

struct ApiSettings {
  std::string cookie_name = "slipway_session";
  bool secure_cookies = false;  ///< add `Secure` (served over TLS or behind a TLS proxy)
  /// How long a rendered read answer may be reused (0: never). Changes made
  /// through this process invalidate at once; this bounds other replicas' lag.
  core::Millis response_cache_ms = 1'000;
  /// Event streams and followed logs open at once, per user and in all.
  StreamLimits streams;
  /// Who may read GET /metrics.
  MetricsAccess metrics_access = MetricsAccess::kLocalOrToken;
  /// The embedded sandbox's emulators (system → URL) when it runs; empty otherwise.
  std::optional<std::map<std::string, std::string>> sandbox_endpoints;
};

/// The request pipeline around the routes: match, authenticate (bearer token
/// or session cookie), authorize by the route's permission, check CSRF on
/// cookie-authenticated writes, read the input (parameters without control
/// characters; a write's body parsed strictly, refused on routes that take
/// none), run the handler, map failures, and record refused state-changing
/// attempts in the audit log.
class Api {
 public:
  Api(Router router, services::IdentityService& identity, store::Database& db,
      const core::Clock& clock, ApiSettings settings);

  Response Handle(Request& request);
  /// The non-blocking fast path, run on a network thread: a cached answer for
  /// a caller known from the token cache, or nothing (then Handle runs).
  std::optional<Response> TryInline(Request& request);
  const Router& router() const { return router_; }
  const ApiSettings& settings() const { return settings_; }

 private:
  std::optional<services::Authenticated> Authenticate(const Request& request,
                                                      bool& bad_credentials);
  void AuditRefusal(const Call& call, const Route& route, const Response& response);
  Response RunRoute(const Route& route, Call& call);
  /// Checks the parameters and parses a write's body into `call.body`;
  /// the refusal when the input is bad.
  std::optional<core::Error> ReadInput(const Route& route, Call& call);

  Router router_;
  services::IdentityService& identity_;
  store::Database& db_;
  const core::Clock& clock_;
  ApiSettings settings_;
  ResponseCache cache_;
};

/// The session id from a Cookie header, or "".
std::string SessionCookie(std::string_view cookie_header, std::string_view name);

}  // namespace slipway::http
