// User management (admins) and API tokens (everyone, for themselves).
#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"
#include "http/handlers/user_input.hpp"

namespace slipway::http {

void AddUserRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/users", Permission::kAdmin, [&deps](Call& call) {
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    store::UserQuery q;
    q.limit = *limit;
    q.role = call.request.Query("role").value_or("");
    q.text = call.request.Query("q").value_or("");
    if (auto d = call.request.Query("disabled")) {
      if (*d != "true" && *d != "false") {
        return ErrorResponse(
            core::Invalid("disabled must be true or false", {{"field", "disabled"}}));
      }
      q.disabled = *d == "true";
    }
    if (auto c = call.request.Query("cursor"); c && !c->empty()) q.after_username = *c;
    auto users = deps.identity.ListUsers(q);
    if (!users.ok()) return ErrorResponse(users.error());
    boost::json::value next = nullptr;
    if (static_cast<int>(users->size()) > q.limit) {
      users->resize(static_cast<std::size_t>(q.limit));
      next = boost::json::string(users->back().username);
    }
    boost::json::array items;
    for (const auto& u : *users) items.push_back(UserJson(u));
    return Response::Json(200, boost::json::object{{"items", items}, {"next_cursor", next}});
  });

  router.Add("POST", "/api/v1/users", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseCreateUser(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.identity.CreateUser(call.context, *command), 201, UserJson);
             });

  router.Add("GET", "/api/v1/users/{id}", Permission::kAdmin, [&deps](Call& call) {
    return Reply(deps.identity.GetUser(call.params["id"]), 200, UserJson);
  });

  router.Add("PATCH", "/api/v1/users/{id}", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseUpdateUser(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.identity.UpdateUser(call.context, call.params["id"], *command),
                            200, UserJson);
             });

  router.Add("POST", "/api/v1/users/{id}/password", Permission::kAdmin,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseResetPassword(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.identity.ResetPassword(call.context, call.params["id"], *command));
             });
}

void AddTokenRoutes(Router& router, ApiDeps& deps) {
  router.Add("POST", "/api/v1/tokens", Permission::kAuthenticated,
             [&deps](Call& call, const boost::json::object& body) {
               auto command = ParseCreateToken(body);
               if (!command.ok()) return ErrorResponse(command.error());
               return Reply(deps.identity.CreateToken(call.context, *command), 201,
                            [](const services::CreatedToken& t) {
                              auto out = TokenJson(t.record);
                              out["token"] = t.token;
                              return out;
                            });
             });

  router.Add("GET", "/api/v1/tokens", Permission::kAuthenticated, [&deps](Call& call) {
    auto tokens = deps.identity.ListTokens(call.context, call.request.Query("user").value_or(""));
    return Reply(tokens, 200, [](const std::vector<store::TokenRecord>& list) {
      boost::json::array items;
      for (const auto& t : list) items.push_back(TokenJson(t));
      return boost::json::object{{"items", items}, {"next_cursor", nullptr}};
    });
  });

  router.Add("DELETE", "/api/v1/tokens/{id}", Permission::kAuthenticated, [&deps](Call& call) {
    auto id = core::ParseId(call.params["id"]);
    if (!id) return ErrorResponse(core::NotFound("no token " + call.params["id"]));
    return Reply(deps.identity.RevokeToken(call.context, *id));
  });
}

}  // namespace slipway::http
