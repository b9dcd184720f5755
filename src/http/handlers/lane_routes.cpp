// Swimlanes (R-LANE-1..13): create (with a dry-run plan), list, show, edit,
// renew, sync, delete, events; and GitLab's push hook (R-LANE-8).
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/lane_input.hpp"
#include "http/handlers/lane_views.hpp"

namespace slipway::http {

namespace {

namespace json = boost::json;

// dry_run=1|true plans only; absent or 0|false does it.
core::Result<bool> DryRun(const Request& r) {
  auto v = r.Query("dry_run");
  if (!v || *v == "0" || *v == "false") return false;
  if (*v == "1" || *v == "true") return true;
  return core::Invalid("dry_run must be true or false", {{"field", "dry_run"}});
}

json::object PlanResultJson(const services::LanePlanResult& r,
                            const services::LaneSettings& settings) {
  return {
      {"dry_run", r.dry_run},
      {"lane", LaneJson(r.view, settings)},
      {"plan", PlanJson(r.plan)},
      {"workflow_id", r.workflow_id.empty() ? json::value(nullptr) : json::value(r.workflow_id)}};
}

}  // namespace

void AddLaneRoutes(Router& router, ApiDeps& deps) {
  const auto& settings = deps.lane_settings;
  router.Add("POST", "/api/v1/lanes", Permission::kDeveloper,
             [&deps, &settings](Call& call, const json::object& body) {
               auto dry_run = DryRun(call.request);
               if (!dry_run.ok()) return ErrorResponse(dry_run.error());
               auto command = ParseCreateLane(body);
               if (!command.ok()) return ErrorResponse(command.error());
               command->dry_run = *dry_run;
               return Reply(
                   deps.lanes.Create(call.context, *command), *dry_run ? 200 : 202,
                   [&](const services::LanePlanResult& r) { return PlanResultJson(r, settings); });
             });

  router.Add("GET", "/api/v1/lanes", Permission::kAuthenticated, [&deps, &settings](Call& call) {
    return Reply(deps.lanes.List(call.context), 200,
                 [&](const std::vector<services::LaneView>& lanes) {
                   json::array items;
                   for (const auto& v : lanes) items.push_back(LaneJson(v, settings));
                   return json::object{{"items", std::move(items)}};
                 });
  });

  router.Add("GET", "/api/v1/lanes/{id}", Permission::kAuthenticated,
             [&deps, &settings](Call& call) {
               return Reply(deps.lanes.Get(call.context, call.params["id"]), 200,
                            [&](const services::LaneView& v) { return LaneJson(v, settings); });
             });

  router.Add("GET", "/api/v1/lanes/{id}/plan", Permission::kAuthenticated, [&deps](Call& call) {
    return Reply(deps.lanes.Plan(call.context, call.params["id"]), 200,
                 [](const std::vector<core::PlannedArtefact>& plan) {
                   return json::object{{"plan", PlanJson(plan)}};
                 });
  });

  router.Add("GET", "/api/v1/lanes/{id}/drift", Permission::kAuthenticated, [&deps](Call& call) {
    return Reply(
        deps.lanes.Drift(call.context, call.params["id"]), 200,
        [](const std::vector<services::LaneArtefactState>& states) {
          json::array items;
          for (const auto& s : states) {
            items.push_back(
                {{"system", s.artefact.system},
                 {"kind", s.artefact.kind},
                 {"name", s.artefact.name},
                 {"app",
                  s.artefact.app.empty() ? json::value(nullptr) : json::value(s.artefact.app)},
                 {"present", s.present ? json::value(*s.present) : json::value(nullptr)},
                 {"error", s.error.empty() ? json::value(nullptr) : json::value(s.error)}});
          }
          return json::object{{"items", std::move(items)}};
        });
  });

  router.Add("GET", "/api/v1/lanes/{id}/workflow", Permission::kAuthenticated, [&deps](Call& call) {
    return Reply(
        deps.lanes.Progress(call.context, call.params["id"]), 200,
        [](const std::vector<engine::Workflow>& workflows) {
          json::value workflow = nullptr;
          json::array children;
          for (std::size_t i = 0; i < workflows.size(); ++i) {
            if (i == 0) {
              workflow = engine::ToJson(workflows[i]);
            } else {
              children.push_back(engine::ToJson(workflows[i]));
            }
          }
          return json::object{{"workflow", std::move(workflow)}, {"children", std::move(children)}};
        });
  });

  router.Add("GET", "/api/v1/lanes/{id}/events", Permission::kAuthenticated, [&deps](Call& call) {
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    return Reply(deps.lanes.Events(call.context, call.params["id"], *limit), 200,
                 [](const std::vector<store::LaneEvent>& events) {
                   json::array items;
                   for (const auto& e : events) items.push_back(LaneEventJson(e));
                   return json::object{{"items", std::move(items)}};
                 });
  });

  router.Add("PATCH", "/api/v1/lanes/{id}", Permission::kDeveloper,
             [&deps, &settings](Call& call, const json::object& body) {
               auto dry_run = DryRun(call.request);
               if (!dry_run.ok()) return ErrorResponse(dry_run.error());
               auto command = ParseEditLane(body);
               if (!command.ok()) return ErrorResponse(command.error());
               command->dry_run = *dry_run;
               return Reply(
                   deps.lanes.Edit(call.context, call.params["id"], *command), 200,
                   [&](const services::LanePlanResult& r) { return PlanResultJson(r, settings); });
             });

  router.Add("POST", "/api/v1/lanes/{id}/renew", Permission::kDeveloper,
             [&deps, &settings](Call& call) {
               return Reply(deps.lanes.Renew(call.context, call.params["id"]), 200,
                            [&](const services::LaneView& v) { return LaneJson(v, settings); });
             });

  router.Add("POST", "/api/v1/lanes/{id}/sync", Permission::kDeveloper,
             [&deps, &settings](Call& call) {
               return Reply(
                   deps.lanes.Sync(call.context, call.params["id"]), 202,
                   [&](const services::LanePlanResult& r) { return PlanResultJson(r, settings); });
             });

  router.Add("DELETE", "/api/v1/lanes/{id}", Permission::kDeveloper, [&deps](Call& call) {
    auto deletion = deps.lanes.Delete(call.context, call.params["id"],
                                      call.request.Query("confirm").value_or(""));
    if (!deletion.ok()) return ErrorResponse(deletion.error());
    json::object body{
        {"done", deletion->done},
        {"workflow_id",
         deletion->workflow_id.empty() ? json::value(nullptr) : json::value(deletion->workflow_id)},
        {"workflow_state", deletion->workflow_state},
        {"error", deletion->error ? json::value(*deletion->error) : json::value(nullptr)}};
    // Done: 200. Still running after the wait: 202, ask again. A step
    // failed: 503 naming it; deleting again finishes the rest.
    int status = deletion->done ? 200 : deletion->workflow_state == "running" ? 202 : 503;
    return Response::Json(status, body);
  });

  // Outside the session auth: GitLab authenticates with the hook's token.
  // The pipeline checks the body is one JSON object within the size limit;
  // the push event parser reads the raw text.
  router.Add("POST", "/hooks/gitlab", Permission::kPublic,
             [&deps](Call& call, const json::object&) {
               auto event =
                   deps.lanes.ReceivePush(call.request.Header("x-gitlab-event"),
                                          call.request.Header("x-gitlab-token"), call.request.body);
               if (!event.ok()) return ErrorResponse(event.error());
               if (!*event) return Response::Json(202, json::object{{"ignored", true}});
               return Response::Json(
                   202, json::object{{"ignored", false}, {"event", LaneEventJson(**event)}});
             });
}

}  // namespace slipway::http
