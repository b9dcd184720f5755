// Image builds (R-BLD-1..4): start, list, show, log (plain or followed live), cancel, delete.
#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/build_input.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/json_views.hpp"
#include "services/builds/build_service.hpp"

namespace slipway::http {

namespace {

namespace json = boost::json;

json::object BuildJson(const services::BuildView& v, core::Millis now) {
  const auto& b = v.build;
  json::array actions;
  for (const auto& a : v.actions.allowed) actions.emplace_back(a);
  json::object refusals;
  for (const auto& [name, reason] : v.actions.refused) refusals[name] = reason;
  auto duration = core::BuildDuration(b, now);
  return {{"id", b.id},
          {"app_id", b.app_id},
          {"app", v.app_name},
          {"env_id", OrNull(b.env_id)},
          {"branch", b.branch},
          {"version", b.version},
          {"note", b.note},
          {"state", core::BuildStateName(b.state)},
          {"reason", OrNull(b.reason)},
          {"image", b.image},
          {"digest", OrNull(b.digest)},
          {"commit", OrNull(b.commit)},
          {"jenkins",
           {{"job", b.job_path},
            {"queue_id", OrNull(b.queue_id)},
            {"build_number", OrNull(b.build_number)},
            {"result", OrNull(b.jenkins_result)}}},
          {"cancel_requested_by", OrNull(b.cancel_requested_by)},
          {"created_by", b.created_by},
          {"created_at", TimeJson(b.created_at)},
          {"started_at", TimeJson(b.started_at.value_or(0))},
          {"finished_at", TimeJson(b.finished_at.value_or(0))},
          {"updated_at", TimeJson(b.updated_at)},
          {"duration_ms", OrNull(duration)},
          {"workflow_id", OrNull(b.workflow_id)},
          {"actions", std::move(actions)},
          {"refusals", std::move(refusals)}};
}

// A yes/no query parameter: absent is false; anything but 1/0/true/false is refused.
core::Result<bool> FlagParam(const Request& r, const char* name) {
  auto v = r.Query(name);
  if (!v || *v == "0" || *v == "false") return false;
  if (*v == "1" || *v == "true") return true;
  return core::Invalid(std::string(name) + " must be true or false", {{"field", name}});
}

// GET …/log?follow=1: the log so far, then every piece as it is stored,
// as chunks of one response that ends when the build does.
Response FollowLog(ApiDeps& deps, Call& call) {
  auto slot = deps.streams.Acquire(call.context.caller.user_id);
  if (!slot.ok()) return ErrorResponse(slot.error());
  auto stream = std::make_shared<QueueStream>();
  std::weak_ptr<QueueStream> weak = stream;
  auto status = deps.builds.FollowLog(
      call.context, call.params["id"],
      [weak](std::string piece) {
        auto s = weak.lock();
        if (!s) return false;
        if (!piece.empty()) s->Push(std::move(piece));
        return true;
      },
      [weak] {
        if (auto s = weak.lock()) s->Close();
      });
  if (!status.ok()) return ErrorResponse(status.error());
  Response r = Response::Text(200, "");
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.stream = StreamSlots::Hold(std::move(*slot), std::move(stream));
  return r;
}

}  // namespace

void AddBuildRoutes(Router& router, ApiDeps& deps) {
  router.Add(
      "POST", "/api/v1/apps/{id}/builds", Permission::kAppWrite,
      [&deps](Call& call, const boost::json::object& body) {
        return Reply(
            deps.builds.Start(call.context, call.params["id"], ParseStartBuild(body)), 201,
            [&deps](const services::BuildView& v) { return BuildJson(v, deps.clock.Now()); });
      });

  router.Add("GET", "/api/v1/apps/{id}/builds", Permission::kAppRead, [&deps](Call& call) {
    auto limit = LimitParam(call.request);
    if (!limit.ok()) return ErrorResponse(limit.error());
    auto list =
        deps.builds.List(call.context, call.params["id"], call.request.Query("state").value_or(""),
                         *limit, call.request.Query("cursor").value_or(""));
    return Reply(list, 200, [&deps](const services::BuildList& l) {
      json::array items;
      for (const auto& v : l.items) items.push_back(BuildJson(v, deps.clock.Now()));
      return json::object{{"items", std::move(items)}, {"next_cursor", OrNull(l.next_cursor)}};
    });
  });

  router.Add("GET", "/api/v1/builds/{id}", Permission::kAppRead, [&deps](Call& call) {
    return Reply(deps.builds.Get(call.context, call.params["id"]), 200,
                 [&deps](const services::BuildView& v) { return BuildJson(v, deps.clock.Now()); });
  });

  router.Add("GET", "/api/v1/builds/{id}/log", Permission::kAppRead, [&deps](Call& call) {
    auto follow = FlagParam(call.request, "follow");
    if (!follow.ok()) return ErrorResponse(follow.error());
    if (*follow) return FollowLog(deps, call);
    auto log = deps.builds.ReadLog(call.context, call.params["id"], 0);
    if (!log.ok()) return ErrorResponse(log.error());
    return Response::Text(200, std::move(log->text));
  });

  router.Add("POST", "/api/v1/builds/{id}/cancel", Permission::kAppWrite, [&deps](Call& call) {
    return Reply(deps.builds.Cancel(call.context, call.params["id"]), 202,
                 [&deps](const services::BuildView& v) { return BuildJson(v, deps.clock.Now()); });
  });

  router.Add("DELETE", "/api/v1/builds/{id}", Permission::kAppWrite, [&deps](Call& call) {
    auto force = FlagParam(call.request, "force");
    if (!force.ok()) return ErrorResponse(force.error());
    return Reply(deps.builds.Delete(call.context, call.params["id"], *force));
  });
}

}  // namespace slipway::http
