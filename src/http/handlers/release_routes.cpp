// Releases: start, progress (JSON and Server-Sent Events), promotion, abort,
// rollback; baselines; scaling and editing environments through releases.
#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/release_input.hpp"
#include "http/handlers/release_views.hpp"

namespace slipway::http {

namespace {

core::Result<std::int64_t> IntQuery(const Request& r, const char* name, bool required) {
  auto text = r.Query(name);
  if (!text) {
    if (required) return core::Invalid(std::string(name) + " is required", {{"field", name}});
    return std::int64_t{0};
  }
  auto id = core::ParseId(*text);
  if (!id)
    return core::Invalid(std::string(name) + " must be a positive integer", {{"field", name}});
  return *id;
}

Response ReleaseList(const core::Result<services::ReleaseList>& list) {
  return Reply(list, 200, [](const services::ReleaseList& l) {
    boost::json::array items;
    for (const auto& v : l.items) items.push_back(ReleaseJson(v));
    return boost::json::object{{"items", std::move(items)},
                               {"next_cursor", l.next_cursor ? boost::json::value(*l.next_cursor)
                                                             : boost::json::value(nullptr)}};
  });
}

void AddActionRoute(Router& router, ApiDeps& deps, const std::string& suffix,
                    const std::string& action) {
  router.Add("POST", "/api/v1/releases/{id}/" + suffix, Permission::kAppWrite,
             [&deps, action](Call& call) {
               return Reply(deps.releases.Act(call.context, call.params["id"], action), 200,
                            ReleaseJson);
             });
}

}  // namespace

void AddReleaseRoutes(Router& router, ApiDeps& deps) {
  router.Add("POST", "/api/v1/changes/{id}/release", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(
                   deps.releases.Start(call.context, call.params["id"], ParseStartRelease(body)),
                   202, ReleaseJson);
             });

  router.Add("GET", "/api/v1/releases", Permission::kAppRead, [&deps](Call& call) {
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    auto env = IntQuery(call.request, "env_id", false);
    if (!env.ok()) return ErrorResponse(env.error());
    return ReleaseList(deps.releases.List(call.context, call.request.Query("app").value_or(""),
                                          *env ? std::optional<std::int64_t>(*env) : std::nullopt,
                                          call.request.Query("state").value_or(""),
                                          call.request.Query("cursor").value_or(""), *limit));
  });

  router.Add("GET", "/api/v1/releases/{id}", Permission::kAppRead, [&deps](Call& call) {
    return Reply(deps.releases.Get(call.context, call.params["id"]), 200, ReleaseJson);
  });

  router.Add("GET", "/api/v1/releases/{id}/events", Permission::kAppRead, [&deps](Call& call) {
    auto release = deps.releases.Get(call.context, call.params["id"]);
    if (!release.ok()) return ErrorResponse(release.error());
    auto slot = deps.streams.Acquire(call.context.caller.user_id);
    if (!slot.ok()) return ErrorResponse(slot.error());
    Response response;
    response.content_type = "text/event-stream";
    response.headers.push_back({"Cache-Control", "no-cache"});
    response.stream =
        StreamSlots::Hold(std::move(*slot), deps.release_feed.Subscribe(release->release.id));
    return response;
  });

  AddActionRoute(router, deps, "promote", "promote");
  AddActionRoute(router, deps, "promote-all", "promote_all");
  AddActionRoute(router, deps, "abort", "abort");

  router.Add("GET", "/api/v1/releases/{id}/rollback-plan", Permission::kAppRead,
             [&deps](Call& call) {
               boost::json::object query;
               if (auto image = call.request.Query("image")) query["image"] = *image;
               if (auto scope = call.request.Query("scope")) query["scope"] = *scope;
               if (call.request.Query("baseline_version")) {
                 auto version = IntQuery(call.request, "baseline_version", true);
                 if (!version.ok()) return ErrorResponse(version.error());
                 query["baseline_version"] = *version;
               }
               auto request = ParseRollbackRequest(query);
               if (!request.ok()) return ErrorResponse(request.error());
               return Reply(deps.releases.PlanRollback(call.context, call.params["id"], *request),
                            200, RollbackPlanJson);
             });

  router.Add("POST", "/api/v1/releases/{id}/rollback", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               auto request = ParseRollbackRequest(body);
               if (!request.ok()) return ErrorResponse(request.error());
               return Reply(deps.releases.Rollback(call.context, call.params["id"], *request), 202,
                            ReleaseJson);
             });

  router.Add(
      "GET", "/api/v1/environments/{id}/baselines", Permission::kAppRead, [&deps](Call& call) {
        return Reply(
            deps.releases.Baselines(call.context, call.params["id"]), 200,
            [](const std::vector<core::Baseline>& list) {
              boost::json::array items;
              for (const auto& b : list) items.push_back(BaselineJson(b));
              return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
            });
      });

  router.Add(
      "GET", "/api/v1/environments/{id}/baselines/diff", Permission::kAppRead, [&deps](Call& call) {
        auto from = IntQuery(call.request, "from", true);
        if (!from.ok()) return ErrorResponse(from.error());
        auto to = IntQuery(call.request, "to", true);
        if (!to.ok()) return ErrorResponse(to.error());
        return Reply(
            deps.releases.DiffBaselines(call.context, call.params["id"], *from, *to), 200,
            [&](const services::BaselineDiff& diff) { return BaselineDiffJson(*from, *to, diff); });
      });

  router.Add(
      "GET", "/api/v1/environments/{id}/config-drift", Permission::kAppRead, [&deps](Call& call) {
        return Reply(deps.releases.DriftOf(call.context, call.params["id"]), 200, ConfigDriftJson);
      });

  router.Add("POST", "/api/v1/environments/{id}/scale", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.releases.Scale(call.context, call.params["id"], ParseScale(body)),
                            202, [](const services::ChangeAndRelease& cr) {
                              return boost::json::object{{"change_id", cr.change.id},
                                                         {"release_id", cr.release.id}};
                            });
             });

  router.Add("POST", "/api/v1/environments/{id}/edit", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               auto edit = deps.releases.EditEnvironment(call.context, call.params["id"],
                                                         ParseEditEnvironment(body));
               return Reply(edit, edit.ok() && edit->confirmed ? 202 : 200, EnvironmentEditJson);
             });
}

}  // namespace slipway::http
