// Environments, their pods, restarts and live events.
#include <boost/json.hpp>
#include <chrono>

#include "core/common/names.hpp"
#include "http/api_support.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/env_input.hpp"
#include "http/handlers/env_live_views.hpp"
#include "http/handlers/env_views.hpp"

namespace slipway::http {

namespace {

// Server-Sent Events: one `event:`/`data:` block per environment event. The
// stream owns the subscription, so when the client goes away and the server
// drops the stream, the watches stop.
class EnvEventStream final : public BodyStream {
 public:
  std::shared_ptr<QueueStream> queue = std::make_shared<QueueStream>();
  std::unique_ptr<services::EnvSubscription> subscription;
  /// When set, the stream ends then (like a watch's timeoutSeconds).
  std::optional<std::chrono::steady_clock::time_point> deadline;

  std::optional<std::string> Poll(bool& done) override {
    auto piece = queue->Poll(done);
    if (!piece && deadline && std::chrono::steady_clock::now() >= *deadline) done = true;
    return piece;
  }
};

std::string SseBlock(const std::string& event, const boost::json::value& data) {
  return "event: " + event + "\ndata: " + boost::json::serialize(data) + "\n\n";
}

}  // namespace

void AddEnvironmentRoutes(Router& router, ApiDeps& deps) {
  router.Add("GET", "/api/v1/apps/{id}/environments", Permission::kAppRead, [&deps](Call& call) {
    return Reply(
        deps.environments.List(call.context, call.params["id"]), 200,
        [](const std::vector<services::EnvironmentView>& list) {
          boost::json::array items;
          for (const auto& v : list) items.push_back(EnvironmentJson(v));
          return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
        });
  });

  router.Add("POST", "/api/v1/apps/{id}/environments", Permission::kAppWrite,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.environments.Create(
                                call.context, call.params["id"],
                                ParseCreateEnvironment(body, deps.clusters.settings().env_types)),
                            201, EnvironmentJson);
             });

  router.Add("GET", "/api/v1/environments/{id}", Permission::kAppRead, [&deps](Call& call) {
    return Reply(deps.environments.Get(call.context, call.params["id"]), 200, EnvironmentJson);
  });

  router.Add("DELETE", "/api/v1/environments/{id}", Permission::kAppWrite, [&deps](Call& call) {
    return Reply(deps.environments.Delete(call.context, call.params["id"],
                                          call.request.Query("confirm").value_or("")));
  });

  router.Add("GET", "/api/v1/environments/{id}/pods", Permission::kAppRead, [&deps](Call& call) {
    return Reply(
        deps.environments.Pods(call.context, call.params["id"]), 200,
        [](const std::vector<services::PodView>& pods) {
          boost::json::array items;
          for (const auto& p : pods) items.push_back(PodJson(p));
          return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
        });
  });

  router.Add("PUT", "/api/v1/environments/{id}/release-policy", Permission::kAppOwner,
             [&deps](Call& call, const boost::json::object& body) {
               return Reply(deps.environments.SetReleasePolicy(call.context, call.params["id"],
                                                               ParseSetReleasePolicy(body)),
                            200, EnvironmentJson);
             });

  router.Add("POST", "/api/v1/environments/{id}/restart", Permission::kAppWrite,
             [&deps](Call& call) {
               return Reply(deps.environments.Restart(call.context, call.params["id"]), 202,
                            EnvOperationJson);
             });

  router.Add(
      "GET", "/api/v1/environments/{id}/operations", Permission::kAppRead, [&deps](Call& call) {
        return Reply(
            deps.environments.Operations(call.context, call.params["id"]), 200,
            [](const std::vector<store::EnvOperation>& ops) {
              boost::json::array items;
              for (const auto& op : ops) items.push_back(EnvOperationJson(op));
              return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
            });
      });

  router.Add("GET", "/api/v1/environments/{id}/events", Permission::kAppRead, [&deps](Call& call) {
    auto slot = deps.streams.Acquire(call.context.caller.user_id);
    if (!slot.ok()) return ErrorResponse(slot.error());
    auto stream = std::make_shared<EnvEventStream>();
    if (auto timeout = call.request.Query("timeout_seconds")) {
      auto seconds = core::ParseId(*timeout);
      if (!seconds || *seconds > 3600) {
        return ErrorResponse(core::Invalid("timeout_seconds must be between 1 and 3600",
                                           {{"field", "timeout_seconds"}}));
      }
      stream->deadline = std::chrono::steady_clock::now() + std::chrono::seconds(*seconds);
    }
    std::weak_ptr<QueueStream> queue = stream->queue;
    auto subscription = deps.environments.Subscribe(call.context, call.params["id"],
                                                    [queue](const services::EnvEvent& event) {
                                                      auto [name, data] = EnvEventJson(event);
                                                      if (auto q = queue.lock())
                                                        q->Push(SseBlock(name, data));
                                                    });
    if (!subscription.ok()) return ErrorResponse(subscription.error());
    stream->subscription = std::move(*subscription);
    stream->queue->Push("retry: 3000\n\n");
    Response response;
    response.content_type = "text/event-stream";
    response.headers.push_back({"Cache-Control", "no-cache"});
    response.stream = StreamSlots::Hold(std::move(*slot), stream);
    return response;
  });
}

}  // namespace slipway::http
