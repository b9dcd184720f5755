// Login, logout, the current user and password change.
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/auth_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

namespace {

std::string CookieAttributes(const ApiSettings& s, bool secure_request) {
  return std::string("; Path=/; HttpOnly; SameSite=Lax") +
         (s.secure_cookies || secure_request ? "; Secure" : "");
}

}  // namespace

void AddAuthRoutes(Router& router, ApiDeps& deps) {
  router.Add("POST", "/api/v1/auth/login", Permission::kPublic,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseLogin(body);
               if (!command.ok()) return ErrorResponse(command.error());
               auto login = deps.identity.Login(command->username, command->password, call.context);
               if (!login.ok()) return ErrorResponse(login.error());
               auto r = Response::Json(200, boost::json::object{{"user", UserJson(login->user)},
                                                                {"csrf_token", login->csrf_token}});
               r.headers.emplace_back("Set-Cookie",
                                      deps.settings.cookie_name + "=" + login->session_id +
                                          CookieAttributes(deps.settings, call.request.secure));
               return r;
             });

  router.Add("POST", "/api/v1/auth/logout", Permission::kAuthenticated, [&deps](Call& call) {
    auto session = SessionCookie(call.request.Header("cookie"), deps.settings.cookie_name);
    if (call.auth->via_session && !session.empty()) deps.identity.Logout(session);
    auto r = Response::NoContent();
    r.headers.emplace_back("Set-Cookie", deps.settings.cookie_name + "=" +
                                             CookieAttributes(deps.settings, call.request.secure) +
                                             "; Max-Age=0");
    return r;
  });

  router.Add("GET", "/api/v1/auth/me", Permission::kAuthenticated, [&deps](Call& call) {
    auto user = deps.identity.GetUser(std::to_string(call.auth->caller.user_id));
    if (!user.ok()) return ErrorResponse(user.error());
    boost::json::object out{{"user", UserJson(*user)}};
    out["csrf_token"] = call.auth->via_session ? boost::json::value(call.auth->csrf_token)
                                               : boost::json::value(nullptr);
    return Response::Json(200, out);
  });

  router.Add("POST", "/api/v1/auth/password", Permission::kAuthenticated,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseChangePassword(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.identity.ChangePassword(call.context, *command));
             });
}

}  // namespace slipway::http
