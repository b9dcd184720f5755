#pragma once
#include <atomic>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "services/identity/identity_service.hpp"

namespace slipway::http {

/// What a route needs from the caller. App-scoped permissions are checked
/// here by global role and again by the service against membership.
enum class Permission {
  kPublic,         ///< anyone, no credentials
  kAuthenticated,  ///< any signed-in user, viewers included
  kDeveloper,      ///< developers, approvers and admins (creating work)
  kAdmin,          ///< admins only
  kAppRead,        ///< any signed-in user
  kAppWrite,       ///< admins, or the application's owners and developers
  kAppOwner,       ///< admins, or the application's owners
  kAppApprove,     ///< admins, or the application's approver members (checked by the service)
};

std::string_view PermissionName(Permission p);

/// What a handler receives: the request, its path parameters and the caller.
struct Call {
  Request& request;
  std::map<std::string, std::string> params;
  std::optional<services::Authenticated> auth;  ///< empty for public routes without credentials
  services::RequestContext context;
  /// The JSON body of a write, parsed strictly by the pipeline (empty when none was sent).
  boost::json::object body = {};
};

using RouteHandler = std::function<Response(Call&)>;
/// The handler of a route that reads a JSON body. Routes registered with a
/// plain RouteHandler take none: the pipeline refuses a body with fields.
using BodyRouteHandler = std::function<Response(Call&, const boost::json::object& body)>;

struct Route {
  std::string method;
  std::string pattern;  ///< "/api/v1/apps/{id}"
  Permission permission;
  RouteHandler handler;
  /// Set for read routes whose answers may be cached per caller: the change
  /// counter of the data they render (see ResponseCache).
  const std::atomic<std::uint64_t>* cache_generation = nullptr;
  bool takes_body = false;  ///< registered with a BodyRouteHandler
};

/// Matches method + path against registered patterns ({name} = one segment).
/// A HEAD request matches the GET route of its path.
class Router {
 public:
  void Add(std::string method, std::string pattern, Permission permission, RouteHandler handler,
           const std::atomic<std::uint64_t>* cache_generation = nullptr);
  void Add(std::string method, std::string pattern, Permission permission,
           BodyRouteHandler handler);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed_methods;  ///< methods served on this path (for 405 vs 404)
  };
  Match Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
};

}  // namespace slipway::http
